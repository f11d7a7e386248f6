/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The "mkelfimage" digest note (digest.h, formats/digestnote.h). */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "copy.h"
#include "digest.h"
#include "formats/le.h"
#include "formats/sha256_host.h"
#include "formats/stubparam.h"
#include "common/report.h"

/* Records: kernel file, kernel loaded, one per initrd, the region, the command line */
#define DIGEST_RECORDS(initrds)  (3 + (initrds) + ((initrds) ? 1 : 0))

static void digest_feed(struct copy_sink *sink, const uint8_t *bytes, size_t len)
{
	sha256_update_host(&((struct digest_sink *)sink)->ctx, bytes, len);
}

/* Start `sink` empty, in front of `next` */
static struct copy_sink *digest_start(struct digest_sink *sink, struct copy_sink *next)
{
	sink->sink.feed = digest_feed;
	sink->sink.next = next;
	sha256_init(&sink->ctx);
	return &sink->sink;
}

/* The next record's digest (records are finished in their order) */
static void digest_record(struct digest_run *run, struct sha256_ctx *ctx)
{
	sha256_final(ctx, run->cursor + offsetof(struct digest_record, sha256));
	run->cursor += sizeof(struct digest_record);
}

/* One record's kind, index and size; its digest stays zero */
static uint8_t *digest_layout_record(uint8_t *record, enum digest_kind kind, uint32_t index,
				     uint64_t size)
{
	le_put(record + offsetof(struct digest_record, kind), kind, 4);
	le_put(record + offsetof(struct digest_record, index), index, 4);
	le_put(record + offsetof(struct digest_record, size), size, 8);
	return record + sizeof(struct digest_record);
}

int digest_add(struct plan *plan, const struct inputs *in)
{
	/* the loaded part: a bzImage's protected-mode code, a vmlinux's PT_LOAD file bytes */
	uint64_t loaded = in->kernel_kind == KERNEL_VMLINUX ? in->vmlinux.file_bytes : in->bzimage.pm_size;
	size_t records = DIGEST_RECORDS(in->initrd_count), i;
	size_t desc_len = sizeof(struct digest_note_header) + records * sizeof(struct digest_record);
	uint8_t *desc = calloc(1, desc_len), *record;
	int status = EXIT_OK;

	if (!desc)
		return report_error(EXIT_IO, "out of memory");
	le_put(desc + offsetof(struct digest_note_header, version), MKELFIMAGE_DIGESTS_VERSION, 4);
	le_put(desc + offsetof(struct digest_note_header, record_count), records, 4);
	record = desc + sizeof(struct digest_note_header);
	record = digest_layout_record(record, DIGEST_KERNEL_FILE, 0,
				      in->kernel_file_kept ? in->kernel_file_kept->size : in->kernel.size);
	record = digest_layout_record(record, DIGEST_KERNEL_LOADED, 0, loaded);
	for (i = 0; i < in->initrd_count; i++)
		record = digest_layout_record(record, DIGEST_INITRD_FILE, (uint32_t)i, in->initrds[i].size);
	if (in->initrd_count)
		record = digest_layout_record(record, DIGEST_INITRD_REGION, 0, in->initrd_region_size);
	digest_layout_record(record, DIGEST_CMDLINE, 0, strlen(in->cmdline));
	/* the digests are computed while the payloads are written (digest_begin...) */
	if (notes_add(&plan->notes, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_DIGESTS, desc, desc_len))
		status = report_error(EXIT_IO, "out of memory");
	free(desc);
	return status;
}

int digest_begin(struct digest_run *run, struct plan *plan, int compute, int record)
{
	run->note = notes_find(&plan->notes, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_DIGESTS);
	run->desc = NULL;
	run->record = record;
	if (!compute || !run->note)
		return EXIT_OK;
	if (!(run->desc = malloc(run->note->desc_len)))
		return report_error(EXIT_IO, "out of memory");
	memcpy(run->desc, run->note->desc, run->note->desc_len);
	run->cursor = run->desc + sizeof(struct digest_note_header);
	return EXIT_OK;
}

void digest_end(struct digest_run *run)
{
	free(run->desc);
	run->desc = NULL;
}

