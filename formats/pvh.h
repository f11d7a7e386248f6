/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The PVH boot ABI: the start-of-day structure a PVH loader (Xen, QEMU's PVH
 * option ROM for -kernel without a multiboot header) hands the 32-bit entry
 * named by the image's Xen note XEN_ELFNOTE_PHYS32_ENTRY (formats/elfnote.h).
 *
 * Specification: Xen public/arch-x86/hvm/start_info.h and docs/misc/pvh.pandoc
 * ("x86/HVM direct boot ABI"). Entry: 32-bit protected mode, paging off,
 * CS flat code and DS/ES flat data (selectors unspecified), EFLAGS.IF = 0,
 * EBX = physical address of struct hvm_start_info; no stack.
 *
 *  0 +----------------+
 *    | magic          | XEN_HVM_START_MAGIC_VALUE
 *  4 | version        | 0, or 1 with the memory map fields
 *  8 | flags          | SIF_xxx
 * 12 | nr_modules     | entries at modlist_paddr
 * 16 | modlist_paddr  | struct hvm_modlist_entry[nr_modules]
 * 24 | cmdline_paddr  | NUL-terminated command line
 * 32 | rsdp_paddr     | ACPI RSDP
 * 40 | memmap_paddr   | struct hvm_memmap_table_entry[]  (version 1)
 * 48 | memmap_entries |                                  (version 1)
 * 52 | reserved       |
 * 56 +----------------+
 *
 * Every address is physical; 0 means absent. The 64-bit fields sit at
 * 8-byte offsets, so the layout is the same for -m32 and 64-bit builds.
 */
#ifndef FORMATS_PVH_H
#define FORMATS_PVH_H

#include <stdint.h>

#define XEN_HVM_START_MAGIC_VALUE  0x336ec578u

/* hvm_memmap_table_entry.type: e820 numbering, plus two of Xen's own */
#define XEN_HVM_MEMMAP_TYPE_RAM       1
#define XEN_HVM_MEMMAP_TYPE_RESERVED  2
#define XEN_HVM_MEMMAP_TYPE_ACPI      3
#define XEN_HVM_MEMMAP_TYPE_NVS       4
#define XEN_HVM_MEMMAP_TYPE_UNUSABLE  5
#define XEN_HVM_MEMMAP_TYPE_DISABLED  6
#define XEN_HVM_MEMMAP_TYPE_PMEM      7

struct hvm_start_info {
	uint32_t magic;                /* 0x00 */
	uint32_t version;              /* 0x04 */
	uint32_t flags;                /* 0x08 */
	uint32_t nr_modules;           /* 0x0c */
	uint64_t modlist_paddr;        /* 0x10 */
	uint64_t cmdline_paddr;        /* 0x18 */
	uint64_t rsdp_paddr;           /* 0x20 */
	uint64_t memmap_paddr;         /* 0x28  version 1 */
	uint32_t memmap_entries;       /* 0x30  version 1 */
	uint32_t reserved;             /* 0x34 */
};                                     /* 0x38 */

/* Size of the version 0 structure: the memory map fields are absent */
#define HVM_START_INFO_V0_SIZE     0x28

struct hvm_modlist_entry {
	uint64_t paddr;                /* 0x00 */
	uint64_t size;                 /* 0x08  bytes */
	uint64_t cmdline_paddr;        /* 0x10  0 = none */
	uint64_t reserved;             /* 0x18 */
};                                     /* 0x20 */

struct hvm_memmap_table_entry {
	uint64_t addr;                 /* 0x00 */
	uint64_t size;                 /* 0x08 */
	uint32_t type;                 /* 0x10  XEN_HVM_MEMMAP_TYPE_* */
	uint32_t reserved;             /* 0x14 */
};                                     /* 0x18 */

_Static_assert(__builtin_offsetof(struct hvm_start_info, modlist_paddr) == 0x10, "start_info.modlist_paddr");
_Static_assert(__builtin_offsetof(struct hvm_start_info, cmdline_paddr) == 0x18, "start_info.cmdline_paddr");
_Static_assert(__builtin_offsetof(struct hvm_start_info, rsdp_paddr) == 0x20, "start_info.rsdp_paddr");
_Static_assert(__builtin_offsetof(struct hvm_start_info, memmap_paddr) == 0x28, "start_info.memmap_paddr");
_Static_assert(__builtin_offsetof(struct hvm_start_info, memmap_entries) == 0x30, "start_info.memmap_entries");
_Static_assert(sizeof(struct hvm_start_info) == 0x38, "hvm_start_info layout");
_Static_assert(sizeof(struct hvm_modlist_entry) == 0x20, "hvm_modlist_entry layout");
_Static_assert(sizeof(struct hvm_memmap_table_entry) == 0x18, "hvm_memmap_table_entry layout");

#endif
