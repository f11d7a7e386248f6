/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The plan: where each segment goes in memory and in the file, and where
 * its bytes come from. The kernel's segments come from its description
 * (kernel.h), the rest from the arch (arch.h); the placement rules
 * (plan_rules.c) are checked on the numbers; plan_layout chooses every
 * file offset, so the writer (elfwrite.h) only writes bytes to offsets.
 */
#ifndef MKELFIMAGE_PLAN_H
#define MKELFIMAGE_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "copy.h"
#include "formats/stubparam.h"
#include "inputs.h"
#include "notes.h"


#define PLAN_MAX_LOAD        10               /* kexec_load allows 16 in all */
#define PLAN_SINKS_MAX       4                /* consumers of one part's or segment's bytes */

_Static_assert(KERNEL_MAX_SEGMENTS + 3 <= PLAN_MAX_LOAD,
	       "the kernel's segments, the stub, the command line and the initrds fit");

/* What a segment holds; decides its file order and flags */
enum plan_segment_kind {
	SEG_KERNEL,
	SEG_STUB,
	SEG_CMDLINE,
	SEG_INITRD,
	SEG_DTB,                     /* arm64 --dtb */
	SEG_RECORDS,                 /* mkelfimage's notes, loaded (records.h) */
};

/*
 * The numbers an arch's plan obeys (each arch row has one: arch.h): the
 * placement rules (plan_rules.c) and the file layout read them.
 */
struct plan_limits {
	uint64_t page;               /* segment and file alignment */
	uint64_t p_align;            /* what the PT_LOADs state (offsets agree mod it) */
	uint64_t phys_base;          /* an address less this is physical (Alpha: KSEG) */
	uint64_t low_limit;          /* no segment below (physical); 0: no such rule */
	const char *low_limit_text;
	uint64_t phys_limit;         /* the image ends at or below (physical) */
	const char *phys_limit_text;
	uint64_t cmdline_buffer;     /* longest built-in text the stub holds */
	/*
	 * Bytes after the kernel's end (rounded up to the page) that the
	 * kernel clears before it reads its initrd (Linux/Alpha's
	 * callback_init): the initrd starts above them. 0: none.
	 */
	uint64_t cleared_after_kernel;
	const char *cleared_why;
	const enum plan_segment_kind *file_order;   /* segment kinds in file order */
	size_t file_order_count;
};

/* A run of a segment's bytes: from a file, or from memory, then zero padding */
struct plan_part {
	const struct input_file *file;   /* NULL: `bytes` */
	uint64_t offset;                 /* in the file */
	const uint8_t *bytes;
	uint64_t size;
	uint64_t pad;                    /* zeros after it (initrd alignment) */
	struct copy_sink *sinks[PLAN_SINKS_MAX];   /* fed `size` bytes, not the padding */
};

struct plan_segment {
	enum plan_segment_kind kind;
	const char *name;
	uint64_t addr;
	uint64_t file_size;
	uint64_t mem_size;
	uint64_t file_offset;            /* set by plan_layout */
	struct plan_part *parts;         /* file_size bytes in all */
	size_t part_count;
	struct plan_part single;         /* parts of a one-part segment */
	struct copy_sink *sinks[PLAN_SINKS_MAX];   /* fed every byte, padding included */
};

struct plan {
	const struct plan_limits *limits;
	const struct kernel *kernel;
	unsigned elf_class;          /* ELFCLASS32 or ELFCLASS64 */

	/* the kernel (kernel.h) */
	uint64_t kernel_load;
	uint64_t kernel_runtime;
	uint64_t init_size;
	int init_size_estimated;
	uint64_t reserve_start, reserve_end;

	/* the stub and its data */
	uint64_t stub_addr;
	uint64_t entry;
	uint64_t cmdline_addr;       /* 0: the text is in the stub's parameters */
	uint64_t cmdline_len;        /* without the NUL */
	uint64_t cmdline_max;        /* longest final command line */
	const char *cmdline_why;     /* where cmdline_max comes from */
	uint64_t initrd_addr;
	uint64_t initrd_size;

