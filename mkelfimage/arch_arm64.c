/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm64: an ELF64 EM_AARCH64 image entered through the arm64 stub
 * (stubs/arm64), which edits the loader's device tree (or the one at the
 * start of RAM) and enters the Image as booting.rst says. The plan and the
 * parameters are the device-tree arches' (arch_fdt.h); RAM starts at
 * 0x40000000 on QEMU virt (formats/arm64.h), and its first 2 MiB stay free
 * for the device tree QEMU puts there for an ELF.
 */
#include "config.h"

#include <elf.h>

#include "arch_fdt.h"
#include "formats/arm64.h"
#include "formats/fdtstub.h"

/*
 * RAM the image may need, counted from ARM64_RAM_BASE (the plan's
 * phys_base, so "minimum RAM" is RAM, not an address): QEMU virt's RAM
 * below 4 GiB is 3 GiB, and many boards have no more there. The stub checks
 * the device tree's /memory at boot as well.
 */
#define ARM64_RAM_LIMIT  0xc0000000ull

static const struct fdt_arch arm64_fdt = {
	.name = "arm64",
	.cross_compiler = "aarch64-linux-gnu-gcc",
	.cross_package = "gcc-aarch64-linux-gnu",
	.stub = &stub_arm64_blob,
	.loader_dtb_addr = ARM64_RAM_BASE,
	.uart_base = ARM64_PL011_QEMU_VIRT,
	.cmdline_max = ARM64_COMMAND_LINE_SIZE - 1,
};

static void arm64_fill_params(uint8_t *bytes, const struct stub_header *stub, const struct plan *plan,
			      const struct inputs *in, const struct image_spec *spec,
			      const struct digest_set *digests)
{
	fdt_arch_fill_params(&arm64_fdt, bytes, stub, plan, in, spec, digests);
}

static void arm64_print(const struct plan *plan, FILE *out)
{
	fdt_arch_print(&arm64_fdt, plan, out);
}

static int arm64_check_spec(const struct image_spec *spec)
{
	return fdt_arch_check_spec(&arm64_fdt, spec);
}

const struct arch arch_arm64 = {
	.name = "arm64",
	.title = "arm64",
	.id = IMAGE_ARCH_ARM64,
	.elf_classes = ARCH_ELF64,
	.default_elf_class = 64,
	.machine32 = 0,
	.machine64 = EM_AARCH64,
	.stub = &stub_arm64_blob,
	.params_min = sizeof(struct fdt_stub_params),
	.params_magic = FDT_STUB_PARAMS_MAGIC,
	.params_version = FDT_STUB_PARAMS_VERSION,
	.notes = 0,
	.device_tree = 1,
	.limits = {
		.page = FDT_ARCH_PAGE_SIZE,
		.p_align = FDT_ARCH_PAGE_SIZE,
		.phys_base = ARM64_RAM_BASE,
		.low_limit = ARM64_KERNEL_BASE - ARM64_RAM_BASE,
		.low_limit_text = "0x40200000 (QEMU virt puts its device tree at the start of RAM, 0x40000000)",
		.phys_limit = ARM64_RAM_LIMIT,
		.phys_limit_text = "3 GiB of RAM from 0x40000000 (QEMU virt's RAM below 4 GiB)",
		.cmdline_buffer = ARM64_COMMAND_LINE_SIZE - 1,
		.file_order = fdt_arch_file_order,
		.file_order_count = sizeof(fdt_arch_file_order) / sizeof(fdt_arch_file_order[0]),
	},
	.check_spec = arm64_check_spec,
	.place = fdt_arch_place,
	.check_layout = NULL,
	.fill_params = arm64_fill_params,
	.print = arm64_print,
};
