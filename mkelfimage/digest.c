/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The digests of a build and the "mkelfimage" note that carries them (digest.h). */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "common/fdio.h"
#include "common/report.h"
#include "digest.h"
#include "formats/le.h"
#include "plan.h"

#define DIGEST_READ_CHUNK (1u << 20)   /* digest_fd_range's pieces */

/* Records: kernel file, kernel loaded, one per initrd, the region, the command line */
#define DIGEST_RECORDS(initrds)  (3 + (initrds) + ((initrds) ? 1 : 0))

static void digest_feed(struct copy_sink *sink, const uint8_t *bytes, size_t len)
{
	sha256_update_host(&((struct digest_sink *)sink)->ctx, bytes, len);
}

static struct copy_sink *digest_start(struct digest_sink *sink)
{
	sink->sink.feed = digest_feed;
	sink->sink.next = NULL;
	sha256_init(&sink->ctx);
	return &sink->sink;
}

/*
 * The kernel file: when the image holds it as a head plus the loaded part
 * (a bzImage), the head is hashed here and the segments feed the rest;
 * otherwise (a vmlinux's PT_LOADs) the whole file is read once more here.
 */
static int digest_kernel_file(struct digest_run *run, struct plan *plan, const struct inputs *in)
{
	const struct kernel *k = &in->kernel;
	struct copy_sink *file = digest_start(&run->kernel_file);
	unsigned i;

	if (run->file_kept)
		return EXIT_OK;
	if (!k->head_size)
		return copy_payload(&in->kernel_file, 0, -1, NULL, 0, in->kernel_file.size, file);
	for (i = 0; i < plan->segment_count; i++)
		if (plan->segments[i].kind == SEG_KERNEL)
			plan_hang_sink(plan->segments[i].sinks, file);
	if (k->head_bytes) {
		copy_sinks_feed(file, k->head_bytes, (size_t)k->head_size);
		return EXIT_OK;
	}
	return copy_payload(&in->kernel_file, 0, -1, NULL, 0, k->head_size, file);
}

int digest_run_begin(struct digest_run *run, struct plan *plan, const struct inputs *in)
{
	struct plan_segment *initrd = plan_find_segment(plan, SEG_INITRD);
	unsigned i;

	memset(run, 0, sizeof(*run));
	run->file_kept = in->kernel_file_kept;
	digest_start(&run->kernel_loaded);
	for (i = 0; i < plan->segment_count; i++)
		if (plan->segments[i].kind == SEG_KERNEL)
			plan_hang_sink(plan->segments[i].sinks, &run->kernel_loaded.sink);
	if (in->initrd_count) {
		if (!(run->initrds = calloc(in->initrd_count, sizeof(*run->initrds))))
			return report_error(EXIT_IO, "out of memory");
		for (i = 0; i < in->initrd_count; i++)
			plan_hang_sink(initrd->parts[i].sinks, digest_start(&run->initrds[i]));
		/* one initrd is its region (no padding after the last): hashed once */
		if (in->initrd_count > 1)
			plan_hang_sink(initrd->sinks, digest_start(&run->region));
	}
	return digest_kernel_file(run, plan, in);
}

int digest_run_finish(struct digest_run *run, const struct inputs *in, struct digest_set *set)
{
	struct sha256_ctx cmdline;
	size_t i;

	memset(set, 0, sizeof(*set));
	if (in->initrd_count &&
	    !(set->initrds = calloc(in->initrd_count, sizeof(*set->initrds))))
		return report_error(EXIT_IO, "out of memory");
	set->initrd_count = in->initrd_count;
	if (run->file_kept)   /* an edit: the original file's record, not the minimal vmlinux's */
		memcpy(set->kernel_file, run->file_kept->sha256, SHA256_DIGEST_SIZE);
	else
		sha256_final(&run->kernel_file.ctx, set->kernel_file);
	sha256_final(&run->kernel_loaded.ctx, set->kernel_loaded);
	for (i = 0; i < in->initrd_count; i++)
		sha256_final(&run->initrds[i].ctx, set->initrds[i]);
	if (in->initrd_count > 1)
		sha256_final(&run->region.ctx, set->region);
	else if (in->initrd_count)
		memcpy(set->region, set->initrds[0], SHA256_DIGEST_SIZE);
	sha256_init(&cmdline);
	sha256_update(&cmdline, in->cmdline, strlen(in->cmdline));
	sha256_final(&cmdline, set->cmdline);
	return EXIT_OK;
}

