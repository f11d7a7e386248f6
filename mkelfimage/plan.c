/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Placement, in this order (addresses aligned to the arch's page): the
 * kernel where its format puts it (kernel.h), its memory the reservation;
 * then what the arch puts after it (arch.h: the stub, the command line, the
 * initrd region). The rules of plan_rules.c are then checked on the result.
 */
#include "config.h"

#include <elf.h>
#include <stdlib.h>
#include <string.h>

#include "common/align.h"
#include "common/report.h"
#include "plan.h"
#include "formats/signote.h"

struct plan_segment *plan_add_segment(struct plan *plan, enum plan_segment_kind kind,
				      const char *name, uint64_t addr, uint64_t file_size,
				      uint64_t mem_size)
{
	struct plan_segment *seg = &plan->segments[plan->segment_count++];

	memset(seg, 0, sizeof(*seg));
	seg->kind = kind;
	seg->name = name;
	seg->addr = addr;
	seg->file_size = file_size;
	seg->mem_size = mem_size;
	seg->single.size = file_size;
	seg->parts = &seg->single;
	seg->part_count = 1;
	return seg;
}

void plan_sort_segments(struct plan *plan)
{
	unsigned i, j;

	for (i = 1; i < plan->segment_count; i++)
		for (j = i; j > 0 && plan->segments[j].addr < plan->segments[j - 1].addr; j--) {
			struct plan_segment *a = &plan->segments[j - 1], *b = &plan->segments[j], t;
			int a_single = a->parts == &a->single, b_single = b->parts == &b->single;

			t = *a;
			*a = *b;
			*b = t;
			/* a segment of one part points at its own `single`: follow the move */
			if (b_single)
				a->parts = &a->single;
			if (a_single)
				b->parts = &b->single;
		}
}

void plan_hang_sink(struct copy_sink **slots, struct copy_sink *sink)
{
	size_t i;

	for (i = 0; i < PLAN_SINKS_MAX; i++)
		if (!slots[i]) {
			slots[i] = sink;
			return;
		}
}

uint64_t plan_end(const struct plan *plan)
{
	uint64_t end = 0;
	unsigned i;

	for (i = 0; i < plan->segment_count; i++)
		if (plan->segments[i].addr + plan->segments[i].mem_size > end)
			end = plan->segments[i].addr + plan->segments[i].mem_size;
	return end;
}

struct plan_segment *plan_find_segment(struct plan *plan, enum plan_segment_kind kind)
{
	unsigned i;

	for (i = 0; i < plan->segment_count; i++)
		if (plan->segments[i].kind == kind)
			return &plan->segments[i];
	return NULL;
}

int plan_add_initrds(struct plan *plan, uint64_t addr, const struct inputs *in)
{
	struct plan_segment *seg;
	size_t i;

	plan->initrd_addr = addr;
	plan->initrd_size = in->initrd_region_size;
	seg = plan_add_segment(plan, SEG_INITRD, "initrd", addr, plan->initrd_size, plan->initrd_size);
	if (!(seg->parts = calloc(in->initrd_count, sizeof(*seg->parts)))) {
		seg->parts = &seg->single;
		return report_error(EXIT_IO, "out of memory");
	}
	seg->part_count = in->initrd_count;
	for (i = 0; i < in->initrd_count; i++) {
		seg->parts[i].file = &in->initrds[i];
		seg->parts[i].size = in->initrds[i].size;
		seg->parts[i].pad = inputs_initrd_span(in, i) - in->initrds[i].size;
	}
	return EXIT_OK;
}

/* The kernel's segments, from its file, at the addresses its format chose */
static int plan_kernel(const struct inputs *in, struct plan *plan)
{
	const struct kernel *k = &in->kernel;
	unsigned i;

	plan->kernel_load = k->load;
	plan->kernel_runtime = k->runtime;
	plan->init_size = k->init_size;
	plan->init_size_estimated = k->init_size_estimated;
	plan->reserve_start = k->reserve_start;
	plan->reserve_end = k->reserve_end;
	for (i = 0; i < k->segment_count; i++) {
		struct plan_segment *seg = plan_add_segment(plan, SEG_KERNEL, "kernel", k->segments[i].addr,
							    k->segments[i].file_size,
							    k->segments[i].mem_size);

		seg->single.file = &in->kernel_file;
		seg->single.offset = k->segments[i].file_offset;
	}
	return EXIT_OK;
}

/* The lower of the kernel's limit and the stub's buffer, and why */
static void plan_cmdline(const struct inputs *in, struct plan *plan)
{
	plan->cmdline_len = strlen(in->cmdline);
	plan->cmdline_max = in->kernel.cmdline_max;
	plan->cmdline_why = in->kernel.cmdline_why;
	if (plan->cmdline_max > plan->limits->cmdline_buffer) {
		plan->cmdline_max = plan->limits->cmdline_buffer;
		plan->cmdline_why = "the stub's buffer, boot.rst";
	}
}

int plan_begin(struct plan *plan, struct inputs *in, const struct plan_limits *limits,
	       unsigned elf_class)
{
	int status;

	memset(plan, 0, sizeof(*plan));
	plan->limits = limits;
	plan->kernel = &in->kernel;
	plan->elf_class = elf_class;
	status = kernel_place(&in->kernel);
	if (status == EXIT_OK)
		status = plan_kernel(in, plan);
	if (status == EXIT_OK)
		plan_cmdline(in, plan);
	return status;
}

/* Notes in the first page, in the page-1 PT_NOTE; the rest in a second one */
static size_t notes_tail(const struct plan *plan)
{
	return plan->notes.count - plan->notes_head;
}

unsigned plan_phdr_count(const struct plan *plan)
{
	return plan->segment_count + (plan->notes_head ? 1 : 0) + (notes_tail(plan) ? 1 : 0) +
		(plan->signature ? 1 : 0);
}

/* How many leading notes fit between `start` and the end of the first page */
static size_t notes_fitting(const struct note_list *notes, uint64_t start, uint64_t page)
{
	size_t count = 0;

	while (count < notes->count &&
	       align_up(start, NOTES_ALIGN) + notes_size_range(notes, 0, count + 1) <= page)
		count++;
	return count;
}

/*
 * File layout (offsets aligned to the arch's page, so p_offset = p_vaddr
 * mod p_align):
 *   0       ELF header, program headers (a PT_NOTE, then PT_LOAD in
 *           ascending address order, then a second PT_NOTE if needed),
 *           then the leading notes (4-byte aligned) that fit in the page.
 *           ELF64: every note in the one PT_NOTE after the stub, last in
 *           the table
 *   page    each segment in the arch's file order (x86: the stub first,
 *           for the multiboot 8 KiB rule), the notes that did not fit
 *           right after the stub
 *   end     the signature note, alone in its PT_NOTE (after the page-1
 *           PT_NOTE in the table), when the image is signed
 * Notes go first where they fit because old ELF boot loaders (coreboot's
 * elfboot, Etherboot) look for them only in the first block they read.
 */
void plan_layout(struct plan *plan)
{
	const struct plan_limits *limits = plan->limits;
	int is64 = plan->elf_class == ELFCLASS64;
	uint64_t ehdr_size = is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
	uint64_t phdr_size = is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
	uint64_t headers = ehdr_size + (plan->segment_count + 1 + (plan->signature ? 1 : 0)) * phdr_size;
	uint64_t offset;
	size_t k, i;

	/*
	 * The loaders' notes come first in the list (bootnotes.c): they stay in
	 * page 1 for ELF32. ELF64 keeps one PT_NOTE, after the stub: rust-vmm
	 * linux-loader (Firecracker, Cloud Hypervisor) takes the PVH answer of
	 * the last PT_NOTE it reads, and the ELFBoot readers of page 1 are ELF32.
	 */
	plan->notes_head = 0;
	if (!is64) {
		plan->notes_head = notes_fitting(&plan->notes, headers, limits->page);
		if (plan->notes_head < plan->notes.count)
			plan->notes_head = notes_fitting(&plan->notes, headers + phdr_size, limits->page);
	}
	offset = ehdr_size + plan_phdr_count(plan) * phdr_size;
	plan->notes_offset = plan->notes_tail_offset = 0;
	if (plan->notes_head) {
		plan->notes_offset = align_up(offset, NOTES_ALIGN);
		offset = plan->notes_offset + notes_size_range(&plan->notes, 0, plan->notes_head);
	}
	/* every segment of each kind in turn (a vmlinux has several kernel segments) */
	for (k = 0; k < limits->file_order_count; k++) {
		for (i = 0; i < plan->segment_count; i++) {
			struct plan_segment *seg = &plan->segments[i];

			if (seg->kind != limits->file_order[k])
				continue;
			seg->file_offset = align_up(offset, limits->page);
			offset = seg->file_offset + seg->file_size;
			if (seg->kind == SEG_STUB && notes_tail(plan)) {
				plan->notes_tail_offset = align_up(offset, NOTES_ALIGN);
				offset = plan->notes_tail_offset +
					notes_size_range(&plan->notes, plan->notes_head, notes_tail(plan));
			}
		}
	}
	/* last, so the slot is the file's last bytes (formats/signote.h) */
	if (plan->signature) {
		plan->signature_offset = align_up(offset, NOTES_ALIGN);
		offset = plan->signature_offset + SIGNOTE_NOTE_SIZE;
	}
	plan->file_size = offset;
}

void plan_free(struct plan *plan)
{
	unsigned i;

	for (i = 0; i < plan->segment_count; i++)
		if (plan->segments[i].parts != &plan->segments[i].single)
			free(plan->segments[i].parts);
	plan->segment_count = 0;
	notes_free(&plan->notes);
	free(plan->records_bytes);
	plan->records_bytes = NULL;
}