	struct plan_segment segments[PLAN_MAX_LOAD];
	unsigned segment_count;      /* in ascending address order */
	uint64_t min_ram;            /* end of the highest segment, physical (PLAN_MIN_RAM_COVERS) */
	uint8_t *records_bytes;      /* the records segment's bytes (records.c), owned */

	/* the PT_NOTE contents (PVH entry, ELFBoot, digests), in file order */
	struct note_list notes;
	/*
	 * Set by plan_layout: notes [0, notes_head) go in a PT_NOTE in the
	 * first page (old loaders read only that), the rest in a second
	 * PT_NOTE after the stub. ELF64 has one PT_NOTE (notes_head 0): rust-vmm
	 * linux-loader keeps the answer of the last PT_NOTE only.
	 */
	size_t notes_head;
	uint64_t notes_offset;       /* file offset of notes [0, notes_head) */
	uint64_t notes_tail_offset;  /* file offset of the others */
	/* a signature note ends the file (formats/signote.h): its own PT_NOTE */
	int signature;
	uint64_t signature_offset;   /* of the note's header (plan_layout) */
	uint64_t file_size;          /* the whole image (plan_layout) */
	uint64_t max_file_size;      /* --max-size, 0: no limit */
	const char *output_path;     /* for the --max-size error; may be NULL (--plan) */
};

/* What plan->min_ram counts, for the printers: the kernel needs more than the image */
#define PLAN_MIN_RAM_COVERS "the image's segments only; the kernel needs more to run, " \
	"and to unpack an initramfs (about its uncompressed size, while the compressed one is still in memory)"

/*
 * Start a plan under `limits`: place the kernel (kernel_place) and add its
 * segments, and take the command line's length and limit. The arch adds
 * the rest (arch.h); the rules are checked after (plan_rules.h).
 * Returns EXIT_OK or a reported status.
 */
int plan_begin(struct plan *plan, struct inputs *in, const struct plan_limits *limits,
	       unsigned elf_class);

/*
 * Put the segments in ascending address order, as the ELF program headers
 * must be (an arch that places a segment below the kernel's calls it).
 */
void plan_sort_segments(struct plan *plan);

/* Add a segment (ascending addresses are the caller's duty, or plan_sort_segments); its one part is returned. */
struct plan_segment *plan_add_segment(struct plan *plan, enum plan_segment_kind kind,
				      const char *name, uint64_t addr, uint64_t file_size,
				      uint64_t mem_size);

/*
 * The initrd region at `addr`: one segment whose parts are the initrd
 * files, each but the last padded (inputs_initrd_span). Sets initrd_addr
 * and initrd_size. Returns EXIT_OK or a reported status.
 */
int plan_add_initrds(struct plan *plan, uint64_t addr, const struct inputs *in);

/*
 * Hang `sink` in the first free slot of a part's or segment's `slots`. At
 * most three consumers share one (a bzImage's code: the file's and the
 * loaded part's SHA-256, the ELFBoot sum), below PLAN_SINKS_MAX.
 */
void plan_hang_sink(struct copy_sink **slots, struct copy_sink *sink);

/* The first segment of `kind`, or NULL */
struct plan_segment *plan_find_segment(struct plan *plan, enum plan_segment_kind kind);

/* The end of the highest segment so far (its address + memory size) */
uint64_t plan_end(const struct plan *plan);

/* Program headers the image has: every PT_LOAD, one PT_NOTE per part of the notes, the signature's */
unsigned plan_phdr_count(const struct plan *plan);

/* Choose the file offsets of the segments and notes (after every note is added). */
void plan_layout(struct plan *plan);

/* Free what plan_begin and later steps added; plan may be zeroed. */
void plan_free(struct plan *plan);

#endif
