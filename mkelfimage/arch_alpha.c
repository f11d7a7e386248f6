/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Alpha: an ELF64 EM_ALPHA image entered through the Alpha stub
 * (stubs/alpha). Memory plan, in KSEG like vmlinux itself; pages of 8 KiB:
 *
 *   PARAM = START_ADDR - 0x6000   not in the image: the loader may put its
 *                                 command line there (QEMU: "kernel_low -
 *                                 0x6000", with kernel_low = our lowest
 *                                 segment = START_ADDR); the stub rewrites it
 *   START_ADDR ... kernel end     vmlinux's PT_LOADs, unchanged (memsz kept)
 *   stub                          header, code, parameters (the built-in
 *                                 command line among them); bss and stack
 *   initrd region                 the initrds joined, each padded to 4 bytes
 *
 * Nothing may sit below the kernel: the lowest segment decides where QEMU
 * writes its command line.
 */
#include "config.h"

#include <elf.h>
#include <stddef.h>
#include <string.h>

#include "arch.h"
#include "common/align.h"
#include "common/report.h"
#include "formats/alpha.h"
#include "formats/le.h"
#include "formats/stubparam.h"

/*
 * Physical addresses an image may use: QEMU's clipper keeps 40 bits of a KSEG
 * address (cpu_alpha_superpage_to_phys) and qemu-palcode reports pa_bits 40.
 */
#define ALPHA_PHYS_LIMIT  (1ull << 40)

/*
 * Linux/Alpha's setup_arch calls callback_init(_end), which zeroes the two
 * 8 KiB pages after _end (rounded up to 8 KiB) before it reads INITRD_START.
 */
#define ALPHA_CLEARED_AFTER_END  (2 * ALPHA_PAGE_SIZE)

/* In address order: the kernel, the stub, the initrds */
static const enum plan_segment_kind alpha_file_order[] = { SEG_KERNEL, SEG_STUB, SEG_INITRD };

/* PARAM (ZERO_PGE), below the kernel's lowest segment (START_ADDR) */
static uint64_t param_page(const struct plan *plan)
{
	return plan->kernel_load - ALPHA_PARAM_BELOW_START;
}

/* The stub after the kernel, the initrds after the stub; the command line is in the stub. */
static int alpha_place(struct plan *plan, const struct stub_header *stub, const struct inputs *in)
{
	uint64_t end;
	int status;

	plan->stub_addr = align_up(plan->reserve_end, ALPHA_PAGE_SIZE);
	plan->entry = plan->stub_addr + stub->entry_offset;
	plan_add_segment(plan, SEG_STUB, "stub", plan->stub_addr, stub->file_size, stub->mem_size);
	end = plan->stub_addr + stub->mem_size;
	if (in->initrd_count) {
		uint64_t cleared_end = plan->stub_addr + ALPHA_CLEARED_AFTER_END;
		uint64_t start = align_up(end, ALPHA_PAGE_SIZE);

		/* the stub may sit in the cleared pages (it has run by then); the initrd may not */
		if ((status = plan_add_initrds(plan, start > cleared_end ? start : cleared_end, in)) != EXIT_OK)
			return status;
		end = add_saturated(plan->initrd_addr, plan->initrd_size);
	}
	plan->min_ram = end - ALPHA_PAGE_OFFSET;
	return EXIT_OK;
}

/* struct alpha_stub_params (formats/alpha.h) */
static void alpha_fill_params(uint8_t *bytes, const struct stub_header *stub, const struct plan *plan,
			      const struct inputs *in, const struct image_spec *spec,
			      const struct digest_set *digests)
{
	uint8_t *p = bytes + stub->params_offset;

	(void)digests;
#define FIELD(name) (p + offsetof(struct alpha_stub_params, name))
	le_put(FIELD(flags), 0, 4);
	le_put(FIELD(cmdline_policy), spec->cmdline_policy, 4);
	le_put(FIELD(kernel_entry), in->kernel.entry, 8);
	le_put(FIELD(param_page), param_page(plan), 8);
	le_put(FIELD(initrd_start), plan->initrd_addr, 8);
	le_put(FIELD(initrd_size), plan->initrd_size, 8);
	le_put(FIELD(cmdline_len), plan->cmdline_len, 4);
	memset(FIELD(cmdline), 0, ALPHA_COMMAND_LINE_SIZE);
	memcpy(FIELD(cmdline), in->cmdline, plan->cmdline_len);
#undef FIELD
}

static void alpha_print(const struct plan *plan, FILE *out)
{
	fprintf(out, "PARAM (ZERO_PGE): 0x%016llx\n", (unsigned long long)param_page(plan));
}

/* x86 stub features the Alpha stub does not have: refused, not ignored */
static int alpha_check_spec(const struct image_spec *spec)
{
	if (!stub_alpha_blob.size)
		return report_error(EXIT_BAD_INPUT, "--arch alpha: this mkelfimage was built without the Alpha stub "
				    "(configure found no alpha-linux-gnu-gcc; install gcc-alpha-linux-gnu and binutils-alpha-linux-gnu)");
	if (spec->manifest_path)
		return report_error(EXIT_BAD_INPUT, "--manifest is not supported with --arch alpha");
	if (spec->verify_at_boot)
		return report_error(EXIT_BAD_INPUT, "--verify-at-boot is not supported with --arch alpha");
	if (spec->boot_log)
		return report_error(EXIT_BAD_INPUT, "--boot-log is not supported with --arch alpha: the x86 stub has the log");
	if (spec->initrd_placement != STUB_INITRD_PLANNED)
		return report_error(EXIT_BAD_INPUT, "--initrd-placement high is not supported with --arch alpha");
	return EXIT_OK;
}

const struct arch arch_alpha = {
	.name = "alpha",
	.title = "Alpha",
	.id = IMAGE_ARCH_ALPHA,
	.elf_classes = ARCH_ELF64,
	.default_elf_class = 64,
	.machine32 = 0,
	.machine64 = EM_ALPHA,
	.stub = &stub_alpha_blob,
	.params_min = sizeof(struct alpha_stub_params),
	.params_magic = ALPHA_STUB_PARAMS_MAGIC,
	.params_version = ALPHA_STUB_PARAMS_VERSION,
	.notes = 0,
	.limits = {
		.page = ALPHA_PAGE_SIZE,
		.p_align = ALPHA_PAGE_SIZE,
		.phys_base = ALPHA_PAGE_OFFSET,
		.low_limit = 0,
		.low_limit_text = NULL,
		.phys_limit = ALPHA_PHYS_LIMIT,
		.phys_limit_text = "physical address 0x10000000000 (40 bits of KSEG)",
		.cmdline_buffer = ALPHA_COMMAND_LINE_SIZE - 1,
		.cleared_after_kernel = ALPHA_CLEARED_AFTER_END,
		.cleared_why = "Linux/Alpha zeroes after _end (callback_init)",
		.file_order = alpha_file_order,
		.file_order_count = sizeof(alpha_file_order) / sizeof(alpha_file_order[0]),
	},
	.check_spec = alpha_check_spec,
	.place = alpha_place,
	.check_layout = NULL,
	.fill_params = alpha_fill_params,
	.print = alpha_print,
};
