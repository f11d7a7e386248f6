/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * File layout (offsets page aligned, so p_offset = p_vaddr mod p_align):
 *   0x0000  Elf32_Ehdr, Elf32_Phdr[n] (a PT_NOTE, then PT_LOAD in ascending
 *           address order, then a second PT_NOTE if needed), then the
 *           leading notes (4-byte aligned) that fit below 0x1000.
 *           ELF64 (--elf-class 64): Elf64_Ehdr, Elf64_Phdr[n], and every
 *           note in the one PT_NOTE after the stub, last in the table
 *   0x1000  stub (its multiboot header must fall in the first 8 KiB)
 *   ...     the notes that did not fit there (second PT_NOTE), then the
 *           built-in command line, kernel, initrd region
 * Notes go first where they fit because old ELF boot loaders (coreboot's
 * elfboot, Etherboot) look for them only in the first block they read.
 */
#include "config.h"

#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "formats/multiboot.h"
#include "bootnotes.h"
#include "copy.h"
#include "digest.h"
#include "elfboot_sum.h"
#include "notes.h"
#include "common/align.h"
#include "common/fdio.h"
#include "common/report.h"
#include "write.h"

static struct plan_segment *find_segment(struct plan *plan, enum plan_segment_kind kind)
{
	unsigned i;

	for (i = 0; i < plan->segment_count; i++)
		if (plan->segments[i].kind == kind)
			return &plan->segments[i];
	return NULL;
}

/* Payloads in file order: the stub first, for the multiboot 8 KiB rule. */
static const enum plan_segment_kind file_order[] = { SEG_STUB, SEG_CMDLINE, SEG_KERNEL, SEG_INITRD };

/* Notes in the first page, in the page-1 PT_NOTE; the rest in a second one */
static size_t notes_tail(const struct plan *plan)
{
	return plan->notes.count - plan->notes_head;
}

/* Program headers: every PT_LOAD, plus one PT_NOTE per part of the notes */
static unsigned phdr_count(const struct plan *plan)
{
	return plan->segment_count + (plan->notes_head ? 1 : 0) + (notes_tail(plan) ? 1 : 0);
}

/* How many leading notes fit between `start` and the end of the first page */
static size_t notes_fitting(const struct note_list *notes, uint64_t start)
{
	size_t count = 0;

	while (count < notes->count &&
	       align_up(start, NOTES_ALIGN) + notes_size_range(notes, 0, count + 1) <= PLAN_PAGE)
		count++;
	return count;
}

static int layout(struct plan *plan, const struct stub_header *stub)
{
	int is64 = plan->elf_class == ELFCLASS64;
	uint64_t ehdr_size = is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
	uint64_t phdr_size = is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
	uint64_t headers = ehdr_size + (plan->segment_count + 1) * phdr_size;
	uint64_t offset;
	uint64_t multiboot_end;
	size_t i;

	/*
	 * The loaders' notes come first in the list (bootnotes.c): they stay in
	 * page 1 for ELF32. ELF64 keeps one PT_NOTE, after the stub: rust-vmm
	 * linux-loader (Firecracker, Cloud Hypervisor) takes the PVH answer of
	 * the last PT_NOTE it reads, and the ELFBoot readers of page 1 are ELF32.
	 */
	plan->notes_head = 0;
	if (!is64) {
		plan->notes_head = notes_fitting(&plan->notes, headers);
		if (plan->notes_head < plan->notes.count)
			plan->notes_head = notes_fitting(&plan->notes, headers + phdr_size);
	}
	offset = ehdr_size + phdr_count(plan) * phdr_size;
	plan->notes_offset = plan->notes_tail_offset = 0;
	if (plan->notes_head) {
		plan->notes_offset = align_up(offset, NOTES_ALIGN);
		offset = plan->notes_offset + notes_size_range(&plan->notes, 0, plan->notes_head);
	}
	/* every segment of each kind in turn (a vmlinux has several kernel segments) */
	for (i = 0; i < sizeof(file_order) / sizeof(file_order[0]) * plan->segment_count; i++) {
		enum plan_segment_kind kind = file_order[i / plan->segment_count];
		struct plan_segment *seg = &plan->segments[i % plan->segment_count];

		if (seg->kind != kind)
			continue;
		seg->file_offset = align_up(offset, PLAN_PAGE);
		offset = seg->file_offset + seg->file_size;
		if (kind == SEG_STUB && notes_tail(plan)) {
			plan->notes_tail_offset = align_up(offset, NOTES_ALIGN);
			offset = plan->notes_tail_offset +
				notes_size_range(&plan->notes, plan->notes_head, notes_tail(plan));
		}
	}
	/* Multiboot 3.1.1: the header lies entirely within the first 8192 bytes. */
	multiboot_end = find_segment(plan, SEG_STUB)->file_offset + stub->multiboot_offset + 12;
	if (multiboot_end > MULTIBOOT_SEARCH)
		return report_error(EXIT_IO, "internal error: multiboot header ends at file offset 0x%llx, past 8 KiB",
				    (unsigned long long)multiboot_end);
	return EXIT_OK;
}