void digest_run_free(struct digest_run *run)
{
	free(run->initrds);
	run->initrds = NULL;
}

void digest_set_free(struct digest_set *set)
{
	free(set->initrds);
	set->initrds = NULL;
}

const uint8_t *digest_set_find(const struct digest_set *set, enum digest_kind kind, uint32_t index)
{
	const uint8_t *digest = NULL;

	if (!set)
		return NULL;
	switch (kind) {
	case DIGEST_KERNEL_FILE:
		digest = set->kernel_file;
		break;
	case DIGEST_KERNEL_LOADED:
		digest = set->kernel_loaded;
		break;
	case DIGEST_INITRD_FILE:
		digest = index < set->initrd_count ? set->initrds[index] : NULL;
		break;
	case DIGEST_INITRD_REGION:
		digest = set->initrd_count ? set->region : NULL;
		break;
	case DIGEST_CMDLINE:
		digest = set->cmdline;
		break;
	}
	return digest && digest_is_recorded(digest) ? digest : NULL;
}

/* One record: kind, index, size, and the digest (zero without `set`) */
static uint8_t *put_record(uint8_t *record, enum digest_kind kind, uint32_t index, uint64_t size,
			   const struct digest_set *set)
{
	const uint8_t *digest = digest_set_find(set, kind, index);

	le_put(record + offsetof(struct digest_record, kind), kind, 4);
	le_put(record + offsetof(struct digest_record, index), index, 4);
	le_put(record + offsetof(struct digest_record, size), size, 8);
	if (digest)
		memcpy(record + offsetof(struct digest_record, sha256), digest, SHA256_DIGEST_SIZE);
	return record + sizeof(struct digest_record);
}

/* The note's desc for `in`, with `set`'s digests (or zeros) */
static void encode(uint8_t *desc, const struct inputs *in, const struct digest_set *set)
{
	size_t records = DIGEST_RECORDS(in->initrd_count), i;
	uint8_t *record = desc + sizeof(struct digest_note_header);

	le_put(desc + offsetof(struct digest_note_header, version), MKELFIMAGE_DIGESTS_VERSION, 4);
	le_put(desc + offsetof(struct digest_note_header, record_count), records, 4);
	record = put_record(record, DIGEST_KERNEL_FILE, 0,
			    in->kernel_file_kept ? in->kernel_file_kept->size : in->kernel.file_size, set);
	record = put_record(record, DIGEST_KERNEL_LOADED, 0, in->kernel.loaded_size, set);
	for (i = 0; i < in->initrd_count; i++)
		record = put_record(record, DIGEST_INITRD_FILE, (uint32_t)i, in->initrds[i].size, set);
	if (in->initrd_count)
		record = put_record(record, DIGEST_INITRD_REGION, 0, in->initrd_region_size, set);
	put_record(record, DIGEST_CMDLINE, 0, strlen(in->cmdline), set);
}

static size_t desc_size(const struct inputs *in)
{
	return sizeof(struct digest_note_header) +
		DIGEST_RECORDS(in->initrd_count) * sizeof(struct digest_record);
}

int digest_note_add(struct plan *plan, const struct inputs *in)
{
	size_t len = desc_size(in);
	uint8_t *desc = calloc(1, len);
	int status = EXIT_OK;

	if (!desc)
		return report_error(EXIT_IO, "out of memory");
	encode(desc, in, NULL);
	if (notes_add(&plan->notes, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_DIGESTS, desc, len))
		status = report_error(EXIT_IO, "out of memory");
	free(desc);
	return status;
}

void digest_note_fill(struct plan *plan, const struct inputs *in, const struct digest_set *set)
{
	struct note *note = notes_find(&plan->notes, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_DIGESTS);

	if (note && note->desc_len == desc_size(in))
		encode(note->desc, in, set);
}

int digest_fd_range(struct sha256_ctx *ctx, int fd, uint64_t offset, uint64_t size)
{
	uint8_t *buf = malloc(DIGEST_READ_CHUNK);
	int status = buf ? 0 : -1;

	while (status == 0 && size) {
		size_t chunk = size < DIGEST_READ_CHUNK ? (size_t)size : DIGEST_READ_CHUNK;

		if (fdio_read_at(fd, buf, chunk, offset) != (ssize_t)chunk)
			status = -1;
		else
			sha256_update_host(ctx, buf, chunk);
		offset += chunk;
		size -= chunk;
	}
	free(buf);
	return status;
}
