/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The "mkelfimage" note (formats/digestnote.h): one record per thing that
 * goes into the image (the kernel file and its loaded part, each initrd and
 * the joined region, the built-in command line) with its size, always; and
 * its SHA-256 with --digests or --verify-at-boot (the stub gets the three
 * it can check at boot from the note). Without them the digests stay zero:
 * hashing costs about as much as the copy itself (README, Performance).
 *
 * The note is added before the image is written (its size is known) and its
 * digests computed while the payloads stream into the image: each SHA-256
 * is a copy_sink of copy.h, so no input is read twice. The order of calls
 * is the order of the records: digest_begin, digest_kernel_begin, copy each
 * kernel segment through digest_kernel_segment, digest_kernel_end, then for each initrd digest_initrd_begin, copy
 * it, digest_initrd_end, and last digest_finish; then the note can be
 * written; digest_end frees the run.
 */
#ifndef MKELFIMAGE_DIGEST_H
#define MKELFIMAGE_DIGEST_H

#include <stdint.h>

#include "copy.h"
#include "formats/digestnote.h"
#include "inputs.h"
#include "notes.h"
#include "plan.h"

/* One SHA-256 as a copy_sink */
struct digest_sink {
	struct copy_sink sink;
	struct sha256_ctx ctx;
};

/* The digests of one image being written */
struct digest_run {
	struct note *note;          /* the digest note */
	uint8_t *desc;              /* its desc with the digests computed, NULL: none computed */
	uint8_t *cursor;            /* the next record in desc */
	int record;                 /* copy them into the note at the end */
	struct digest_sink file;    /* the kernel file, then each initrd file */
	struct digest_sink loaded;  /* the kernel's protected-mode part */
	int file_with_loaded;       /* the loaded bytes are part of the file's stream (a bzImage) */
	const struct kept_digest *file_kept; /* in->kernel_file_kept: recorded, not computed */
	struct digest_sink region;  /* the initrds joined, with their padding */
};

/*
 * Add the note to plan->notes: every record's kind, index and size, the
 * digests zero. Returns EXIT_OK or a reported status.
 */
int digest_add(struct plan *plan, const struct inputs *in);

/*
 * Start a run for plan's note: `compute` the digests (for the note, or only
 * for the manifest); `record` them in the note. Not computing, every call
 * below but digest_end does nothing. Returns EXIT_OK or a reported status.
 */
int digest_begin(struct digest_run *run, struct plan *plan, int compute, int record);
void digest_end(struct digest_run *run);

/*
 * Start the kernel's digests: hash the part of the file that is not copied
 * (a bzImage's setup part; a vmlinux's whole file, which is read here once
 * more, since only its PT_LOADs are copied).
 */
int digest_kernel_begin(struct digest_run *run, const struct inputs *in);

/*
 * The sinks one kernel segment's bytes go through, `next` last (called for
 * each kernel segment in address order: a bzImage has one, a vmlinux one
 * per PT_LOAD; together they are the loaded part).
 */
struct copy_sink *digest_kernel_segment(struct digest_run *run, struct copy_sink *next);
void digest_kernel_end(struct digest_run *run);

/* The sinks initrd `index` goes through, `next` last; then its record */
struct copy_sink *digest_initrd_begin(struct digest_run *run, size_t index, struct copy_sink *next);
void digest_initrd_end(struct digest_run *run, const struct inputs *in, size_t index);

/* The region's and the command line's records: the note is complete */
void digest_finish(struct digest_run *run, const struct inputs *in);

/*
 * The digest of one record of the note in `notes` (index: the initrd's
 * number, else 0) copied to `out`. Returns 0, or -1 when there is none or
 * it was not recorded.
 */
int digest_find(const struct note_list *notes, enum digest_kind kind, uint32_t index,
		uint8_t out[SHA256_DIGEST_SIZE]);

/* The same from a finished run (recorded in the note or not) */
int digest_run_find(const struct digest_run *run, enum digest_kind kind, uint32_t index,
		    uint8_t out[SHA256_DIGEST_SIZE]);

/*
 * Copy the digests the stub checks at boot into a struct stub_params held
 * as bytes (formats/stubparam.h: kernel_sha256, initrd_sha256,
 * cmdline_sha256); a record that is absent (no initrd) leaves zeros.
 */
void digest_fill_stub_params(uint8_t *params, const struct note_list *notes);

#endif
