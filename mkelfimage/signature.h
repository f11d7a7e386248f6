/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Signing at build: the signature note reserved in the plan, then filled
 * once every other byte of the image is written (formats/signote.h), and
 * the detached signature over the whole file.
 */
#ifndef MKELFIMAGE_SIGNATURE_H
#define MKELFIMAGE_SIGNATURE_H

#include <stdint.h>

#include "plan.h"
#include "signer.h"

/*
 * Write the note's header and fill its slot: the region table, then the
 * CMS over bytes [0, slot). fd holds plan->file_size bytes but the slot.
 */
int signature_embed(int fd, const char *path, const struct plan *plan, const struct signer *signer);

/* The detached DER signature of the whole image (size bytes at fd) written to out_fd */
int signature_write_detached(int fd, const char *path, uint64_t size, const struct signer *signer,
			     int out_fd, const char *out_path);

#endif
