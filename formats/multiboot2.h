/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Multiboot2: the header an image carries and the tagged information block
 * a loader hands over in EBX (with EAX = 0x36d76289).
 *
 * Specification: Multiboot2 Specification version 2.0, section 3.1 ("OS
 * image format": header and header tags) and section 3.6 ("Boot information
 * format": the fixed part and the tags). Tag numbers as in the
 * specification's multiboot2.h (GRUB include/multiboot2.h).
 *
 *   header (8-byte aligned in the first 32768 bytes)
 *   0x00 magic 0xe85250d6 | 0x04 architecture | 0x08 header_length
 *   0x0c checksum         | 0x10 header tags, each 8-byte aligned, the last
 *                           one type 0 with size 8
 *
 *   information block (8-byte aligned)
 *   0x00 total_size | 0x04 reserved | 0x08 tags: type, size, data; each tag
 *                                      starts 8-byte aligned; type 0 ends
 *
 * Shared by mkelfimage, the x86 stub and the test harnesses: fixed-width
 * types only. Every multi-byte field is little endian.
 */
#ifndef FORMATS_MULTIBOOT2_H
#define FORMATS_MULTIBOOT2_H

#include <stdint.h>

/* 3.1.1: the header lies, 8-byte aligned, entirely in the first 32768 bytes */
#define MULTIBOOT2_HEADER_MAGIC        0xe85250d6u
#define MULTIBOOT2_SEARCH              32768
#define MULTIBOOT2_HEADER_ALIGN        8
#define MULTIBOOT2_TAG_ALIGN           8

/* 3.1.2 architecture */
#define MULTIBOOT2_ARCHITECTURE_I386   0

/* 3.2: EAX at entry */
#define MULTIBOOT2_BOOTLOADER_MAGIC    0x36d76289u

/* 3.1.3 header tag types (3.1.4-3.1.12) */
#define MULTIBOOT2_HEADER_TAG_END                  0
#define MULTIBOOT2_HEADER_TAG_INFORMATION_REQUEST  1
#define MULTIBOOT2_HEADER_TAG_ADDRESS              2
#define MULTIBOOT2_HEADER_TAG_ENTRY_ADDRESS        3
#define MULTIBOOT2_HEADER_TAG_CONSOLE_FLAGS        4
#define MULTIBOOT2_HEADER_TAG_FRAMEBUFFER          5
#define MULTIBOOT2_HEADER_TAG_MODULE_ALIGN         6
#define MULTIBOOT2_HEADER_TAG_EFI_BS               7  /* keep boot services: never here */
#define MULTIBOOT2_HEADER_TAG_ENTRY_ADDRESS_EFI32  8
#define MULTIBOOT2_HEADER_TAG_ENTRY_ADDRESS_EFI64  9
#define MULTIBOOT2_HEADER_TAG_RELOCATABLE          10

/* 3.1.3 header tag flags: bit 0 set, a loader may ignore the tag */
#define MULTIBOOT2_HEADER_TAG_OPTIONAL             1

/* 3.6.x information tag types */
#define MULTIBOOT2_TAG_TYPE_END                0
#define MULTIBOOT2_TAG_TYPE_CMDLINE            1
#define MULTIBOOT2_TAG_TYPE_BOOT_LOADER_NAME   2
#define MULTIBOOT2_TAG_TYPE_MODULE             3
#define MULTIBOOT2_TAG_TYPE_BASIC_MEMINFO      4
#define MULTIBOOT2_TAG_TYPE_BOOTDEV            5
#define MULTIBOOT2_TAG_TYPE_MMAP               6
#define MULTIBOOT2_TAG_TYPE_VBE                7
#define MULTIBOOT2_TAG_TYPE_FRAMEBUFFER        8
#define MULTIBOOT2_TAG_TYPE_ELF_SECTIONS       9
#define MULTIBOOT2_TAG_TYPE_APM                10
#define MULTIBOOT2_TAG_TYPE_EFI32              11
#define MULTIBOOT2_TAG_TYPE_EFI64              12
#define MULTIBOOT2_TAG_TYPE_SMBIOS             13
#define MULTIBOOT2_TAG_TYPE_ACPI_OLD           14  /* a copy of the RSDP, not its address */
#define MULTIBOOT2_TAG_TYPE_ACPI_NEW           15  /* likewise */
#define MULTIBOOT2_TAG_TYPE_NETWORK            16
#define MULTIBOOT2_TAG_TYPE_EFI_MMAP           17
#define MULTIBOOT2_TAG_TYPE_EFI_BS             18  /* boot services not terminated */
#define MULTIBOOT2_TAG_TYPE_EFI32_IH           19
#define MULTIBOOT2_TAG_TYPE_EFI64_IH           20
#define MULTIBOOT2_TAG_TYPE_LOAD_BASE_ADDR     21

/* 3.6.8 memory map entry types; GRUB on EFI also passes its own 20
 * (GRUB_MEMORY_CODE, EfiRuntimeServicesCode: grub-core/mmap/efi/mmap.c) */
#define MULTIBOOT2_MEMORY_AVAILABLE            1
#define MULTIBOOT2_MEMORY_RESERVED             2
#define MULTIBOOT2_MEMORY_ACPI_RECLAIMABLE     3
#define MULTIBOOT2_MEMORY_NVS                  4
#define MULTIBOOT2_MEMORY_BADRAM               5

/* 3.6.12 framebuffer_type */
#define MULTIBOOT2_FRAMEBUFFER_TYPE_INDEXED    0
#define MULTIBOOT2_FRAMEBUFFER_TYPE_RGB        1
#define MULTIBOOT2_FRAMEBUFFER_TYPE_EGA_TEXT   2

/* 3.1.1 the header's fixed part */
struct multiboot2_header {
	uint32_t magic;                /* 0x00 */
	uint32_t architecture;         /* 0x04 */
	uint32_t header_length;        /* 0x08  bytes, tags included */
	uint32_t checksum;             /* 0x0c  the four fields sum to 0 (mod 2^32) */
};                                     /* 0x10 */

/* 3.1.3 one header tag */
struct multiboot2_header_tag {
	uint16_t type;                 /* 0x00 */
	uint16_t flags;                /* 0x02  MULTIBOOT2_HEADER_TAG_OPTIONAL */
	uint32_t size;                 /* 0x04  bytes, this header included */
};                                     /* 0x08 */

/* 3.1.10 the framebuffer tag: 0 in a field means no preference */
struct multiboot2_header_tag_framebuffer {
	uint16_t type;                 /* 0x00  5 */
	uint16_t flags;                /* 0x02 */
	uint32_t size;                 /* 0x04  20 */
	uint32_t width;                /* 0x08 */
	uint32_t height;               /* 0x0c */
	uint32_t depth;                /* 0x10 */
};                                     /* 0x14 */

/* 3.6.1 the information block's fixed part */
struct multiboot2_info {
	uint32_t total_size;           /* 0x00  bytes, the end tag included */
	uint32_t reserved;             /* 0x04 */
};                                     /* 0x08 */

/* 3.6.1 every tag starts with these */
struct multiboot2_tag {
	uint32_t type;                 /* 0x00 */
	uint32_t size;                 /* 0x04  bytes, without the padding to 8 */
};                                     /* 0x08 */

/* 3.6.4 a module: [mod_start, mod_end), then its NUL-terminated string */
struct multiboot2_tag_module {
	uint32_t type;                 /* 0x00  3 */
	uint32_t size;                 /* 0x04 */
	uint32_t mod_start;            /* 0x08 */
	uint32_t mod_end;              /* 0x0c */
};                                     /* 0x10  string follows */

/* 3.6.8 the memory map: entries of entry_size bytes follow */
struct multiboot2_tag_mmap {
	uint32_t type;                 /* 0x00  6 */
	uint32_t size;                 /* 0x04 */
	uint32_t entry_size;           /* 0x08  a multiple of 8, at least 24 */
	uint32_t entry_version;        /* 0x0c  0 */
};                                     /* 0x10 */

struct multiboot2_mmap_entry {
	uint64_t base_addr;            /* 0x00 */
	uint64_t length;               /* 0x08 */
	uint32_t type;                 /* 0x10 */
	uint32_t reserved;             /* 0x14 */
};                                     /* 0x18 */

/* 3.6.12 the framebuffer (common part; the RGB colour info follows at 0x20) */
struct multiboot2_tag_framebuffer {
	uint32_t type;                 /* 0x00  8 */
	uint32_t size;                 /* 0x04 */
	uint64_t framebuffer_addr;     /* 0x08 */
	uint32_t framebuffer_pitch;    /* 0x10  bytes per line */
	uint32_t framebuffer_width;    /* 0x14  pixels (characters for EGA text) */
	uint32_t framebuffer_height;   /* 0x18 */
	uint8_t  framebuffer_bpp;      /* 0x1c */
	uint8_t  framebuffer_type;     /* 0x1d  MULTIBOOT2_FRAMEBUFFER_TYPE_* */
	uint16_t reserved;             /* 0x1e */
	/* framebuffer_type 1 (RGB) */
	uint8_t  framebuffer_red_field_position;    /* 0x20 */
	uint8_t  framebuffer_red_mask_size;         /* 0x21 */
	uint8_t  framebuffer_green_field_position;  /* 0x22 */
	uint8_t  framebuffer_green_mask_size;       /* 0x23 */
	uint8_t  framebuffer_blue_field_position;   /* 0x24 */
	uint8_t  framebuffer_blue_mask_size;        /* 0x25 */
	uint8_t  _pad[2];                           /* 0x26  not in the tag */
};                                     /* 0x28 */
/* an RGB framebuffer tag's size: no padding after blue_mask_size (GRUB: 0x26) */
#define MULTIBOOT2_TAG_FRAMEBUFFER_RGB_SIZE 0x26

/* 3.6.14 / 3.6.15 the EFI system table: a 32-bit or a 64-bit pointer */
struct multiboot2_tag_efi32 {
	uint32_t type;                 /* 0x00  11 */
	uint32_t size;                 /* 0x04  12 */
	uint32_t pointer;              /* 0x08 */
};                                     /* 0x0c */

struct multiboot2_tag_efi64 {
	uint32_t type;                 /* 0x00  12 */
	uint32_t size;                 /* 0x04  16 */
	uint64_t pointer;              /* 0x08 */
};                                     /* 0x10 */

/* 3.6.20 the EFI memory map the loader passed to ExitBootServices */
struct multiboot2_tag_efi_mmap {
	uint32_t type;                 /* 0x00  17 */
	uint32_t size;                 /* 0x04 */
	uint32_t descr_size;           /* 0x08  never assume sizeof(EFI_MEMORY_DESCRIPTOR) */
	uint32_t descr_vers;           /* 0x0c */
};                                     /* 0x10  descriptors follow */

_Static_assert(sizeof(struct multiboot2_header) == 0x10, "multiboot2_header layout");
_Static_assert(sizeof(struct multiboot2_header_tag) == 0x08, "multiboot2_header_tag layout");
_Static_assert(sizeof(struct multiboot2_header_tag_framebuffer) == 0x14, "framebuffer header tag layout");
_Static_assert(sizeof(struct multiboot2_info) == 0x08, "multiboot2_info layout");
_Static_assert(sizeof(struct multiboot2_tag) == 0x08, "multiboot2_tag layout");
_Static_assert(sizeof(struct multiboot2_tag_module) == 0x10, "module tag layout");
_Static_assert(sizeof(struct multiboot2_tag_mmap) == 0x10, "mmap tag layout");
_Static_assert(sizeof(struct multiboot2_mmap_entry) == 0x18, "mmap entry layout");
_Static_assert(__builtin_offsetof(struct multiboot2_tag_framebuffer, framebuffer_addr) == 0x08,
	       "framebuffer tag: framebuffer_addr");
_Static_assert(__builtin_offsetof(struct multiboot2_tag_framebuffer, framebuffer_bpp) == 0x1c,
	       "framebuffer tag: framebuffer_bpp");
_Static_assert(__builtin_offsetof(struct multiboot2_tag_framebuffer, framebuffer_red_field_position) == 0x20,
	       "framebuffer tag: colour info");
_Static_assert(__builtin_offsetof(struct multiboot2_tag_framebuffer, framebuffer_blue_mask_size) + 1 ==
	       MULTIBOOT2_TAG_FRAMEBUFFER_RGB_SIZE, "framebuffer tag: RGB size");
_Static_assert(sizeof(struct multiboot2_tag_framebuffer) == 0x28, "framebuffer tag layout");
_Static_assert(sizeof(struct multiboot2_tag_efi32) == 0x0c, "EFI32 tag layout");
_Static_assert(__builtin_offsetof(struct multiboot2_tag_efi64, pointer) == 0x08, "EFI64 tag: pointer");
_Static_assert(sizeof(struct multiboot2_tag_efi64) == 0x10, "EFI64 tag layout");
_Static_assert(sizeof(struct multiboot2_tag_efi_mmap) == 0x10, "EFI mmap tag layout");

#endif