int digest_kernel_begin(struct digest_run *run, const struct inputs *in)
{
	run->file_with_loaded = in->kernel_kind != KERNEL_VMLINUX;
	if (!run->desc)
		return EXIT_OK;
	digest_start(&run->loaded, NULL);
	run->file_kept = in->kernel_file_kept;
	if (run->file_kept)   /* an edit: the original file's record, not the minimal vmlinux's */
		return EXIT_OK;
	/* a vmlinux's file is not copied whole (only its PT_LOADs): hashed alone, read here */
	if (in->kernel_kind == KERNEL_VMLINUX)
		return copy_payload(&in->kernel, 0, -1, NULL, 0, in->kernel.size,
				    digest_start(&run->file, NULL));
	/* the setup part is not copied: hashed alone (a few KiB, read here); the
	 * protected-mode part feeds the file's digest on its way (digest_kernel_segment) */
	return copy_payload(&in->kernel, 0, -1, NULL, 0, in->bzimage.pm_offset,
			    digest_start(&run->file, NULL));
}

struct copy_sink *digest_kernel_segment(struct digest_run *run, struct copy_sink *next)
{
	if (!run->desc)
		return next;
	run->loaded.sink.next = next;
	if (!run->file_with_loaded)
		return &run->loaded.sink;
	run->file.sink.next = &run->loaded.sink;
	return &run->file.sink;
}

void digest_kernel_end(struct digest_run *run)
{
	if (!run->desc)
		return;
	if (run->file_kept) {
		memcpy(run->cursor + offsetof(struct digest_record, sha256), run->file_kept->sha256,
		       SHA256_DIGEST_SIZE);
		run->cursor += sizeof(struct digest_record);
	} else {
		digest_record(run, &run->file.ctx);
	}
	digest_record(run, &run->loaded.ctx);
}

struct copy_sink *digest_initrd_begin(struct digest_run *run, size_t index, struct copy_sink *next)
{
	if (!run->desc)
		return next;
	/* the first initrd starts the region: its digest state is copied at the end */
	if (index == 0)
		return digest_start(&run->file, next);
	run->region.sink.next = next;
	return digest_start(&run->file, &run->region.sink);
}

void digest_initrd_end(struct digest_run *run, const struct inputs *in, size_t index)
{
	static const uint8_t zeros[INITRD_PART_ALIGN];

	if (!run->desc)
		return;
	if (index == 0) {
		run->region = run->file;
		run->region.sink.next = NULL;
	}
	/* the region has the padding to the next initrd's alignment too */
	sha256_update(&run->region.ctx, zeros, (size_t)(inputs_initrd_span(in, index) - in->initrds[index].size));
	digest_record(run, &run->file.ctx);
}

void digest_finish(struct digest_run *run, const struct inputs *in)
{
	struct sha256_ctx cmdline;

	if (!run->desc)
		return;
	if (in->initrd_count)
		digest_record(run, &run->region.ctx);
	sha256_init(&cmdline);
	sha256_update(&cmdline, in->cmdline, strlen(in->cmdline));
	digest_record(run, &cmdline);
	if (run->record)
		memcpy(run->note->desc, run->desc, run->note->desc_len);
}
/* The digest of record (kind, index) of a desc we made; -1 when absent or not computed */
static int digest_find_desc(const uint8_t *desc, size_t desc_len, enum digest_kind kind,
			    uint32_t index, uint8_t out[SHA256_DIGEST_SIZE])
{
	const uint8_t *record;
	size_t offset;

	/* our own note, made above: read back field by field, little endian */
	for (offset = sizeof(struct digest_note_header);
	     desc && offset + sizeof(struct digest_record) <= desc_len;
	     offset += sizeof(struct digest_record)) {
		record = desc + offset;
		if (le32_get(record + offsetof(struct digest_record, kind)) == (uint32_t)kind &&
		    le32_get(record + offsetof(struct digest_record, index)) == index) {
			memcpy(out, record + offsetof(struct digest_record, sha256), SHA256_DIGEST_SIZE);
			return digest_is_recorded(out) ? 0 : -1;
		}
	}
	return -1;
}

int digest_find(const struct note_list *notes, enum digest_kind kind, uint32_t index,
		uint8_t out[SHA256_DIGEST_SIZE])
{
	const struct note *note = notes_find(notes, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_DIGESTS);

	return note ? digest_find_desc(note->desc, note->desc_len, kind, index, out) : -1;
}

int digest_run_find(const struct digest_run *run, enum digest_kind kind, uint32_t index,
		    uint8_t out[SHA256_DIGEST_SIZE])
{
	return run->desc ? digest_find_desc(run->desc, run->note->desc_len, kind, index, out) : -1;
}

void digest_fill_stub_params(uint8_t *params, const struct note_list *notes)
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

	for (i = 0; i < sizeof(checked) / sizeof(checked[0]); i++)
		if (digest_find(notes, checked[i].kind, 0, params + checked[i].offset) != 0)
			memset(params + checked[i].offset, 0, SHA256_DIGEST_SIZE);
}