static Elf32_Word segment_flags(enum plan_segment_kind kind)
{
	return kind == SEG_KERNEL || kind == SEG_STUB ? PF_R | PF_W | PF_X : PF_R | PF_W;
}

/*
 * ELF header and program headers through gelf, so one writer serves ELF32
 * (x86: EM_386) and ELF64 (x86 --elf-class 64: EM_X86_64; --arch alpha:
 * EM_ALPHA); libelf picks the record sizes from the class.
 */
int write_elf_headers(int fd, const char *out_path, const struct plan *plan,
		      int elf_class, unsigned machine)
{
	Elf *elf;
	GElf_Ehdr ehdr;
	GElf_Phdr phdr;
	unsigned i, ph = 0;

	if (elf_version(EV_CURRENT) == EV_NONE ||
	    !(elf = elf_begin(fd, ELF_C_WRITE, NULL)))
		return report_error(EXIT_IO, "output '%s': libelf: %s", out_path, elf_errmsg(-1));
	if (!gelf_newehdr(elf, elf_class) || !gelf_newphdr(elf, phdr_count(plan)) ||
	    !gelf_getehdr(elf, &ehdr))
		goto fail;
	ehdr.e_ident[EI_DATA] = ELFDATA2LSB;
	ehdr.e_ident[EI_OSABI] = ELFOSABI_NONE;
	ehdr.e_type = ET_EXEC;
	ehdr.e_machine = (GElf_Half)machine;
	ehdr.e_version = EV_CURRENT;
	ehdr.e_entry = plan->entry;
	ehdr.e_phoff = elf_class == ELFCLASS64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
	ehdr.e_shoff = 0;
	ehdr.e_flags = 0;
	ehdr.e_ehsize = (GElf_Half)ehdr.e_phoff;
	ehdr.e_phentsize = elf_class == ELFCLASS64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
	ehdr.e_shentsize = elf_class == ELFCLASS64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
	if (!gelf_update_ehdr(elf, &ehdr))
		goto fail;
	/*
	 * The PT_NOTE comes first: coreboot's elfboot reads notes only from
	 * phdr[0]. Not loaded (address 0, p_memsz 0, as mkelfImage 2.x did);
	 * readers (QEMU, Xen, elfboot) use p_offset.
	 */
	if (plan->notes_head) {
		phdr = (GElf_Phdr){
			.p_type = PT_NOTE,
			.p_offset = plan->notes_offset,
			.p_filesz = notes_size_range(&plan->notes, 0, plan->notes_head),
			.p_flags = PF_R,
			.p_align = NOTES_ALIGN,
		};
		if (!gelf_update_phdr(elf, (int)ph++, &phdr))
			goto fail;
	}
	for (i = 0; i < plan->segment_count; i++) {
		const struct plan_segment *seg = &plan->segments[i];

		phdr = (GElf_Phdr){
			.p_type = PT_LOAD,
			.p_offset = seg->file_offset,
			.p_vaddr = seg->addr,   /* iPXE needs p_vaddr == p_paddr */
			.p_paddr = seg->addr,
			.p_filesz = seg->file_size,
			.p_memsz = seg->mem_size,
			.p_flags = segment_flags(seg->kind),
			.p_align = PLAN_PAGE,
		};
		if (!gelf_update_phdr(elf, (int)ph++, &phdr))
			goto fail;
	}
	/* the notes that did not fit in the first page (digests, setup copy) */
	if (notes_tail(plan)) {
		phdr = (GElf_Phdr){
			.p_type = PT_NOTE,
			.p_offset = plan->notes_tail_offset,
			.p_filesz = notes_size_range(&plan->notes, plan->notes_head, notes_tail(plan)),
			.p_flags = PF_R,
			.p_align = NOTES_ALIGN,
		};
		if (!gelf_update_phdr(elf, (int)ph++, &phdr))
			goto fail;
	}
	elf_flagelf(elf, ELF_C_SET, ELF_F_LAYOUT);
	if (elf_update(elf, ELF_C_WRITE) < 0)
		goto fail;
	elf_end(elf);
	return EXIT_OK;
fail:
	report_print("output '%s': libelf: %s", out_path, elf_errmsg(-1));
	elf_end(elf);
	return EXIT_IO;
}

/* One PT_NOTE's notes at `offset`; each note learns its desc's file offset */
static int write_note_block(int fd, const char *out_path, struct plan *plan, size_t first,
			    size_t count, uint64_t offset)
{
	size_t size = notes_size_range(&plan->notes, first, count), i;
	uint8_t *bytes;
	int status;

	if (!size)
		return EXIT_OK;
	if (!(bytes = malloc(size)))
		return report_error(EXIT_IO, "out of memory");
	notes_encode_range(&plan->notes, first, count, bytes);
	for (i = first; i < first + count; i++)
		plan->notes.items[i].desc_file_offset = offset + plan->notes.items[i].desc_offset;
	status = fdio_write_at(fd, "output", out_path, bytes, size, offset);
	free(bytes);
	return status;
}

