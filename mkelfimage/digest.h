/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The SHA-256s of what goes into the image (formats/digestnote.h): the
 * kernel file and its loaded part, each initrd and the joined region, the
 * built-in command line. They are computed while the payloads stream into
 * the image: each is a copy_sink (copy.h) hung on the plan's segments and
 * parts, so no input is read twice (a vmlinux's file, whose PT_LOADs are
 * not contiguous, is the one exception). The results are plain values
 * (struct digest_set) that the build hands to the note, the stub's
 * parameters and the manifest.
 */
#ifndef MKELFIMAGE_DIGEST_H
#define MKELFIMAGE_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#include "copy.h"
#include "formats/digestnote.h"
#include "formats/sha256_host.h"
#include "inputs.h"
#include "notes.h"

struct plan;

/* The digests of one build, as values */
struct digest_set {
	uint8_t kernel_file[SHA256_DIGEST_SIZE];
	uint8_t kernel_loaded[SHA256_DIGEST_SIZE];
	uint8_t (*initrds)[SHA256_DIGEST_SIZE];   /* one per initrd, malloc'd */
	size_t initrd_count;
	uint8_t region[SHA256_DIGEST_SIZE];
	uint8_t cmdline[SHA256_DIGEST_SIZE];
};

/* One SHA-256 as a copy_sink */
struct digest_sink {
	struct copy_sink sink;
	struct sha256_ctx ctx;
};

/* The sinks of one build, hung on the plan by digest_run_begin */
struct digest_run {
	struct digest_sink kernel_file, kernel_loaded, region;
	struct digest_sink *initrds;
	const struct kept_digest *file_kept;   /* the kernel file's record is carried over */
};

/*
 * Start the digests of `in` for the payloads of `plan`: hang each sink on
 * the segment or part whose bytes it hashes, and hash what the image does
 * not copy (a bzImage's setup, a vmlinux's whole file) now. Returns
 * EXIT_OK or a reported status.
 */
int digest_run_begin(struct digest_run *run, struct plan *plan, const struct inputs *in);

/* After the payloads are written: the values. Returns EXIT_OK or EXIT_IO (memory). */
int digest_run_finish(struct digest_run *run, const struct inputs *in, struct digest_set *set);

void digest_run_free(struct digest_run *run);
void digest_set_free(struct digest_set *set);

/*
 * Feed ctx the `size` bytes of fd from `offset`, read back with pread in
 * pieces of 1 MiB into a buffer of its own (a written image: the manifest's
 * digest, the signature's covered bytes and regions; a mapping shared by two
 * hashing threads spends more on page faults than the copy costs). 0, or -1
 * on a read error or a short file (errno set).
 */
int digest_fd_range(struct sha256_ctx *ctx, int fd, uint64_t offset, uint64_t size);

/* The digest of record (kind, index), or NULL when there is none */
const uint8_t *digest_set_find(const struct digest_set *set, enum digest_kind kind, uint32_t index);

/*
 * The "mkelfimage" note in plan->notes: every record's kind, index and
 * size; the digests zero until digest_note_fill. Returns EXIT_OK or a
 * reported status.
 */
int digest_note_add(struct plan *plan, const struct inputs *in);

/* Write `set`'s digests into the note's records. */
void digest_note_fill(struct plan *plan, const struct inputs *in, const struct digest_set *set);

#endif
