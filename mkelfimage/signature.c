/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The signature note filled, the detached signature written (signature.h). */
#include "config.h"

#include <elf.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/fdio.h"
#include "common/report.h"
#include "digest.h"
#include "formats/digestnote.h"
#include "formats/le.h"
#include "formats/sha256_host.h"
#include "formats/signote.h"
#include "notes.h"
#include "signature.h"

static uint8_t *region_at(uint8_t *table, uint32_t i)
{
	return table + sizeof(struct signote_table_header) + i * sizeof(struct signote_region);
}

/* A payload region: hashed on the second thread (hash_payloads) */
static int is_payload(uint32_t kind)
{
	return kind == SIGNOTE_REGION_KERNEL || kind == SIGNOTE_REGION_INITRDS;
}

static int hash_region(int fd, uint8_t *r)
{
	struct sha256_ctx ctx;
	int status;

	sha256_init(&ctx);
	status = digest_fd_range(&ctx, fd, le64_get(r + offsetof(struct signote_region, offset)),
				 le64_get(r + offsetof(struct signote_region, size)));
	sha256_final(&ctx, r + offsetof(struct signote_region, sha256));
	return status;
}

/* One region of the table; small ones are hashed at once, payloads later */
static int add_region(uint8_t *table, uint32_t kind, uint32_t index, uint64_t offset, uint64_t size, int fd)
{
	uint32_t count = le32_get(table);
	uint8_t *r = region_at(table, count);

	if (count >= SIGNOTE_MAX_REGIONS || !size)
		return 0;
	le32_put(r + offsetof(struct signote_region, kind), kind);
	le32_put(r + offsetof(struct signote_region, index), index);
	le_put(r + offsetof(struct signote_region, offset), offset, 8);
	le_put(r + offsetof(struct signote_region, size), size, 8);
	le32_put(table, count + 1);
	return is_payload(kind) ? 0 : hash_region(fd, r);
}

static uint32_t region_kind(enum plan_segment_kind kind)
{
	switch (kind) {
	case SEG_KERNEL: return SIGNOTE_REGION_KERNEL;
	case SEG_STUB: return SIGNOTE_REGION_STUB;
	case SEG_CMDLINE: return SIGNOTE_REGION_CMDLINE;
	case SEG_INITRD: return SIGNOTE_REGION_INITRDS;
	case SEG_DTB: return SIGNOTE_REGION_DTB;
	case SEG_RECORDS: return SIGNOTE_REGION_RECORDS;
	}
	return 0;
}

/* Where each part of the file is, and the SHA-256 of each small one; -1 on a read error */
static int fill_table(uint8_t *table, const struct plan *plan, int fd)
{
	int is64 = plan->elf_class == ELFCLASS64;
	uint64_t headers = (is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr)) +
		plan_phdr_count(plan) * (is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr));
	uint32_t kernels = 0, notes = 0;
	unsigned i;
	int status = add_region(table, SIGNOTE_REGION_HEADERS, 0, 0, headers, fd);

	if (plan->notes_head)
		status |= add_region(table, SIGNOTE_REGION_NOTES, notes++, plan->notes_offset,
				     notes_size_range(&plan->notes, 0, plan->notes_head), fd);
	if (plan->notes.count > plan->notes_head)
		status |= add_region(table, SIGNOTE_REGION_NOTES, notes++, plan->notes_tail_offset,
				     notes_size_range(&plan->notes, plan->notes_head,
						      plan->notes.count - plan->notes_head), fd);
	for (i = 0; i < plan->segment_count; i++) {
		const struct plan_segment *seg = &plan->segments[i];

		status |= add_region(table, region_kind(seg->kind), seg->kind == SEG_KERNEL ? kernels++ : 0,
				     seg->file_offset, seg->file_size, fd);
	}
	status |= add_region(table, SIGNOTE_REGION_SIGNATURE, 0, plan->signature_offset,
			     SIGNOTE_NOTE_SIZE - SIGNOTE_SLOT_SIZE, fd);
	return status;
}

/* The second thread's work: the payloads' hashes for the table */
struct payload_job {
	int fd;
	uint8_t *table;
	int status;
};

static void *hash_payloads(void *arg)
{
	struct payload_job *job = arg;
	uint32_t count = le32_get(job->table), i;

	for (i = 0; i < count; i++)
		if (is_payload(le32_get(region_at(job->table, i) + offsetof(struct signote_region, kind))))
			job->status |= hash_region(job->fd, region_at(job->table, i));
	return NULL;
}