static int write_notes(int fd, const char *out_path, struct plan *plan)
{
	int status = write_note_block(fd, out_path, plan, 0, plan->notes_head, plan->notes_offset);

	if (status == EXIT_OK)
		status = write_note_block(fd, out_path, plan, plan->notes_head, notes_tail(plan),
					  plan->notes_tail_offset);
	return status;
}

int write_initrds(int fd, const char *out_path, const struct plan_segment *seg,
		  const struct inputs *in, struct digest_run *digests, struct copy_sink *piece)
{
	static const uint8_t zeros[INITRD_PART_ALIGN];
	uint64_t offset = seg->file_offset;
	size_t i;
	int status;

	for (i = 0; i < in->initrd_count; i++) {
		uint64_t span = inputs_initrd_span(in, i), size = in->initrds[i].size;
		struct copy_sink *sinks = digests ? digest_initrd_begin(digests, i, piece) : piece;

		status = copy_payload(&in->initrds[i], 0, fd, out_path, offset, size, sinks);
		if (status == EXIT_OK && span > size) {
			copy_sinks_feed(piece, zeros, (size_t)(span - size));
			status = fdio_write_at(fd, "output", out_path, zeros, (size_t)(span - size), offset + size);
		}
		if (status != EXIT_OK)
			return status;
		if (digests)
			digest_initrd_end(digests, in, i);
		offset += span;
	}
	return EXIT_OK;
}

/* A buffer into segment `seg` (its start), summed for the ELFBoot checksum */
static int write_segment(int fd, const char *out_path, struct plan *plan, struct elfboot_sum *sum,
			 enum plan_segment_kind kind, const void *bytes, size_t len)
{
	const struct plan_segment *seg = find_segment(plan, kind);

	copy_sinks_feed(elfboot_sum_sink(sum, plan, seg, NULL), bytes, len);
	return fdio_write_at(fd, "output", out_path, bytes, len, seg->file_offset);
}

/*
 * The kernel's segments in address order (a bzImage has one, a vmlinux one
 * per PT_LOAD), each through the digest note's sinks and its own ELFBoot
 * checksum sink.
 */
static int write_kernel(int fd, const char *out_path, struct plan *plan, struct elfboot_sum *sum,
			struct digest_run *digests, const struct inputs *in)
{
	unsigned i;
	int status = digest_kernel_begin(digests, in);

	for (i = 0; status == EXIT_OK && i < plan->segment_count; i++) {
		const struct plan_segment *seg = &plan->segments[i];

		if (seg->kind == SEG_KERNEL)
			status = copy_payload(&in->kernel, seg->src_offset, fd, out_path, seg->file_offset,
					      seg->file_size,
					      digest_kernel_segment(digests, elfboot_sum_sink(sum, plan, seg, NULL)));
	}
	return status;
}

/*
 * The payloads are written first, each in one pass that also feeds the
 * digest note and the ELFBoot checksum (copy.h); then the notes and the
 * stub, which carry those digests; last the checksum, patched in.
 */
int write_image(int fd, const char *out_path, struct plan *plan,
		const struct stub_header *stub, uint8_t *stub_bytes,
		const struct inputs *in, const char *cmdline, struct digest_run *digests)
{
	const struct plan_segment *initrd = find_segment(plan, SEG_INITRD);
	struct elfboot_sum pieces, *sum = bootnotes_has_checksum(plan) ? &pieces : NULL;
	int status;

	if ((status = layout(plan, stub)) != EXIT_OK ||
	    (status = write_elf_headers(fd, out_path, plan, (int)plan->elf_class,
					plan->elf_class == ELFCLASS64 ? EM_X86_64 : EM_386)) != EXIT_OK)
		return status;
	if (sum)
		elfboot_sum_begin(sum, plan);
	status = write_kernel(fd, out_path, plan, sum, digests, in);
	if (status == EXIT_OK)
		digest_kernel_end(digests);
	if (status == EXIT_OK && initrd)
		status = write_initrds(fd, out_path, initrd, in, digests,
				       elfboot_sum_sink(sum, plan, initrd, NULL));
	if (status != EXIT_OK)
		return status;
	digest_finish(digests, in);
	digest_fill_stub_params(stub_bytes + stub->params_offset, &plan->notes);
	status = write_notes(fd, out_path, plan);
	if (status == EXIT_OK)
		status = write_segment(fd, out_path, plan, sum, SEG_STUB, stub_bytes, stub->file_size);
	if (status == EXIT_OK)
		status = write_segment(fd, out_path, plan, sum, SEG_CMDLINE, cmdline, plan->cmdline_len + 1);
	/* last: the ELFBoot checksum covers every PT_LOAD written above */
	if (status == EXIT_OK)
		status = bootnotes_finish(fd, out_path, plan, sum);
	return status;
}
