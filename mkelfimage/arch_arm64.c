/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm64: an ELF64 EM_AARCH64 image entered through the arm64 stub
 * (stubs/arm64), which edits the loader's device tree (or the one at the
 * start of RAM) and enters the Image as booting.rst says. Memory plan
 * (formats/arm64.h), physical addresses, pages of 4 KiB:
 *
 *   RAM base + 0         free: QEMU virt's device tree for an ELF
 *   RAM base + 2 MiB     the Image at text_offset, image_size reserved
 *   stub                 header, code, parameters (the built-in command
 *                        line among them); bss and stack
 *   initrd region        the initrds joined, each padded to 4 bytes
 *   --dtb                the device tree the image carries, if any
 *   next 2 MiB boundary  2 MiB the stub writes the device tree into
 *                        (not in the file)
 */
#include "config.h"

#include <elf.h>
#include <stddef.h>
#include <string.h>

#include "arch.h"
#include "common/align.h"
#include "common/report.h"
#include "formats/arm64.h"
#include "formats/le.h"
#include "formats/stubparam.h"

/*
 * RAM the image may need, counted from ARM64_RAM_BASE (the plan's
 * phys_base, so "minimum RAM" is RAM, not an address): QEMU virt's RAM
 * below 4 GiB is 3 GiB, and many boards have no more there. The stub checks
 * the device tree's /memory at boot as well.
 */
#define ARM64_RAM_LIMIT  0xc0000000ull

/* In address order: the kernel, the stub, the initrds */
static const enum plan_segment_kind arm64_file_order[] = { SEG_KERNEL, SEG_STUB, SEG_INITRD, SEG_DTB };

static uint64_t plan_end(const struct plan *plan);

/* The 2 MiB the stub writes the device tree into: after the highest segment */
static uint64_t dtb_room(const struct plan *plan)
{
	return align_up(plan_end(plan), ARM64_DTB_ALIGN);
}

/* The end of the highest segment so far */
static uint64_t plan_end(const struct plan *plan)
{
	const struct plan_segment *last = &plan->segments[plan->segment_count - 1];

	return last->addr + last->mem_size;
}

/* The --dtb segment, or NULL */
static const struct plan_segment *dtb_segment(const struct plan *plan)
{
	unsigned i;

	for (i = 0; i < plan->segment_count; i++)
		if (plan->segments[i].kind == SEG_DTB)
			return &plan->segments[i];
	return NULL;
}

/*
 * The stub after the kernel, the initrds after the stub, the --dtb tree
 * last; the command line is in the stub.
 */
static int arm64_place(struct plan *plan, const struct stub_header *stub, const struct inputs *in)
{
	int status;

	plan->stub_addr = align_up(plan->reserve_end, ARM64_PAGE_SIZE);
	plan->entry = plan->stub_addr + stub->entry_offset;
	plan_add_segment(plan, SEG_STUB, "stub", plan->stub_addr, stub->file_size, stub->mem_size);
	if (in->initrd_count &&
	    (status = plan_add_initrds(plan, align_up(plan->stub_addr + stub->mem_size, ARM64_PAGE_SIZE), in)) != EXIT_OK)
		return status;
	if (in->dtb)
		plan_add_segment(plan, SEG_DTB, "dtb", align_up(plan_end(plan), ARM64_PAGE_SIZE),
				 in->dtb_size, in->dtb_size)->single.bytes = in->dtb;
	plan->min_ram = dtb_room(plan) + ARM64_DTB_MAX - ARM64_RAM_BASE;
	return EXIT_OK;
}

/* The three digests --verify-at-boot checks (zeros without them) */
static void fill_digests(uint8_t *params, const struct digest_set *digests)
{
	static const struct {
		enum digest_kind kind;
		size_t offset;
	} checked[] = {
		{ DIGEST_KERNEL_LOADED, offsetof(struct arm64_stub_params, kernel_sha256) },
		{ DIGEST_INITRD_REGION, offsetof(struct arm64_stub_params, initrd_sha256) },
		{ DIGEST_CMDLINE, offsetof(struct arm64_stub_params, cmdline_sha256) },
	};
	size_t i;

	for (i = 0; i < sizeof(checked) / sizeof(checked[0]); i++) {
		const uint8_t *digest = digests ? digest_set_find(digests, checked[i].kind, 0) : NULL;

		if (digest)
			memcpy(params + checked[i].offset, digest, SHA256_DIGEST_SIZE);
		else
			memset(params + checked[i].offset, 0, SHA256_DIGEST_SIZE);
	}
}

