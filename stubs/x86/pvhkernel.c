/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Entering a vmlinux through its PVH entry (stub_params.kernel_protocol
 * STUB_KERNEL_PVH): the zero page stub_main built is turned into the
 * struct hvm_start_info the PVH ABI hands the kernel (formats/pvh.h; Xen
 * docs/misc/pvh.pandoc). Version 1, because Linux outside Xen takes its
 * memory map only from memmap_paddr (arch/x86/platform/pvh/enlighten.c
 * init_pvh_bootparams: version 0 without Xen is a BUG()). Everything lives
 * in the stub's BSS, outside the kernel's PT_LOADs (plan.c), so it is intact
 * when the kernel reads it.
 */
#include "stub.h"

static struct hvm_start_info pvhkernel_start_info __attribute__((aligned(8)));
static struct hvm_modlist_entry pvhkernel_module __attribute__((aligned(8)));
static struct hvm_memmap_table_entry pvhkernel_memmap[STUB_MEMORY_RANGES_MAX]
	__attribute__((aligned(8)));

/* e820 types 1..5 and 7 are the same numbers in the PVH memory map */
static void pvhkernel_fill_memmap(struct hvm_start_info *start, const struct boot_info *info)
{
	uint32_t count = info->range_count, index;

	if (count > STUB_MEMORY_RANGES_MAX)
		count = STUB_MEMORY_RANGES_MAX;
	for (index = 0; index < count; index++) {
		pvhkernel_memmap[index].addr = info->ranges[index].addr;
		pvhkernel_memmap[index].size = info->ranges[index].size;
		pvhkernel_memmap[index].type = info->ranges[index].type;
		pvhkernel_memmap[index].reserved = 0;
	}
	start->memmap_paddr = (uint32_t)(uintptr_t)pvhkernel_memmap;
	start->memmap_entries = count;
}

/* The initrd the zero page names (the image's, moved or not, or a loader module) as module 0 */
static void pvhkernel_fill_module(struct hvm_start_info *start, const struct boot_params *boot_params)
{
	uint64_t addr = boot_params->hdr.ramdisk_image | (uint64_t)boot_params->ext_ramdisk_image << 32;
	uint64_t size = boot_params->hdr.ramdisk_size | (uint64_t)boot_params->ext_ramdisk_size << 32;

	if (size == 0)
		return;
	pvhkernel_module.paddr = addr;
	pvhkernel_module.size = size;
	pvhkernel_module.cmdline_paddr = 0;
	start->nr_modules = 1;
	start->modlist_paddr = (uint32_t)(uintptr_t)&pvhkernel_module;
}

void pvhkernel_enter(const struct boot_params *boot_params, const struct boot_info *info,
		     uint32_t entry)
{
	struct hvm_start_info *start = &pvhkernel_start_info;

	memset(start, 0, sizeof(*start));
	start->magic = XEN_HVM_START_MAGIC_VALUE;
	start->version = 1;
	start->cmdline_paddr = boot_params->hdr.cmd_line_ptr;
	start->rsdp_paddr = boot_params->acpi_rsdp_addr;
	pvhkernel_fill_module(start, boot_params);
	pvhkernel_fill_memmap(start, info);
	stub_enter_pvh(start, entry);
}
