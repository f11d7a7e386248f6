/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Multiboot version 1: the header an image carries and the information
 * structure a loader hands over in EBX (with EAX = 0x2BADB002).
 *
 * Specification: Multiboot Specification version 0.6.96, section 3.1
 * ("OS image format") and section 3.3 ("Boot information format").
 * Every address in the information structure is a 32-bit physical address;
 * a field is valid only when its bit in `flags` is set.
 *
 * Shared by mkelfimage, the x86 stub and the test harnesses: fixed-width
 * types only.
 */
#ifndef FORMATS_MULTIBOOT_H
#define FORMATS_MULTIBOOT_H

#include <stdint.h>

/* 3.1.1: the header must lie, 4-byte aligned, in the first 8192 bytes */
#define MULTIBOOT_HEADER_MAGIC     0x1badb002u
#define MULTIBOOT_SEARCH           8192
#define MULTIBOOT_HEADER_ALIGN     4

/* 3.1.2 header flags */
#define MULTIBOOT_PAGE_ALIGN       0x00000001u  /* modules page aligned */
#define MULTIBOOT_MEMORY_INFO      0x00000002u  /* mem_* / mmap_* wanted */
#define MULTIBOOT_VIDEO_MODE       0x00000004u  /* QEMU and iPXE ignore or refuse */
#define MULTIBOOT_AOUT_KLUDGE      0x00010000u  /* never set: loaders then ignore
						   the program headers */

/* 3.2: EAX at entry */
#define MULTIBOOT_BOOTLOADER_MAGIC 0x2badb002u

/* 3.3 info flags */
#define MULTIBOOT_INFO_MEMORY            0x00000001u
#define MULTIBOOT_INFO_BOOTDEV           0x00000002u
#define MULTIBOOT_INFO_CMDLINE           0x00000004u
#define MULTIBOOT_INFO_MODS              0x00000008u
#define MULTIBOOT_INFO_AOUT_SYMS         0x00000010u
#define MULTIBOOT_INFO_ELF_SHDR          0x00000020u
#define MULTIBOOT_INFO_MEM_MAP           0x00000040u
#define MULTIBOOT_INFO_DRIVE_INFO        0x00000080u
#define MULTIBOOT_INFO_CONFIG_TABLE      0x00000100u
#define MULTIBOOT_INFO_BOOT_LOADER_NAME  0x00000200u
#define MULTIBOOT_INFO_APM_TABLE         0x00000400u
#define MULTIBOOT_INFO_VBE_INFO          0x00000800u
#define MULTIBOOT_INFO_FRAMEBUFFER_INFO  0x00001000u

/* 3.3 memory map entry types */
#define MULTIBOOT_MEMORY_AVAILABLE        1
#define MULTIBOOT_MEMORY_RESERVED         2
#define MULTIBOOT_MEMORY_ACPI_RECLAIMABLE 3
#define MULTIBOOT_MEMORY_NVS              4
#define MULTIBOOT_MEMORY_BADRAM           5

/* 3.1.1 the header (only the first three fields without the a.out kludge) */
struct multiboot_header {
	uint32_t magic;                /* 0x00 */
	uint32_t flags;                /* 0x04 */
	uint32_t checksum;             /* 0x08  magic + flags + checksum == 0 */
	uint32_t header_addr;          /* 0x0c  AOUT_KLUDGE only */
	uint32_t load_addr;            /* 0x10  AOUT_KLUDGE only */
	uint32_t load_end_addr;        /* 0x14  AOUT_KLUDGE only */
	uint32_t bss_end_addr;         /* 0x18  AOUT_KLUDGE only */
	uint32_t entry_addr;           /* 0x1c  AOUT_KLUDGE only */
	uint32_t mode_type;            /* 0x20  VIDEO_MODE only */
	uint32_t width;                /* 0x24 */
	uint32_t height;               /* 0x28 */
	uint32_t depth;                /* 0x2c */
};                                 /* 0x30 */

