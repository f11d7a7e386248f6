/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The records segment (records.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/align.h"
#include "common/report.h"
#include "formats/digestnote.h"
#include "formats/le.h"
#include "formats/records.h"
#include "records.h"

/* The first of mkelfimage's notes: they close the list (build.c adds them last) */
static size_t first_own_note(const struct plan *plan)
{
	size_t i = plan->notes.count;

	while (i > 0 && !strcmp(plan->notes.items[i - 1].name, MKELFIMAGE_NOTE_NAME))
		i--;
	return i;
}

int records_add(struct plan *plan)
{
	size_t first = first_own_note(plan), size, mem;
	uint64_t addr;

	if (first == plan->notes.count)
		return EXIT_OK;
	size = RECORDS_HEADER_SIZE + notes_size_range(&plan->notes, first, plan->notes.count - first);
	/* a free page before it: cbfstool's extract merges touching segments */
	addr = align_up(plan_end(plan), plan->limits->page) + plan->limits->page;
	/* its memory also takes a PT_NOTE's bytes, which U-Boot's bootelf copies there (elfwrite.c) */
	mem = notes_size(&plan->notes) > size ? notes_size(&plan->notes) : size;
	plan_add_segment(plan, SEG_RECORDS, "records", addr, size, mem);
	if (addr + mem - plan->limits->phys_base > plan->min_ram)
		plan->min_ram = addr + mem - plan->limits->phys_base;
	return EXIT_OK;
}

int records_fill(struct plan *plan)
{
	struct plan_segment *seg = plan_find_segment(plan, SEG_RECORDS);
	size_t first = first_own_note(plan);
	uint8_t *bytes;

	if (!seg)
		return EXIT_OK;
	if (!(bytes = calloc(1, (size_t)seg->file_size)))
		return report_error(EXIT_IO, "out of memory");
	memcpy(bytes, RECORDS_MAGIC, RECORDS_MAGIC_LEN);
	le_put(bytes + offsetof(struct records_header, version), RECORDS_VERSION, 4);
	le_put(bytes + offsetof(struct records_header, size), seg->file_size - RECORDS_HEADER_SIZE, 4);
	notes_encode_range(&plan->notes, first, plan->notes.count - first, bytes + RECORDS_HEADER_SIZE);
	free(plan->records_bytes);
	seg->single.bytes = plan->records_bytes = bytes;
	return EXIT_OK;
}
