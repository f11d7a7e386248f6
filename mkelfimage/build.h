/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A build: inputs (parsed, validated) -> plan (placement rules) -> notes ->
 * file layout -> payloads written with their consumers -> what depends on
 * them (digests, stub parameters, notes, checksum) -> renamed into place.
 */
#ifndef MKELFIMAGE_BUILD_H
#define MKELFIMAGE_BUILD_H

#include "digest.h"
#include "inputs.h"
#include "spec.h"

/* Build the image `spec` describes. Returns the exit status (reported). */
int build_image(const struct image_spec *spec);

/*
 * A last check before the outputs are renamed into place, given the
 * digests computed while the payloads were copied (NULL when none were):
 * the edits compare them with those the old image recorded. Returns
 * EXIT_OK or a reported status (nothing is then written).
 */
struct build_check {
	int (*fn)(void *ctx, const struct digest_set *digests);
	void *ctx;
};

/*
 * The same from inputs already open (the edits describe an image's own
 * payloads: inputs.h), with `check` (may be NULL); the caller closes them.
 */
int build_image_from(const struct image_spec *spec, struct inputs *in,
		     const struct build_check *check);

#endif
