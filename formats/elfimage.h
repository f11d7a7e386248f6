/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An ELF boot image as a loader sees it: class, machine, entry and the list
 * of PT_LOAD segments, each checked against the file (System V ABI, "Program
 * Header"; ELF-64 Object File Format 1.5, "Program header table").
 *
 * Read through libelf (elf_memory) from a buffer holding the whole file, so
 * every offset is checked against the real file length. Used by bootelf
 * (loader/) and by `mkelfimage inspect`. No printing, no exit; libelf's own
 * allocations are released before return.
 */
#ifndef FORMATS_ELFIMAGE_H
#define FORMATS_ELFIMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "fmt_error.h"

/* More PT_LOAD than any loader here accepts (kexec_load caps all segments at
 * 16, KEXEC_SEGMENT_MAX): the reader refuses the file beyond this. */
#define ELFIMAGE_MAX_LOADS 64
/* PT_NOTE segments kept (a Linux vmlinux has one; images here one or two) */
#define ELFIMAGE_MAX_NOTES 8

struct elfimage_segment {
	uint32_t phdr_index;    /* index in the program header table */
	uint64_t phdr_offset;   /* file offset of that program header (for messages) */
	uint32_t flags;         /* p_flags (PF_X, PF_W, PF_R) */
	uint64_t offset;        /* p_offset */
	uint64_t filesz;        /* p_filesz, <= memsz; [offset, offset + filesz) is in the file */
	uint64_t vaddr;         /* p_vaddr */
	uint64_t paddr;         /* p_paddr: where a loader without paging puts it */
	uint64_t memsz;         /* p_memsz; the bytes past filesz are zero */
	uint64_t align;         /* p_align */
};

/* A PT_NOTE segment whose [offset, offset + filesz) lies inside the file */
struct elfimage_note_segment {
	uint64_t offset;        /* p_offset */
	uint64_t filesz;        /* p_filesz */
	uint64_t phdr_offset;   /* file offset of its program header (for messages) */
};

struct elfimage_info {
	unsigned elf_class;     /* ELFCLASS32 or ELFCLASS64 */
	uint16_t type;          /* e_type */
	uint16_t machine;       /* e_machine */
	uint64_t entry;         /* e_entry */
	uint64_t file_size;     /* the length the image was read from */
	uint64_t phoff;         /* e_phoff */
	size_t phnum;           /* program headers of any type */
	size_t load_count;      /* PT_LOAD entries in load[], in file order */
	struct elfimage_segment load[ELFIMAGE_MAX_LOADS];
	size_t note_count;      /* PT_NOTE entries in note[], in file order */
	struct elfimage_note_segment note[ELFIMAGE_MAX_NOTES];
};

/* The loader's rules for validate (the format itself allows more). */
struct elfimage_rules {
	const uint16_t *machines;   /* accepted e_machine values */
	size_t machine_count;
	size_t max_loads;           /* at most this many PT_LOAD */
};

/*
 * Parse the ELF file in buf[0, len): ELF magic, class 32 or 64, little
 * endian, ET_EXEC, a program header table inside the file, and for each
 * PT_LOAD: [p_offset, p_offset + p_filesz) inside the file, p_filesz <=
 * p_memsz, p_paddr + p_memsz not wrapping (and below 4 GiB for ELF32);
 * for each PT_NOTE (at most ELFIMAGE_MAX_NOTES): its bytes inside the file.
 */
enum fmt_status elfimage_parse(const uint8_t *buf, size_t len, struct elfimage_info *out,
			       struct fmt_error *err);

/*
 * A loader's rules on a parsed image: machine among rules->machines, at
 * least one and at most rules->max_loads PT_LOAD, no two PT_LOAD whose
 * physical ranges [p_paddr, p_paddr + p_memsz) overlap.
 */
enum fmt_status elfimage_validate(const struct elfimage_info *info,
				  const struct elfimage_rules *rules, struct fmt_error *err);

/* A name for e_machine ("EM_386", "EM_X86_64", ...), or NULL. */
const char *elfimage_machine_name(uint16_t machine);

#endif
