/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The memory plan: where each segment of the image goes in physical memory,
 * with every placement rule of the Linux boot protocol checked at build time
 * (doc/ARCHITECTURE.md, "Memory layout"). A violated rule is an error that
 * names the rule and the numbers.
 */
#ifndef MKELFIMAGE_PLAN_H
#define MKELFIMAGE_PLAN_H

#include <stdint.h>

#include "formats/stubparam.h"
#include "inputs.h"
#include "notes.h"

#define PLAN_LOW_LIMIT       0x100000ull      /* nothing below 1 MiB */
#define PLAN_HIGH_LIMIT      0x100000000ull   /* ELF32 and the stub: below 4 GiB */
#define PLAN_PAGE            0x1000ull
#define PLAN_MAX_LOAD        10               /* kexec_load allows 16 in all */
#define PLAN_INIT_SIZE_FACTOR 3               /* init_size estimate before 2.10 */

enum plan_segment_kind {
	SEG_KERNEL,
	SEG_STUB,
	SEG_CMDLINE,
	SEG_INITRD,
};

struct plan_segment {
	enum plan_segment_kind kind;
	const char *name;
	uint64_t addr;
	uint64_t file_size;
	uint64_t mem_size;
	uint64_t file_offset;   /* set by the writer's layout */
	uint64_t src_offset;    /* SEG_KERNEL: where its file bytes start in the kernel file */
};

struct plan {
	/* the kernel */
	uint64_t kernel_load;        /* where its protected-mode code is loaded */
	uint64_t kernel_runtime;     /* where it runs (decompresses to) */
	uint64_t init_size;          /* used for the reservation */
	int init_size_estimated;     /* before protocol 2.10 */
	uint64_t reserve_start, reserve_end;

	/* the stub and its data */
	uint64_t stub_addr;
	uint64_t entry;
	uint64_t cmdline_addr;
	uint64_t cmdline_len;        /* without the NUL */
	uint64_t cmdline_max;        /* longest final command line */
	uint64_t initrd_addr;
	uint64_t initrd_size;

	struct plan_segment segments[PLAN_MAX_LOAD];
	unsigned segment_count;      /* in ascending address order */
	uint64_t min_ram;            /* end of the highest segment */

	/* the ELF class written: ELFCLASS32 (EM_386) or ELFCLASS64 (EM_X86_64) */
	unsigned elf_class;

	/* the PT_NOTE contents (PVH entry, ELFBoot, digests), in file order */
	struct note_list notes;
	/*
	 * Set by the writer's layout: notes [0, notes_head) go in a PT_NOTE in
	 * the first page (old loaders read only that), the rest in a second
	 * PT_NOTE after the stub. ELF64 has one PT_NOTE (notes_head 0): rust-vmm
	 * linux-loader keeps the answer of the last PT_NOTE only.
	 */
	size_t notes_head;
	uint64_t notes_offset;       /* file offset of notes [0, notes_head) */
	uint64_t notes_tail_offset;  /* file offset of the others */
};

/* Lay out the image. Returns EXIT_OK or EXIT_BAD_INPUT (reported). */
int plan_build(const struct inputs *in, const char *cmdline,
	       const struct stub_header *stub, struct plan *plan);

/* Free what plan_build and later steps added (the notes); plan may be zeroed. */
void plan_free(struct plan *plan);

/* Print the plan (for -v) on stdout. */
void plan_print(const struct plan *plan, const struct inputs *in);

#endif
