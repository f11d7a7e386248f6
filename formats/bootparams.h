/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Linux x86 zero page (struct boot_params) and the setup header inside it.
 *
 * Specification: Linux Documentation/arch/x86/boot.rst ("The real-mode kernel
 * header", protocols 2.00 to 2.15) and Documentation/arch/x86/zero-page.rst.
 * Offsets below are absolute offsets in the zero page; the setup header sits at
 * the same offset (0x1f1) in the first sector of a bzImage file, so the same
 * numbers locate fields in the file.
 *
 * Shared by mkelfimage (64-bit host), the x86 stub and the probe kernel (both
 * freestanding -m32): fixed-width types only, no host headers.
 *
 *   0x000 +---------------------------+
 *         | screen_info ... efi_info  |  filled by a loader from firmware data
 *   0x1e8 | e820_entries              |
 *   0x1ef | sentinel (must stay 0)    |  catches loaders that copy a whole sector
 *   0x1f1 +---------------------------+
 *         | struct setup_header       |  copied from the kernel file, then the
 *         |                           |  loader fields are written
 *   0x26c +---------------------------+
 *   0x2d0 | e820_table[128]           |
 *   0x1000+---------------------------+
 */
#ifndef FORMATS_BOOTPARAMS_H
#define FORMATS_BOOTPARAMS_H

#include <stdint.h>

#define BOOTPARAMS_SIZE            0x1000
#define SETUP_HEADER_OFFSET        0x1f1   /* hdr in the file and in boot_params */
#define SETUP_HEADER_JUMP_OFFSET   0x200   /* 2-byte jump; byte 0x201 is its length */
#define SETUP_HEADER_COPY_LIMIT    0x290   /* edd_mbr_sig_buffer starts here */
#define SETUP_SECTOR_SIZE          512
#define SETUP_SECTS_DEFAULT        4       /* setup_sects == 0 means 4 */

/* boot_flag */
#define BOOT_FLAG_MAGIC            0xaa55
/* header: "HdrS" */
#define HEADER_MAGIC               0x53726448u

/* loadflags (0x211) */
#define LOADED_HIGH                0x01
#define KASLR_FLAG                 0x02
#define QUIET_FLAG                 0x20
#define KEEP_SEGMENTS              0x40
#define CAN_USE_HEAP               0x80

/* xloadflags (0x236, protocol 2.12) */
#define XLF_KERNEL_64                  0x01
#define XLF_CAN_BE_LOADED_ABOVE_4G     0x02
#define XLF_EFI_HANDOVER_32            0x04
#define XLF_EFI_HANDOVER_64            0x08
#define XLF_EFI_KEXEC                  0x10

/* type_of_loader (0x210): 0xff means "undefined / not registered" */
#define TYPE_OF_LOADER_UNDEFINED   0xff

/* Defaults boot.rst gives for fields older protocols lack */
#define INITRD_ADDR_MAX_BEFORE_2_03   0x37ffffffu
#define CMDLINE_SIZE_BEFORE_2_06      255u

/* e820 entry type */
#define E820_TYPE_RAM              1
#define E820_TYPE_RESERVED         2
#define E820_TYPE_ACPI             3
#define E820_TYPE_NVS              4
#define E820_TYPE_UNUSABLE         5
#define E820_TYPE_PMEM             7
#define E820_MAX_ENTRIES_ZEROPAGE  128

/* setup_data types (arch/x86/include/uapi/asm/setup_data.h) */
#define SETUP_NONE                 0
#define SETUP_E820_EXT             1

/* Protocol versions (version field, 0x206) the code tests against */
#define BOOT_PROTOCOL(major, minor)   (((major) << 8) | (minor))

struct setup_header {
	uint8_t  setup_sects;          /* 0x1f1 */
	uint16_t root_flags;           /* 0x1f2 */
	uint32_t syssize;              /* 0x1f4  32-bit from 2.04 */
	uint16_t ram_size;             /* 0x1f8  obsolete */
	uint16_t vid_mode;             /* 0x1fa */
	uint16_t root_dev;             /* 0x1fc */
	uint16_t boot_flag;            /* 0x1fe  0xaa55 */
	uint16_t jump;                 /* 0x200  byte 0x201 = header length - 2 */
	uint32_t header;               /* 0x202  "HdrS" */
	uint16_t version;              /* 0x206 */
	uint32_t realmode_swtch;       /* 0x208 */
	uint16_t start_sys_seg;        /* 0x20c  obsolete */
	uint16_t kernel_version;       /* 0x20e  string offset - 0x200 */
	uint8_t  type_of_loader;       /* 0x210  written by the loader */
	uint8_t  loadflags;            /* 0x211 */
	uint16_t setup_move_size;      /* 0x212 */
	uint32_t code32_start;         /* 0x214 */
	uint32_t ramdisk_image;        /* 0x218  written by the loader */
	uint32_t ramdisk_size;         /* 0x21c  written by the loader */
	uint32_t bootsect_kludge;      /* 0x220  obsolete */
	uint16_t heap_end_ptr;         /* 0x224  2.01 */
	uint8_t  ext_loader_ver;       /* 0x226  2.02 */
	uint8_t  ext_loader_type;      /* 0x227  2.02 */
	uint32_t cmd_line_ptr;         /* 0x228  2.02, never 0 */
	uint32_t initrd_addr_max;      /* 0x22c  2.03, inclusive */
	uint32_t kernel_alignment;     /* 0x230  2.05 */
	uint8_t  relocatable_kernel;   /* 0x234  2.05 */
	uint8_t  min_alignment;        /* 0x235  2.10, log2 */
	uint16_t xloadflags;           /* 0x236  2.12 */
	uint32_t cmdline_size;         /* 0x238  2.06, excluding the NUL */
	uint32_t hardware_subarch;     /* 0x23c  2.07 */
	uint64_t hardware_subarch_data;/* 0x240  2.07 */
	uint32_t payload_offset;       /* 0x248  2.08 */
	uint32_t payload_length;       /* 0x24c  2.08 */
	uint64_t setup_data;           /* 0x250  2.09 */
	uint64_t pref_address;         /* 0x258  2.10 */
	uint32_t init_size;            /* 0x260  2.10 */
	uint32_t handover_offset;      /* 0x264  2.11 */
	uint32_t kernel_info_offset;   /* 0x268  2.15 */
} __attribute__((packed));         /* 0x26c  end */

struct boot_e820_entry {
	uint64_t addr;                 /* 0x00 */
	uint64_t size;                 /* 0x08 */
	uint32_t type;                 /* 0x10 */
} __attribute__((packed));         /* 0x14 */

/* setup_data node: a linked list in physical memory (2.09) */
struct setup_data {
	uint64_t next;                 /* 0x00  0 ends the list */
	uint32_t type;                 /* 0x08 */
	uint32_t len;                  /* 0x0c  bytes of data[] */
	uint8_t  data[];               /* 0x10 */
} __attribute__((packed));

/*
 * zero-page.rst 000/040 screen_info (include/uapi/linux/screen_info.h): the
 * fields a loader fills for a linear framebuffer it set up.
 */
#define VIDEO_TYPE_VLFB            0x23   /* VESA VGA in graphic mode (BIOS) */
#define VIDEO_TYPE_EFI             0x70   /* EFI graphic mode: Linux's efifb */
#define VIDEO_CAPABILITY_SKIP_QUIRKS  0x1u
#define VIDEO_CAPABILITY_64BIT_BASE   0x2u  /* ext_lfb_base holds bits 32..63 */

struct screen_info {
	uint8_t  orig_x;                       /* 0x00 */
	uint8_t  orig_y;                       /* 0x01 */
	uint16_t ext_mem_k;                    /* 0x02 */
	uint16_t orig_video_page;              /* 0x04 */
	uint8_t  orig_video_mode;              /* 0x06 */
	uint8_t  orig_video_cols;              /* 0x07 */
	uint8_t  flags;                        /* 0x08 */
	uint8_t  unused2;                      /* 0x09 */
	uint16_t orig_video_ega_bx;            /* 0x0a */
	uint16_t unused3;                      /* 0x0c */
	uint8_t  orig_video_lines;             /* 0x0e */
	uint8_t  orig_video_isVGA;             /* 0x0f  VIDEO_TYPE_* */
	uint16_t orig_video_points;            /* 0x10 */
	uint16_t lfb_width;                    /* 0x12 */
	uint16_t lfb_height;                   /* 0x14 */
	uint16_t lfb_depth;                    /* 0x16 */
	uint32_t lfb_base;                     /* 0x18 */
	uint32_t lfb_size;                     /* 0x1c */
	uint16_t cl_magic;                     /* 0x20 */
	uint16_t cl_offset;                    /* 0x22 */
	uint16_t lfb_linelength;               /* 0x24 */
	uint8_t  red_size;                     /* 0x26 */
	uint8_t  red_pos;                      /* 0x27 */
	uint8_t  green_size;                   /* 0x28 */
	uint8_t  green_pos;                    /* 0x29 */
	uint8_t  blue_size;                    /* 0x2a */
	uint8_t  blue_pos;                     /* 0x2b */
	uint8_t  rsvd_size;                    /* 0x2c */
	uint8_t  rsvd_pos;                     /* 0x2d */
	uint16_t vesapm_seg;                   /* 0x2e */
	uint16_t vesapm_off;                   /* 0x30 */
	uint16_t pages;                        /* 0x32 */
	uint16_t vesa_attributes;              /* 0x34 */
	uint32_t capabilities;                 /* 0x36 */
	uint32_t ext_lfb_base;                 /* 0x3a */
	uint8_t  _reserved[2];                 /* 0x3e */
} __attribute__((packed));                 /* 0x40 */

/*
 * zero-page.rst 1C0/020 efi_info (arch/x86/include/uapi/asm/bootparam.h):
 * this layout from protocol 2.06; the _hi words are read from 2.08 on.
 */
#define EFI32_LOADER_SIGNATURE     0x32334c45u  /* "EL32": tag 11, 32-bit firmware */
#define EFI64_LOADER_SIGNATURE     0x34364c45u  /* "EL64": tag 12, 64-bit firmware */

struct efi_info {
	uint32_t efi_loader_signature;         /* 0x1c0 */
	uint32_t efi_systab;                   /* 0x1c4 */
	uint32_t efi_memdesc_size;             /* 0x1c8 */
	uint32_t efi_memdesc_version;          /* 0x1cc */
	uint32_t efi_memmap;                   /* 0x1d0 */
	uint32_t efi_memmap_size;              /* 0x1d4 */
	uint32_t efi_systab_hi;                /* 0x1d8  2.08+ */
	uint32_t efi_memmap_hi;                /* 0x1dc  2.08+ */
};

struct boot_params {
	struct screen_info screen_info;        /* 0x000 */
	uint8_t  apm_bios_info[0x14];          /* 0x040 */
	uint8_t  _pad2[4];                     /* 0x054 */
	uint64_t tboot_addr;                   /* 0x058 */
	uint8_t  ist_info[0x10];               /* 0x060 */
	uint64_t acpi_rsdp_addr;               /* 0x070 */
	uint8_t  _pad3[8];                     /* 0x078 */
	uint8_t  hd0_info[16];                 /* 0x080  obsolete */
	uint8_t  hd1_info[16];                 /* 0x090  obsolete */
	uint8_t  sys_desc_table[0x10];         /* 0x0a0  obsolete */
	uint8_t  olpc_ofw_header[0x10];        /* 0x0b0 */
	uint32_t ext_ramdisk_image;            /* 0x0c0 */
	uint32_t ext_ramdisk_size;             /* 0x0c4 */
	uint32_t ext_cmd_line_ptr;             /* 0x0c8 */
	uint8_t  _pad4[112];                   /* 0x0cc */
	uint32_t cc_blob_address;              /* 0x13c */
	uint8_t  edid_info[0x80];              /* 0x140 */
	struct efi_info efi_info;              /* 0x1c0 */
	uint32_t alt_mem_k;                    /* 0x1e0 */
	uint32_t scratch;                      /* 0x1e4  the kernel's tiny early stack */
	uint8_t  e820_entries;                 /* 0x1e8 */
	uint8_t  eddbuf_entries;               /* 0x1e9 */
	uint8_t  edd_mbr_sig_buf_entries;      /* 0x1ea */
	uint8_t  kbd_status;                   /* 0x1eb */
	uint8_t  secure_boot;                  /* 0x1ec */
	uint8_t  _pad5[2];                     /* 0x1ed */
	uint8_t  sentinel;                     /* 0x1ef  must be 0 */
	uint8_t  _pad6[1];                     /* 0x1f0 */
	struct setup_header hdr;               /* 0x1f1 */
	uint8_t  _pad7[0x290 - 0x1f1 - sizeof(struct setup_header)]; /* 0x26c */
	uint32_t edd_mbr_sig_buffer[16];       /* 0x290 */
	struct boot_e820_entry e820_table[E820_MAX_ENTRIES_ZEROPAGE]; /* 0x2d0 */
	uint8_t  _pad8[48];                    /* 0xcd0 */
	uint8_t  eddbuf[6 * 82];               /* 0xd00 */
	uint8_t  _pad9[276];                   /* 0xeec */
} __attribute__((packed));                 /* 0x1000 */

#define BP_ASSERT_OFFSET(field, off) \
	_Static_assert(__builtin_offsetof(struct boot_params, field) == (off), \
		       "boot_params." #field " must sit at " #off)
BP_ASSERT_OFFSET(screen_info.orig_video_isVGA, 0x00f);
BP_ASSERT_OFFSET(screen_info.lfb_base, 0x018);
BP_ASSERT_OFFSET(screen_info.lfb_linelength, 0x024);
BP_ASSERT_OFFSET(screen_info.capabilities, 0x036);
BP_ASSERT_OFFSET(screen_info.ext_lfb_base, 0x03a);
BP_ASSERT_OFFSET(acpi_rsdp_addr, 0x070);
BP_ASSERT_OFFSET(ext_ramdisk_image, 0x0c0);
BP_ASSERT_OFFSET(ext_cmd_line_ptr, 0x0c8);
BP_ASSERT_OFFSET(cc_blob_address, 0x13c);
BP_ASSERT_OFFSET(efi_info, 0x1c0);
BP_ASSERT_OFFSET(efi_info.efi_memmap, 0x1d0);
BP_ASSERT_OFFSET(efi_info.efi_memmap_hi, 0x1dc);
BP_ASSERT_OFFSET(alt_mem_k, 0x1e0);
BP_ASSERT_OFFSET(scratch, 0x1e4);
BP_ASSERT_OFFSET(e820_entries, 0x1e8);
BP_ASSERT_OFFSET(sentinel, 0x1ef);
BP_ASSERT_OFFSET(hdr, 0x1f1);
BP_ASSERT_OFFSET(hdr.version, 0x206);
BP_ASSERT_OFFSET(hdr.type_of_loader, 0x210);
BP_ASSERT_OFFSET(hdr.code32_start, 0x214);
BP_ASSERT_OFFSET(hdr.ramdisk_image, 0x218);
BP_ASSERT_OFFSET(hdr.cmd_line_ptr, 0x228);
BP_ASSERT_OFFSET(hdr.initrd_addr_max, 0x22c);
BP_ASSERT_OFFSET(hdr.kernel_alignment, 0x230);
BP_ASSERT_OFFSET(hdr.xloadflags, 0x236);
BP_ASSERT_OFFSET(hdr.cmdline_size, 0x238);
BP_ASSERT_OFFSET(hdr.setup_data, 0x250);
BP_ASSERT_OFFSET(hdr.pref_address, 0x258);
BP_ASSERT_OFFSET(hdr.init_size, 0x260);
BP_ASSERT_OFFSET(hdr.kernel_info_offset, 0x268);
BP_ASSERT_OFFSET(edd_mbr_sig_buffer, 0x290);
BP_ASSERT_OFFSET(e820_table, 0x2d0);
BP_ASSERT_OFFSET(eddbuf, 0xd00);
_Static_assert(sizeof(struct setup_header) == 0x26c - 0x1f1, "setup_header ends at 0x26c");
_Static_assert(sizeof(struct screen_info) == 0x40, "screen_info is 0x40 bytes");
_Static_assert(sizeof(struct efi_info) == 0x20, "efi_info is 0x20 bytes");
_Static_assert(sizeof(struct boot_e820_entry) == 20, "e820 entry is 20 bytes");
_Static_assert(sizeof(struct boot_params) == BOOTPARAMS_SIZE, "boot_params is one page");

#endif