/* struct arm64_stub_params (formats/arm64.h) */
static void arm64_fill_params(uint8_t *bytes, const struct stub_header *stub, const struct plan *plan,
			      const struct inputs *in, const struct image_spec *spec,
			      const struct digest_set *digests)
{
	const struct kernel *k = plan->kernel;
	const struct plan_segment *dtb = dtb_segment(plan);
	uint8_t *p = bytes + stub->params_offset;

#define FIELD(name) (p + offsetof(struct arm64_stub_params, name))
	le_put(FIELD(flags), spec->verify_at_boot ? ARM64_STUB_FLAG_VERIFY : 0, 4);
	le_put(FIELD(cmdline_policy), spec->cmdline_policy, 4);
	le_put(FIELD(kernel_addr), k->entry, 8);
	le_put(FIELD(kernel_file_size), k->segments[0].file_size, 8);
	le_put(FIELD(kernel_mem_size), k->segments[0].mem_size, 8);
	le_put(FIELD(initrd_start), plan->initrd_addr, 8);
	le_put(FIELD(initrd_size), plan->initrd_size, 8);
	le_put(FIELD(dtb_addr), dtb_room(plan), 8);
	le_put(FIELD(dtb_room), ARM64_DTB_MAX, 8);
	le_put(FIELD(ram_base), ARM64_RAM_BASE, 8);
	le_put(FIELD(image_end), ARM64_RAM_BASE + plan->min_ram, 8);
	le_put(FIELD(embedded_dtb_addr), dtb ? dtb->addr : 0, 8);
	le_put(FIELD(embedded_dtb_size), dtb ? dtb->file_size : 0, 8);
	le_put(FIELD(uart_base), ARM64_PL011_QEMU_VIRT, 8);
	le_put(FIELD(cmdline_len), plan->cmdline_len, 4);
	fill_digests(p, spec->verify_at_boot ? digests : NULL);
	memset(FIELD(cmdline), 0, ARM64_COMMAND_LINE_SIZE);
	memcpy(FIELD(cmdline), in->cmdline, plan->cmdline_len);
#undef FIELD
}

static void arm64_print(const struct plan *plan, FILE *out)
{
	fprintf(out, "device tree: written by the stub at 0x%016llx (2 MiB room, booting.rst); "
		"found in x0, U-Boot's argv[0], at 0x%llx%s\n",
		(unsigned long long)dtb_room(plan), (unsigned long long)ARM64_RAM_BASE,
		dtb_segment(plan) ? " or in the image (--dtb)" : "");
}

/* What the arm64 stub does not have: refused, not ignored */
static int arm64_check_spec(const struct image_spec *spec)
{
	static const struct {
		unsigned bit;
		const char *option;
	} x86_headers[] = {
		{ IMAGE_HEADER_MULTIBOOT, "--multiboot" },
		{ IMAGE_HEADER_MULTIBOOT2, "--multiboot2" },
		{ IMAGE_HEADER_PVH, "--pvh" },
		{ IMAGE_HEADER_ELF_NOTES, "--elf-notes" },
	};
	size_t i;

	if (!stub_arm64_blob.size)
		return report_error(EXIT_BAD_INPUT, "--arch arm64: this mkelfimage was built without the arm64 stub "
				    "(configure found no aarch64-linux-gnu-gcc; install gcc-aarch64-linux-gnu)");
	for (i = 0; i < sizeof(x86_headers) / sizeof(x86_headers[0]); i++)
		if (spec->headers_asked & x86_headers[i].bit)
			return report_error(EXIT_BAD_INPUT, "%s is not supported with --arch arm64: the header is for x86 loaders; "
					    "arm64 loaders enter the ELF at e_entry", x86_headers[i].option);
	if (spec->digests && !spec->verify_at_boot)
		return report_error(EXIT_BAD_INPUT, "--digests is not supported with --arch arm64: its images carry no notes "
				    "(--verify-at-boot keeps the digests in the stub)");
	if (spec->initrd_placement != STUB_INITRD_PLANNED)
		return report_error(EXIT_BAD_INPUT, "--initrd-placement high is not supported with --arch arm64");
	return EXIT_OK;
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
	.params_min = sizeof(struct arm64_stub_params),
	.params_magic = ARM64_STUB_PARAMS_MAGIC,
	.params_version = ARM64_STUB_PARAMS_VERSION,
	.notes = 0,
	.limits = {
		.page = ARM64_PAGE_SIZE,
		.p_align = ARM64_PAGE_SIZE,
		.phys_base = ARM64_RAM_BASE,
		.low_limit = ARM64_KERNEL_BASE - ARM64_RAM_BASE,
		.low_limit_text = "0x40200000 (QEMU virt puts its device tree at the start of RAM, 0x40000000)",
		.phys_limit = ARM64_RAM_LIMIT,
		.phys_limit_text = "3 GiB of RAM from 0x40000000 (QEMU virt's RAM below 4 GiB)",
		.cmdline_buffer = ARM64_COMMAND_LINE_SIZE - 1,
		.file_order = arm64_file_order,
		.file_order_count = sizeof(arm64_file_order) / sizeof(arm64_file_order[0]),
	},
	.check_spec = arm64_check_spec,
	.place = arm64_place,
	.check_layout = NULL,
	.fill_params = arm64_fill_params,
	.print = arm64_print,
};
