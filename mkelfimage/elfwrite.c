/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Bytes to offsets (elfwrite.h). */
#include "config.h"

#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "copy.h"
#include "notes.h"
#include "common/fdio.h"
#include "common/report.h"
#include "elfwrite.h"
#include "formats/signote.h"

/* The notes after the first page's, in the second PT_NOTE */
static size_t notes_tail(const struct plan *plan)
{
	return plan->notes.count - plan->notes_head;
}

static Elf32_Word segment_flags(enum plan_segment_kind kind)
{
	return kind == SEG_KERNEL || kind == SEG_STUB ? PF_R | PF_W | PF_X : PF_R | PF_W;
}

/* The address of the segment with the most file bytes (the kernel's) */
static uint64_t largest_segment_addr(const struct plan *plan)
{
	unsigned i, best = 0;

	for (i = 1; i < plan->segment_count; i++)
		if (plan->segments[i].file_size > plan->segments[best].file_size)
			best = i;
	return plan->segment_count ? plan->segments[best].addr : 0;
}

/*
 * Through gelf, so one writer serves ELF32 and ELF64; libelf picks the
 * record sizes from the class.
 */
int elfwrite_headers(int fd, const char *out_path, const struct plan *plan, unsigned machine)
{
	Elf *elf;
	GElf_Ehdr ehdr;
	GElf_Phdr phdr;
	int elf_class = (int)plan->elf_class;
	const struct plan_segment *records = plan_find_segment((struct plan *)plan, SEG_RECORDS);
	uint64_t notes_addr = records ? records->addr : 0;
	unsigned i, ph = 0;

	if (elf_version(EV_CURRENT) == EV_NONE ||
	    !(elf = elf_begin(fd, ELF_C_WRITE, NULL)))
		return report_error(EXIT_IO, "output '%s': libelf: %s", out_path, elf_errmsg(-1));
	if (!gelf_newehdr(elf, elf_class) || !gelf_newphdr(elf, plan_phdr_count(plan)) ||
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
	 * phdr[0]. Readers (QEMU, Xen, elfboot) use p_offset. U-Boot 2023.01's
	 * bootelf copies every program header to its p_paddr and zero-fills up
	 * to p_memsz, PT_NOTE included: so a note's address is the records
	 * segment's memory, made large enough (records.c), where a copy harms
	 * nothing, and p_memsz is p_filesz.
	 */
	if (plan->notes_head) {
		phdr = (GElf_Phdr){
			.p_type = PT_NOTE,
			.p_offset = plan->notes_offset,
			.p_vaddr = notes_addr,
			.p_paddr = notes_addr,
			.p_filesz = notes_size_range(&plan->notes, 0, plan->notes_head),
			.p_memsz = notes_size_range(&plan->notes, 0, plan->notes_head),
			.p_flags = PF_R,
			.p_align = NOTES_ALIGN,
		};
		if (!gelf_update_phdr(elf, (int)ph++, &phdr))
			goto fail;
	}
	/*
	 * The signature's PT_NOTE, before every PT_LOAD: its address is the
	 * largest segment's, which U-Boot's copy of the PT_LOADs then
	 * overwrites. Not last: rust-vmm keeps the last PT_NOTE's answer.
	 */
	if (plan->signature) {
		uint64_t addr = largest_segment_addr(plan);

		phdr = (GElf_Phdr){
			.p_type = PT_NOTE,
			.p_offset = plan->signature_offset,
			.p_vaddr = addr,
			.p_paddr = addr,
			.p_filesz = SIGNOTE_NOTE_SIZE,
			.p_memsz = SIGNOTE_NOTE_SIZE,
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
			.p_align = plan->limits->p_align,
		};
		if (!gelf_update_phdr(elf, (int)ph++, &phdr))
			goto fail;
	}
	/* the notes that did not fit in the first page (digests, setup copy) */
	if (notes_tail(plan)) {
		phdr = (GElf_Phdr){
			.p_type = PT_NOTE,
			.p_offset = plan->notes_tail_offset,
			.p_vaddr = notes_addr,
			.p_paddr = notes_addr,
			.p_filesz = notes_size_range(&plan->notes, plan->notes_head, notes_tail(plan)),
			.p_memsz = notes_size_range(&plan->notes, plan->notes_head, notes_tail(plan)),
			.p_flags = PF_R,
			.p_align = NOTES_ALIGN,
		};
		if (!gelf_update_phdr(elf, (int)ph++, &phdr))
			goto fail;
	}
	elf_flagelf(elf, ELF_C_SET, ELF_F_LAYOUT);
	errno = 0;
	if (elf_update(elf, ELF_C_WRITE) < 0) {
		/* a failed write (a full disk) says why, as every other write does */
		if (errno) {
			report_print_errno("output", out_path, "cannot write");
			elf_end(elf);
			return EXIT_IO;
		}
		goto fail;
	}
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

int elfwrite_notes(int fd, const char *out_path, struct plan *plan)
{
	int status = write_note_block(fd, out_path, plan, 0, plan->notes_head, plan->notes_offset);

	if (status == EXIT_OK)
		status = write_note_block(fd, out_path, plan, plan->notes_head, notes_tail(plan),
					  plan->notes_tail_offset);
	return status;
}

/* Link `slots` (NULL-terminated or full) in front of `next` */
static struct copy_sink *chain(struct copy_sink *const *slots, struct copy_sink *next)
{
	size_t count = 0;

	while (count < PLAN_SINKS_MAX && slots[count])
		count++;
	while (count--) {
		slots[count]->next = next;
		next = slots[count];
	}
	return next;
}

int elfwrite_segment(int fd, const char *out_path, const struct plan_segment *seg)
{
	static const uint8_t zeros[64];
	uint64_t offset = seg->file_offset, pad;
	size_t i, chunk;
	int status = EXIT_OK;

	for (i = 0; status == EXIT_OK && i < seg->part_count; i++) {
		const struct plan_part *part = &seg->parts[i];
		struct copy_sink *sinks = chain(part->sinks, chain(seg->sinks, NULL));

		if (part->file) {
			status = copy_payload(part->file, part->offset, fd, out_path, offset, part->size, sinks);
		} else {
			copy_sinks_feed(sinks, part->bytes, (size_t)part->size);
			status = fdio_write_at(fd, "output", out_path, part->bytes, (size_t)part->size, offset);
		}
		offset += part->size;
		/* padding: only the segment's sinks see it */
		for (pad = part->pad; status == EXIT_OK && pad; pad -= chunk) {
			chunk = pad < sizeof(zeros) ? (size_t)pad : sizeof(zeros);
			copy_sinks_feed(chain(seg->sinks, NULL), zeros, chunk);
			status = fdio_write_at(fd, "output", out_path, zeros, chunk, offset);
			offset += chunk;
		}
	}
	return status;
}
