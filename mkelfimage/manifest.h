/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --manifest FILE.json: what went into an image and what came out, for build
 * systems (schema "mkelfimage-manifest/1", doc/mkelfimage.1 JSON OUTPUT).
 */
#ifndef MKELFIMAGE_MANIFEST_H
#define MKELFIMAGE_MANIFEST_H

#include "initrdprep.h"
#include "digest.h"
#include "inputs.h"
#include "spec.h"
#include "plan.h"

#define MANIFEST_SCHEMA "mkelfimage-manifest/1"

/*
 * Write the manifest to `fd` (left open for output_commit). `image_fd` is the
 * written image, read back for its size and, unless `image_sha256` (a
 * signed build hashed the whole file already) gives it, its digest; `prep` describes each
 * initrd (initrdprep_run); `digests` holds the inputs' digests, computed
 * while the image was written. Returns EXIT_OK or a reported exit status.
 */
int manifest_write(int fd, const struct image_spec *spec, const struct inputs *in,
		   const struct initrd_prep *prep, const struct plan *plan,
		   const struct digest_set *digests, int image_fd, const uint8_t *image_sha256);

#endif
