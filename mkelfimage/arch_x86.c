/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * x86: an ELF32 EM_386 image (ELF64 EM_X86_64 with --elf-class 64) entered
 * through the stub (stubs/x86), which every x86 loader can start: multiboot,
 * multiboot2 (GRUB on EFI), PVH, ELF boot notes, a plain ELF jump.
 *
 * After the kernel's reservation, each on its own page with a free page
 * between (cbfstool's extract joins segments that touch into one PT_LOAD
 * and packs their file bytes across the zeroed tail, so touching segments
 * do not survive a trip through CBFS): the stub, the built-in command line,
 * then the initrd region, which must end at or below initrd_addr_max.
 */
#include "config.h"

#include <elf.h>
#include <stddef.h>
#include <string.h>

#include "arch.h"
#include "common/align.h"
#include "common/report.h"
#include "formats/le.h"
#include "formats/multiboot.h"
#include "formats/multiboot2.h"
#include "formats/stubparam.h"
#include "stub.h"

#define X86_LOW_LIMIT   0x100000ull      /* nothing below 1 MiB */
#define X86_HIGH_LIMIT  0x100000000ull   /* ELF32 and the stub: below 4 GiB */
#define X86_PAGE        0x1000ull

/* Payloads in file order: the stub first, for the multiboot 8 KiB rule. */
static const enum plan_segment_kind x86_file_order[] = { SEG_STUB, SEG_CMDLINE, SEG_KERNEL, SEG_INITRD, SEG_RECORDS };

static int x86_place(struct plan *plan, const struct stub_header *stub, const struct inputs *in)
{
	struct plan_segment *seg;
	uint64_t next;
	int status;

	plan->stub_addr = plan->reserve_end + X86_PAGE;
	plan->entry = plan->stub_addr + stub->entry_offset;
	plan_add_segment(plan, SEG_STUB, "stub", plan->stub_addr, stub->file_size, stub->mem_size);
	plan->cmdline_addr = align_up(plan->stub_addr + stub->mem_size, X86_PAGE) + X86_PAGE;
	seg = plan_add_segment(plan, SEG_CMDLINE, "command line", plan->cmdline_addr,
			       plan->cmdline_len + 1, plan->cmdline_len + 1);
	seg->single.bytes = (const uint8_t *)in->cmdline;
	next = align_up(plan->cmdline_addr + plan->cmdline_len + 1, X86_PAGE);
	if (in->initrd_count) {
		if ((status = plan_add_initrds(plan, next, in)) != EXIT_OK)
			return status;
		next = add_saturated(plan->initrd_addr, plan->initrd_size);
	}
	plan->min_ram = next;
	return EXIT_OK;
}

/*
 * Multiboot 3.1.1: the header lies entirely within the first 8192 bytes;
 * Multiboot2 3.1.1: 8-byte aligned, entirely within the first 32768.
 */
static int x86_check_layout(const struct plan *plan, const struct stub_header *stub)
{
	const struct plan_segment *seg = plan_find_segment((struct plan *)plan, SEG_STUB);
	uint64_t end = seg->file_offset + stub->multiboot_offset + STUB_MULTIBOOT_FIELDS_SIZE;
	uint64_t start2 = seg->file_offset + stub->multiboot2_offset;

	if (end > MULTIBOOT_SEARCH)
		return report_error(EXIT_IO, "internal error: multiboot header ends at file offset 0x%llx, past 8 KiB",
				    (unsigned long long)end);
	if (stub->multiboot2_offset &&
	    (start2 % MULTIBOOT2_HEADER_ALIGN ||
	     start2 + stub_multiboot2_size(stub_x86_blob.bytes, stub) > MULTIBOOT2_SEARCH))
		return report_error(EXIT_IO, "internal error: multiboot2 header at file offset 0x%llx: not 8-byte aligned in the first 32 KiB",
				    (unsigned long long)start2);
	return EXIT_OK;
}

/*
 * QEMU's multiboot loader stops on an ELF64 image that carries a multiboot
 * header ("Cannot load x86-64 image, give a 32bit one", hw/i386/multiboot.c)
 * instead of trying PVH, and multiboot v1 loaders read ELF32: ELF64 leaves
 * the header out, and asking for both is an error.
 */
static int x86_check_spec(const struct image_spec *spec)
{
	if (spec->elf_class == 64 && spec->multiboot_asked)
		return report_error(EXIT_BAD_INPUT, "--multiboot with --elf-class 64: QEMU refuses an ELF64 image with a multiboot header (\"Cannot load x86-64 image, give a 32bit one\"); drop one of them");
	if (spec->elf_class == 64 && spec->multiboot2_asked)
		return report_error(EXIT_BAD_INPUT, "--multiboot2 with --elf-class 64: the stub's multiboot2 entry is the 32-bit one of an ELF32 image; drop one of them");
	return EXIT_OK;
}

#define PARAM(field) (params + offsetof(struct stub_params, field))

