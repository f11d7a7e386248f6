/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * riscv64: an ELF64 EM_RISCV image entered in S-mode through the riscv64
 * stub (stubs/riscv64), which edits the loader's device tree and enters the
 * Image with a0 = the hart id, a1 = the tree (boot.rst). The plan and the
 * parameters are the device-tree arches' (arch_fdt.h), but the stub comes
 * first, where firmware enters a payload; RAM starts at 0x80000000 on QEMU
 * virt and its first 2 MiB are OpenSBI's (formats/riscv64.h).
 */
#include "config.h"

#include <elf.h>

#include "arch_fdt.h"
#include "common/report.h"
#include "formats/fdtstub.h"
#include "formats/riscv64.h"

#ifndef EM_RISCV
#define EM_RISCV 243
#endif

/* RAM the image may need from 0x80000000: QEMU virt's RAM below 4 GiB is 2 GiB */
#define RISCV64_RAM_LIMIT  0x80000000ull

static const struct fdt_arch riscv64_fdt = {
	.name = "riscv64",
	.cross_compiler = "riscv64-linux-gnu-gcc",
	.cross_package = "gcc-riscv64-linux-gnu",
	.stub = &stub_riscv64_blob,
	.loader_dtb_addr = 0,        /* OpenSBI and U-Boot hand the tree over in a register */
	.uart_base = RISCV64_NS16550_QEMU_VIRT,
	.cmdline_max = RISCV64_COMMAND_LINE_SIZE - 1,
};

/* The stub first, in the 2 MiB below the kernel; then as on arm64 */
static const enum plan_segment_kind riscv64_file_order[] = { SEG_STUB, SEG_KERNEL, SEG_INITRD, SEG_DTB };

static int riscv64_place(struct plan *plan, const struct stub_header *stub, const struct inputs *in)
{
	if (stub->mem_size > RISCV64_STUB_ROOM)
		return report_error(EXIT_IO, "internal error: the riscv64 stub is larger than its 2 MiB");
	return fdt_arch_place_stub_at(plan, stub, in, plan->kernel_load - RISCV64_STUB_ROOM);
}

static void riscv64_fill_params(uint8_t *bytes, const struct stub_header *stub, const struct plan *plan,
				const struct inputs *in, const struct image_spec *spec,
				const struct digest_set *digests)
{
	fdt_arch_fill_params(&riscv64_fdt, bytes, stub, plan, in, spec, digests);
}

static void riscv64_print(const struct plan *plan, FILE *out)
{
	fdt_arch_print(&riscv64_fdt, plan, out);
}

static int riscv64_check_spec(const struct image_spec *spec)
{
	return fdt_arch_check_spec(&riscv64_fdt, spec);
}

const struct arch arch_riscv64 = {
	.name = "riscv64",
	.title = "riscv64",
	.id = IMAGE_ARCH_RISCV64,
	.elf_classes = ARCH_ELF64,
	.default_elf_class = 64,
	.machine32 = 0,
	.machine64 = EM_RISCV,
	.stub = &stub_riscv64_blob,
	.params_min = sizeof(struct fdt_stub_params),
	.params_magic = FDT_STUB_PARAMS_MAGIC,
	.params_version = FDT_STUB_PARAMS_VERSION,
	.notes = 0,
	.device_tree = 1,
	.limits = {
		.page = FDT_ARCH_PAGE_SIZE,
		.p_align = FDT_ARCH_PAGE_SIZE,
		.phys_base = RISCV64_RAM_BASE,
		.low_limit = RISCV64_FIRMWARE_END - RISCV64_RAM_BASE,
		.low_limit_text = "0x80200000 (OpenSBI owns the start of RAM: 0x80000000-0x8007ffff, "
			"and fw_jump enters 0x80200000)",
		.phys_limit = RISCV64_RAM_LIMIT,
		.phys_limit_text = "2 GiB of RAM from 0x80000000 (QEMU virt's RAM below 4 GiB)",
		.cmdline_buffer = RISCV64_COMMAND_LINE_SIZE - 1,
		.file_order = riscv64_file_order,
		.file_order_count = sizeof(riscv64_file_order) / sizeof(riscv64_file_order[0]),
	},
	.check_spec = riscv64_check_spec,
	.place = riscv64_place,
	.check_layout = NULL,
	.fill_params = riscv64_fill_params,
	.print = riscv64_print,
};
