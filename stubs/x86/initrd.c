/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Which initrd the kernel gets (doc/ARCHITECTURE.md, "Initrd from a
 * loader"): the image's own initrd region always wins; when the image has
 * none, the first module the loader passed (multiboot `module`, QEMU
 * -initrd, a PVH module) becomes the initrd. Every other module is ignored,
 * with a warning on COM1. A loader module is checked against the boot
 * protocol's rules; the stub never moves it.
 */
#include "stub.h"

/* The kernel's reservation: from its load address up to the stub (plan.c) */
static int initrd_overlaps_kernel(const struct stub_params *params, uint64_t addr, uint64_t size)
{
	uint64_t start = params->kernel_load_addr;
	uint64_t end = (uint32_t)(uintptr_t)stub_header;

	return addr < end && addr + size > start;
}

static void initrd_use_module(struct boot_params *boot_params, const struct stub_params *params,
			      const struct boot_info *info)
{
	uint64_t limit = boot_params->hdr.initrd_addr_max;

	if (boot_params->hdr.version < 0x0203 || limit == 0)
		limit = INITRD_ADDR_MAX_BEFORE_2_03;
	if (info->module_addr + info->module_size - 1 > limit)
		console_fail("loader module ends above the kernel's initrd_addr_max (boot.rst)");
	if (initrd_overlaps_kernel(params, info->module_addr, info->module_size))
		console_fail("loader module overlaps the memory the kernel reserves (init_size)");
	if (info->module_count > 1)
		console_line_u32("loader modules after the first ignored: ", info->module_count - 1, "");
	bootparams_set_initrd(boot_params, info->module_addr, info->module_size);
}

void initrd_choose(struct boot_params *boot_params, const struct stub_params *params,
		   const struct boot_info *info)
{
	if (params->initrd_addr && params->initrd_size) {
		bootparams_set_initrd(boot_params, params->initrd_addr, params->initrd_size);
		if (info->module_count)
			console_line_u32("loader modules ignored, the image has its own initrd: ",
					 info->module_count, "");
		return;
	}
	if (info->module_count)
		initrd_use_module(boot_params, params, info);
}