/* stub_params.kernel_ranges: the kernel's segments, when the stub hashes them one by one */
static void fill_kernel_ranges(uint8_t *params, const struct kernel *k)
{
	uint8_t *range = PARAM(kernel_ranges);
	unsigned i, count = k->stub_hashes_ranges ? k->segment_count : 0;

	memset(range, 0, sizeof(((struct stub_params *)0)->kernel_ranges));
	le32_put(PARAM(kernel_range_count), count);
	for (i = 0; i < count && i < STUB_KERNEL_RANGES_MAX; i++) {
		le32_put(range + i * sizeof(struct stub_range) + offsetof(struct stub_range, addr),
			 (uint32_t)k->segments[i].addr);
		le32_put(range + i * sizeof(struct stub_range) + offsetof(struct stub_range, size),
			 (uint32_t)k->segments[i].file_size);
	}
}

/* The three digests --verify-at-boot checks (zeros without them) */
static void fill_digests(uint8_t *params, const struct digest_set *digests)
{
	static const struct {
		enum digest_kind kind;
		size_t offset;
	} checked[] = {
		{ DIGEST_KERNEL_LOADED, offsetof(struct stub_params, kernel_sha256) },
		{ DIGEST_INITRD_REGION, offsetof(struct stub_params, initrd_sha256) },
		{ DIGEST_CMDLINE, offsetof(struct stub_params, cmdline_sha256) },
	};
	size_t i;

	for (i = 0; i < sizeof(checked) / sizeof(checked[0]); i++) {
		const uint8_t *digest = digest_set_find(digests, checked[i].kind, 0);

		if (digest)
			memcpy(params + checked[i].offset, digest, SHA256_DIGEST_SIZE);
		else
			memset(params + checked[i].offset, 0, SHA256_DIGEST_SIZE);
	}
}

/* struct stub_params (formats/stubparam.h), and the multiboot headers blanked for --no-multiboot[2] */
static void x86_fill_params(uint8_t *bytes, const struct stub_header *stub, const struct plan *plan,
			    const struct inputs *in, const struct image_spec *spec,
			    const struct digest_set *digests)
{
	const struct kernel *k = &in->kernel;
	uint8_t *params = bytes + stub->params_offset;

	le32_put(PARAM(flags), (spec->verify_at_boot ? STUB_FLAG_VERIFY_AT_BOOT : 0) |
		 (spec->boot_log ? STUB_FLAG_BOOT_LOG : 0));
	le32_put(PARAM(kernel_entry), (uint32_t)k->entry);
	le32_put(PARAM(kernel_load_addr), (uint32_t)plan->kernel_load);
	le32_put(PARAM(kernel_file_size), (uint32_t)k->loaded_size);
	le32_put(PARAM(kernel_protocol), k->stub_protocol);
	fill_kernel_ranges(params, k);
	le32_put(PARAM(cmdline_addr), (uint32_t)plan->cmdline_addr);
	le32_put(PARAM(cmdline_len), (uint32_t)plan->cmdline_len);
	le32_put(PARAM(cmdline_max), (uint32_t)plan->cmdline_max);
	le32_put(PARAM(cmdline_policy), spec->cmdline_policy);
	le32_put(PARAM(initrd_addr), (uint32_t)plan->initrd_addr);
	le32_put(PARAM(initrd_size), (uint32_t)plan->initrd_size);
	le32_put(PARAM(setup_header_len), k->setup_header_len);
	memset(PARAM(setup_header), 0, sizeof(((struct stub_params *)0)->setup_header));
	memcpy(PARAM(setup_header), k->setup_header, k->setup_header_len);
	le32_put(PARAM(initrd_placement), spec->initrd_placement);
	fill_digests(params, digests);
	/* --no-multiboot: no magic left for a loader to find (3.1.1) */
	if (!(spec->headers & IMAGE_HEADER_MULTIBOOT))
		memset(bytes + stub->multiboot_offset, 0, STUB_MULTIBOOT_FIELDS_SIZE);
	/* --no-multiboot2: likewise, the whole header with its tags (Multiboot2 3.1.1) */
	if (!(spec->headers & IMAGE_HEADER_MULTIBOOT2) && stub->multiboot2_offset)
		memset(bytes + stub->multiboot2_offset, 0, stub_multiboot2_size(bytes, stub));
}

const struct arch arch_x86 = {
	.name = "x86",
	.title = "x86",
	.id = IMAGE_ARCH_X86,
	.elf_classes = ARCH_ELF32 | ARCH_ELF64,
	.default_elf_class = 32,
	.machine32 = EM_386,
	.machine64 = EM_X86_64,
	.stub = &stub_x86_blob,
	.params_min = sizeof(struct stub_params),
	.params_magic = STUB_PARAMS_MAGIC,
	.params_version = STUB_PARAMS_VERSION,
	.notes = 1,
	.limits = {
		.page = X86_PAGE,
		.p_align = X86_PAGE,
		.phys_base = 0,
		.low_limit = X86_LOW_LIMIT,
		.low_limit_text = "1 MiB",
		.phys_limit = X86_HIGH_LIMIT,
		.phys_limit_text = "4 GiB (ELF32 images and the stub address the low 4 GiB)",
		.cmdline_buffer = STUB_CMDLINE_BUFFER - 1,
		.file_order = x86_file_order,
		.file_order_count = sizeof(x86_file_order) / sizeof(x86_file_order[0]),
	},
	.check_spec = x86_check_spec,
	.place = x86_place,
	.check_layout = x86_check_layout,
	.fill_params = x86_fill_params,
	.print = NULL,
};