/* The note's header and desc header: covered, so written before the signing */
static int write_note_header(int fd, const char *path, const struct plan *plan)
{
	uint8_t head[SIGNOTE_NOTE_SIZE - SIGNOTE_SLOT_SIZE] = { 0 };

	le32_put(head, sizeof(MKELFIMAGE_NOTE_NAME));
	le32_put(head + 4, SIGNOTE_DESC_HEADER + SIGNOTE_SLOT_SIZE);
	le32_put(head + 8, MKELFIMAGE_NOTE_SIGNATURE);
	memcpy(head + 12, MKELFIMAGE_NOTE_NAME, sizeof(MKELFIMAGE_NOTE_NAME));
	le32_put(head + 24, SIGNOTE_VERSION);
	le32_put(head + 28, SIGNOTE_SLOT_SIZE);
	return fdio_write_at(fd, "output", path, head, sizeof(head), plan->signature_offset);
}

/*
 * The covered bytes' SHA-256 on this thread, the payloads' on another
 * when there are two CPUs. -1 on a read error.
 */
static int hash_covered(int fd, uint64_t covered, uint8_t *table, struct sha256_ctx *ctx)
{
	struct payload_job job = { fd, table, 0 };
	pthread_t thread;
	int threaded = sysconf(_SC_NPROCESSORS_ONLN) > 1 &&
		pthread_create(&thread, NULL, hash_payloads, &job) == 0;
	int status;

	sha256_init(ctx);
	status = digest_fd_range(ctx, fd, 0, covered);
	if (threaded)
		pthread_join(thread, NULL);
	else
		hash_payloads(&job);
	return status | job.status;
}

int signature_embed(int fd, const char *path, const struct plan *plan, const struct signer *signer,
		    uint8_t whole[32])
{
	uint64_t covered = plan->file_size - SIGNOTE_SLOT_SIZE;
	uint8_t *slot = calloc(1, SIGNOTE_SLOT_SIZE), *der = NULL, digest[SHA256_DIGEST_SIZE];
	struct sha256_ctx ctx, covered_ctx;
	size_t der_size = 0;
	int status;

	if (!slot)
		return report_error(EXIT_IO, "out of memory");
	status = write_note_header(fd, path, plan);
	if (status == EXIT_OK && (fill_table(slot + SIGNOTE_TABLE_OFFSET, plan, fd) != 0 ||
				  hash_covered(fd, covered, slot + SIGNOTE_TABLE_OFFSET, &ctx) != 0))
		status = report_errno(EXIT_IO, "output", path, "cannot read it back to sign it");
	if (status == EXIT_OK) {
		covered_ctx = ctx;   /* sha256_final pads its context: ctx goes on over the slot */
		sha256_final(&covered_ctx, digest);
		status = signer_sign_digest(signer, digest, &der, &der_size, path);
	}
	if (status == EXIT_OK && der_size > SIGNOTE_TABLE_OFFSET)
		status = report_error(EXIT_BAD_INPUT, "--sign-cert: the signature is %zu bytes, more than its slot's %u "
				      "(a smaller certificate, or an EC key)", der_size, SIGNOTE_TABLE_OFFSET);
	if (status == EXIT_OK) {
		memcpy(slot, der, der_size);
		status = fdio_write_at(fd, "output", path, slot, SIGNOTE_SLOT_SIZE, covered);
		/* the whole file: the covered bytes' hash, carried on over the slot */
		sha256_update_host(&ctx, slot, SIGNOTE_SLOT_SIZE);
		sha256_final(&ctx, whole);
	}
	free(der);
	free(slot);
	return status;
}

int signature_digest_file(int fd, const char *path, uint64_t size, uint8_t digest[32])
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	if (digest_fd_range(&ctx, fd, 0, size) != 0)
		return report_errno(EXIT_IO, "output", path, "cannot read it back to sign it");
	sha256_final(&ctx, digest);
	return EXIT_OK;
}

int signature_write_detached(const struct signer *signer, const uint8_t digest[32], int out_fd,
			     const char *out_path)
{
	uint8_t *der = NULL;
	size_t der_size = 0;
	int status = signer_sign_digest(signer, digest, &der, &der_size, out_path);

	if (status == EXIT_OK)
		status = fdio_write_at(out_fd, "detached signature", out_path, der, der_size, 0);
	free(der);
	return status;
}
