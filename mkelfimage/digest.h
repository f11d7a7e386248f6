/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SHA-256 digests of what goes into the image (formats/digestnote.h): the
 * kernel file and its loaded part, each initrd and the joined region, and
 * the built-in command line. They go into the "mkelfimage" note, which is
 * always emitted; the stub gets the three it can check at boot from it.
 */
#ifndef MKELFIMAGE_DIGEST_H
#define MKELFIMAGE_DIGEST_H

#include <stdint.h>

#include "formats/digestnote.h"
#include "inputs.h"
#include "notes.h"
#include "plan.h"

/*
 * Hash every input (each file read once, in 1 MiB pieces, never whole) and
 * add the digest note to plan->notes. Returns EXIT_OK or a reported status.
 */
int digest_add(struct plan *plan, const struct inputs *in);

/*
 * The digest of one record of the note in `notes` (index: the initrd's
 * number, else 0) copied to `out`. Returns 0, or -1 when there is none.
 */
int digest_find(const struct note_list *notes, enum digest_kind kind, uint32_t index,
		uint8_t out[SHA256_DIGEST_SIZE]);

/*
 * Copy the digests the stub checks at boot into a struct stub_params held
 * as bytes (formats/stubparam.h: kernel_sha256, initrd_sha256,
 * cmdline_sha256); a record that is absent (no initrd) leaves zeros.
 */
void digest_fill_stub_params(uint8_t *params, const struct note_list *notes);

#endif
