/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The "mkelfimage" digest note (digest.h, formats/digestnote.h). */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "digest.h"
#include "formats/stubparam.h"
#include "report.h"

#define DIGEST_CHUNK  (1u << 20)

/* Records: kernel file, kernel loaded, one per initrd, the region, the command line */
#define DIGEST_RECORDS(initrds)  (3 + (initrds) + ((initrds) ? 1 : 0))

/* A little-endian number of `bytes` bytes (the note's byte order) */
static void digest_put_le(uint8_t *out, uint64_t value, unsigned bytes)
{
	unsigned i;

	for (i = 0; i < bytes; i++)
		out[i] = (uint8_t)(value >> (8 * i));
}

static uint32_t digest_get_le32(const uint8_t *in)
{
	return (uint32_t)in[0] | (uint32_t)in[1] << 8 | (uint32_t)in[2] << 16 | (uint32_t)in[3] << 24;
}

/*
 * Read a whole input once: every byte goes into `whole`, and the bytes from
 * file offset `part_from` on also into `part` (when not NULL).
 */
static int digest_stream(const struct input_file *file, uint8_t *buf, struct sha256_ctx *whole,
			 struct sha256_ctx *part, uint64_t part_from)
{
	uint64_t offset = 0;

	while (offset < file->size) {
		size_t chunk = file->size - offset < DIGEST_CHUNK ? (size_t)(file->size - offset) : DIGEST_CHUNK;
		ssize_t got = pread(file->fd, buf, chunk, (off_t)offset);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return report_errno(EXIT_IO, file->what, file->path, "cannot read");
		if (got == 0)
			return report_error(EXIT_IO, "%s '%s': file shrank while being read",
					    file->what, file->path);
		sha256_update(whole, buf, (size_t)got);
		if (part && offset + (uint64_t)got > part_from) {
			uint64_t skip = offset < part_from ? part_from - offset : 0;

			sha256_update(part, buf + skip, (size_t)((uint64_t)got - skip));
		}
		offset += (uint64_t)got;
	}
	return EXIT_OK;
}

/* Append one record to the desc at *cursor */
static void digest_record(uint8_t **cursor, enum digest_kind kind, uint32_t index, uint64_t size,
			  struct sha256_ctx *ctx)
{
	uint8_t *record = *cursor;

	digest_put_le(record + offsetof(struct digest_record, kind), kind, 4);
	digest_put_le(record + offsetof(struct digest_record, index), index, 4);
	digest_put_le(record + offsetof(struct digest_record, size), size, 8);
	sha256_final(ctx, record + offsetof(struct digest_record, sha256));
	*cursor += sizeof(struct digest_record);
}

/* The initrd files' records, then the region's (the files with their padding) */
static int digest_initrds(const struct inputs *in, uint8_t *buf, uint8_t **cursor)
{
	static const uint8_t zeros[INITRD_PART_ALIGN];
	struct sha256_ctx region, file;
	size_t i;
	int status;

	sha256_init(&region);
	for (i = 0; i < in->initrd_count; i++) {
		uint64_t padding = inputs_initrd_span(in, i) - in->initrds[i].size;

		sha256_init(&file);
		if ((status = digest_stream(&in->initrds[i], buf, &file, &region, 0)) != EXIT_OK)
			return status;
		sha256_update(&region, zeros, (size_t)padding);
		digest_record(cursor, DIGEST_INITRD_FILE, (uint32_t)i, in->initrds[i].size, &file);
	}
	if (in->initrd_count)
		digest_record(cursor, DIGEST_INITRD_REGION, 0, in->initrd_region_size, &region);
	return EXIT_OK;
}

int digest_add(struct plan *plan, const struct inputs *in)
{
	size_t records = DIGEST_RECORDS(in->initrd_count);
	size_t desc_len = sizeof(struct digest_note_header) + records * sizeof(struct digest_record);
	uint8_t *desc = malloc(desc_len), *buf = malloc(DIGEST_CHUNK), *cursor;
	struct sha256_ctx file, loaded, cmdline;
	int status;

	if (!desc || !buf) {
		free(desc);
		free(buf);
		return report_error(EXIT_IO, "out of memory");
	}
	digest_put_le(desc + offsetof(struct digest_note_header, version), MKELFIMAGE_DIGESTS_VERSION, 4);
	digest_put_le(desc + offsetof(struct digest_note_header, record_count), records, 4);
	cursor = desc + sizeof(struct digest_note_header);
	sha256_init(&file);
	sha256_init(&loaded);
	status = digest_stream(&in->kernel, buf, &file, &loaded, in->bzimage.pm_offset);
	if (status == EXIT_OK) {
		digest_record(&cursor, DIGEST_KERNEL_FILE, 0, in->kernel.size, &file);
		digest_record(&cursor, DIGEST_KERNEL_LOADED, 0, in->bzimage.pm_size, &loaded);
		status = digest_initrds(in, buf, &cursor);
	}
	if (status == EXIT_OK) {
		sha256_init(&cmdline);
		sha256_update(&cmdline, in->cmdline, strlen(in->cmdline));
		digest_record(&cursor, DIGEST_CMDLINE, 0, strlen(in->cmdline), &cmdline);
		if (notes_add(&plan->notes, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_DIGESTS, desc, desc_len))
			status = report_error(EXIT_IO, "out of memory");
	}
	free(desc);
	free(buf);
	return status;
}

int digest_find(const struct note_list *notes, enum digest_kind kind, uint32_t index,
		uint8_t out[SHA256_DIGEST_SIZE])
{
	const struct note *note = notes_find(notes, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_DIGESTS);
	const uint8_t *record;
	size_t offset;

	if (!note)
		return -1;
	/* our own note, written above: read back field by field, little endian */
	for (offset = sizeof(struct digest_note_header);
	     offset + sizeof(struct digest_record) <= note->desc_len;
	     offset += sizeof(struct digest_record)) {
		record = note->desc + offset;
		if (digest_get_le32(record + offsetof(struct digest_record, kind)) == (uint32_t)kind &&
		    digest_get_le32(record + offsetof(struct digest_record, index)) == index) {
			memcpy(out, record + offsetof(struct digest_record, sha256), SHA256_DIGEST_SIZE);
			return 0;
		}
	}
	return -1;
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
