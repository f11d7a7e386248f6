/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * PVH start info (formats/pvh.h; Xen start_info.h) read into a struct
 * boot_info: command line, the first module, the memory map (version 1)
 * and the ACPI RSDP. Counts are clamped; structures at or above 4 GiB are
 * treated as absent (paging is off), a module there is only passed on.
 */
#include "stub.h"

/* A memory map longer than this is not believed (24-byte entries) */
#define PVH_MEMMAP_MAX_ENTRIES     0x1000u

/* Xen's types 1..5 are e820's; DISABLED is reserved memory to Linux, PMEM is e820's 7 */
static uint32_t pvh_e820_type(uint32_t type)
{
	if (type >= XEN_HVM_MEMMAP_TYPE_RAM && type <= XEN_HVM_MEMMAP_TYPE_UNUSABLE)
		return type;
	if (type == XEN_HVM_MEMMAP_TYPE_PMEM)
		return E820_TYPE_PMEM;
	return E820_TYPE_RESERVED;
}

static void pvh_read_memmap(const struct hvm_start_info *start, struct boot_info *info)
{
	uint32_t count = start->memmap_entries;
	uint32_t index;

	if (count > PVH_MEMMAP_MAX_ENTRIES)
		count = PVH_MEMMAP_MAX_ENTRIES;
	if (start->memmap_paddr == 0)
		return;
	count = bootinfo_span(start->memmap_paddr, count * sizeof(struct hvm_memmap_table_entry)) /
		sizeof(struct hvm_memmap_table_entry);
	for (index = 0; index < count; index++) {
		struct hvm_memmap_table_entry entry;

		memcpy(&entry, (const uint8_t *)(uintptr_t)start->memmap_paddr +
		       index * sizeof(entry), sizeof(entry));
		bootinfo_add_range(info, entry.addr, entry.size, pvh_e820_type(entry.type));
	}
}

/* The first module is an initrd candidate (initrd.c decides) */
static void pvh_read_modules(const struct hvm_start_info *start, struct boot_info *info)
{
	struct hvm_modlist_entry module;

	if (start->nr_modules == 0 ||
	    bootinfo_span(start->modlist_paddr, sizeof(module)) < sizeof(module))
		return;
	memcpy(&module, (const void *)(uintptr_t)start->modlist_paddr, sizeof(module));
	/* a module above 4 GiB is kept: initrd.c passes it on through ext_* when allowed */
	if (module.size == 0)
		return;
	info->module_count = start->nr_modules;
	info->module_addr = module.paddr;
	info->module_size = module.size;
}

int pvh_read(uint32_t start_info_addr, struct boot_info *info)
{
	struct hvm_start_info start;

	if (start_info_addr == 0 || bootinfo_span(start_info_addr, sizeof(start)) < sizeof(start))
		return -1;
	/* a copy, read once; a version 0 structure ends before memmap_paddr */
	memcpy(&start, (const void *)(uintptr_t)start_info_addr, sizeof(start));
	if (start.magic != XEN_HVM_START_MAGIC_VALUE)
		return -1;
	if (start.version == 0) {
		start.memmap_paddr = 0;
		start.memmap_entries = 0;
	}
	info->cmdline = bootinfo_string(start.cmdline_paddr, &info->cmdline_len);
	info->rsdp_addr = start.rsdp_paddr;
	pvh_read_modules(&start, info);
	pvh_read_memmap(&start, info);
	return 0;
}
