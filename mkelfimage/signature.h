/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Signing at build: the signature note reserved in the plan, then filled
 * once every other byte of the image is written (formats/signote.h), and
 * the detached signature over the whole file.
 *
 * Why a pass over the written image, after the payloads' own pass: the
 * covered bytes are hashed in file order, and the first of them (the
 * ELFBoot checksum, the digests in the notes and the stub) are known
 * only once the payloads went by. That pass reads the page cache back
 * (pread); the payloads' SHA-256s for the region table are computed on
 * a second thread at the same time, so the pass costs one SHA-256 of the
 * file.
 */
#ifndef MKELFIMAGE_SIGNATURE_H
#define MKELFIMAGE_SIGNATURE_H

#include <stdint.h>

#include "plan.h"
#include "signer.h"

/*
 * Write the note's header and fill its slot: the region table, then the
 * CMS over bytes [0, slot). fd holds every other byte already. *whole
 * gets the SHA-256 of the whole file as it is now (for a detached one).
 */
int signature_embed(int fd, const char *path, const struct plan *plan, const struct signer *signer,
		    uint8_t whole[32]);

/* The SHA-256 of the `size` bytes of fd (an image that carries no signature) */
int signature_digest_file(int fd, const char *path, uint64_t size, uint8_t digest[32]);

/* The detached DER signature of content with that SHA-256, written to out_fd */
int signature_write_detached(const struct signer *signer, const uint8_t digest[32], int out_fd,
			     const char *out_path);

#endif
