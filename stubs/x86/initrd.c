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

/*
 * boot.rst xloadflags (2.12+): XLF_CAN_BE_LOADED_ABOVE_4G lets the ramdisk
 * lie above 4 GiB, its high bits in ext_ramdisk_image; then initrd_addr_max
 * (a 32-bit limit) does not apply to it.
 */
static int initrd_above_4g_allowed(const struct boot_params *boot_params)
{
	return boot_params->hdr.version >= BOOT_PROTOCOL(2, 12) &&
	       (boot_params->hdr.xloadflags & XLF_CAN_BE_LOADED_ABOVE_4G);
}

static void initrd_use_module(struct boot_params *boot_params, const struct stub_params *params,
			      const struct boot_info *info)
{
	uint64_t limit = boot_params->hdr.initrd_addr_max;
	uint64_t end = info->module_addr + info->module_size;

	if (boot_params->hdr.version < BOOT_PROTOCOL(2, 3) || limit == 0)
		limit = INITRD_ADDR_MAX_BEFORE_2_03;
	if (end > 0x100000000ull) {
		if (!initrd_above_4g_allowed(boot_params))
			console_fail("loader module above 4 GiB, and the kernel's xloadflags do not allow it (boot.rst)");
	} else if (end - 1 > limit) {
		console_fail("loader module ends above the kernel's initrd_addr_max (boot.rst)");
	}
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
