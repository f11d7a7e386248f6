/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bootelf's segment plan: the image's PT_LOAD segments, page-rounded as
 * kexec_load wants them (kernel/kexec_core.c sanity_check_segment_list:
 * page-aligned destinations, no overlaps, at most KEXEC_SEGMENT_MAX), each
 * inside the machine's RAM, plus one segment of bootelf's own: the
 * trampoline and the multiboot information, placed in RAM below 4 GiB just
 * above the image (where Multiboot loaders put their data: the image leaves
 * that room), else in the first RAM hole from 1 MiB.
 */
#ifndef LOADER_KEXEC_PLAN_H
#define LOADER_KEXEC_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "formats/elfimage.h"
#include "formats/fmt_error.h"
#include "kexec.h"
#include "mbi.h"
#include "memmap.h"

#define KEXEC_PLAN_PAGE_SIZE 4096
#define KEXEC_PLAN_MAX_SEGMENTS 16   /* KEXEC_SEGMENT_MAX */

struct kexec_plan_segment {
	int phdr_index;        /* the image's program header, -1 for bootelf's segment */
	uint64_t phdr_offset;  /* its offset in the file (for messages) */
	uint64_t file_offset;  /* where buf starts in the image file (image segments) */
	struct kexec_load_segment load;
	uint8_t *owned;        /* a copy made by the plan (freed by kexec_plan_free), or NULL */
};

struct kexec_plan {
	size_t count;
	struct kexec_plan_segment segment[KEXEC_PLAN_MAX_SEGMENTS];
	uint64_t kexec_entry;  /* the trampoline's entry for the running kernel */
	uint64_t image_entry;  /* e_entry, where the trampoline jumps */
	uint64_t own_addr;     /* bootelf's segment */
	struct mbi_layout mbi;
};

struct kexec_plan_input {
	const struct elfimage_info *info;
	const uint8_t *file;            /* the whole image */
	const struct memmap *map;
	const struct kexec_arch *arch;
	const char *cmdline;            /* the multiboot command line */
	const uint8_t *trampoline;      /* the blob (loader/trampoline.S) */
	size_t trampoline_size;
};

/* Rules the image's own segments must meet besides elfimage_validate: one
 * slot of the 16 is bootelf's. */
#define KEXEC_PLAN_MAX_IMAGE_LOADS (KEXEC_PLAN_MAX_SEGMENTS - 1)

/* Build the plan; a broken rule fills err (where "PT_LOAD", the header's offset). */
enum fmt_status kexec_plan_build(const struct kexec_plan_input *in, struct kexec_plan *plan,
				 struct fmt_error *err);

void kexec_plan_free(struct kexec_plan *plan);

#endif