/* 3.3 the boot information structure */
struct multiboot_info {
	uint32_t flags;                /* 0x00 */
	uint32_t mem_lower;            /* 0x04  KiB below 1 MiB (bit 0) */
	uint32_t mem_upper;            /* 0x08  KiB from 1 MiB (bit 0) */
	uint32_t boot_device;          /* 0x0c  bit 1 */
	uint32_t cmdline;              /* 0x10  bit 2, NUL-terminated */
	uint32_t mods_count;           /* 0x14  bit 3 */
	uint32_t mods_addr;            /* 0x18  bit 3 */
	uint32_t syms[4];              /* 0x1c  bits 4/5 */
	uint32_t mmap_length;          /* 0x2c  bit 6, bytes */
	uint32_t mmap_addr;            /* 0x30  bit 6 */
	uint32_t drives_length;        /* 0x34  bit 7 */
	uint32_t drives_addr;          /* 0x38  bit 7 */
	uint32_t config_table;         /* 0x3c  bit 8 */
	uint32_t boot_loader_name;     /* 0x40  bit 9, NUL-terminated */
	uint32_t apm_table;            /* 0x44  bit 10 */
	uint32_t vbe_control_info;     /* 0x48  bit 11 */
	uint32_t vbe_mode_info;        /* 0x4c */
	uint16_t vbe_mode;             /* 0x50 */
	uint16_t vbe_interface_seg;    /* 0x52 */
	uint16_t vbe_interface_off;    /* 0x54 */
	uint16_t vbe_interface_len;    /* 0x56 */
	uint64_t framebuffer_addr;     /* 0x58  bit 12 */
	uint32_t framebuffer_pitch;    /* 0x60 */
	uint32_t framebuffer_width;    /* 0x64 */
	uint32_t framebuffer_height;   /* 0x68 */
	uint8_t  framebuffer_bpp;      /* 0x6c */
	uint8_t  framebuffer_type;     /* 0x6d */
	uint8_t  color_info[6];        /* 0x6e */
} __attribute__((packed));         /* 0x74 */

/*
 * 3.3 memory map entry. `size` counts the bytes that follow it (at least 20),
 * so the next entry starts at (entry + size + 4): a loader may use larger
 * entries, and a reader must step by `size`, never by sizeof.
 */
struct multiboot_mmap_entry {
	uint32_t size;                 /* 0x00  bytes after this field */
	uint64_t addr;                 /* 0x04 */
	uint64_t len;                  /* 0x0c */
	uint32_t type;                 /* 0x14 */
} __attribute__((packed));         /* 0x18 */

/* 3.3 module list entry */
struct multiboot_module {
	uint32_t mod_start;            /* 0x00 */
	uint32_t mod_end;              /* 0x04  exclusive */
	uint32_t cmdline;              /* 0x08  NUL-terminated, may be 0 */
	uint32_t pad;                  /* 0x0c */
};                                 /* 0x10 */

_Static_assert(sizeof(struct multiboot_header) == 0x30, "multiboot header layout");
_Static_assert(__builtin_offsetof(struct multiboot_info, cmdline) == 0x10, "mbi.cmdline");
_Static_assert(__builtin_offsetof(struct multiboot_info, mods_count) == 0x14, "mbi.mods_count");
_Static_assert(__builtin_offsetof(struct multiboot_info, mmap_length) == 0x2c, "mbi.mmap_length");
_Static_assert(__builtin_offsetof(struct multiboot_info, boot_loader_name) == 0x40, "mbi.boot_loader_name");
_Static_assert(__builtin_offsetof(struct multiboot_info, framebuffer_addr) == 0x58, "mbi.framebuffer_addr");
_Static_assert(sizeof(struct multiboot_info) == 0x74, "multiboot info layout");
_Static_assert(sizeof(struct multiboot_mmap_entry) == 24, "mmap entry layout");
_Static_assert(sizeof(struct multiboot_module) == 16, "module entry layout");

#endif
