/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A build: inputs (parsed, validated) -> plan (placement rules) -> notes ->
 * file layout -> payloads written with their consumers -> what depends on
 * them (digests, stub parameters, notes, checksum) -> renamed into place.
 */
#ifndef MKELFIMAGE_BUILD_H
#define MKELFIMAGE_BUILD_H

#include "inputs.h"
#include "spec.h"

/* Build the image `spec` describes. Returns the exit status (reported). */
int build_image(const struct image_spec *spec);

/*
 * The same from inputs already open (the edits describe an image's own
 * payloads: inputs.h); the caller closes them.
 */
int build_image_from(const struct image_spec *spec, struct inputs *in);

#endif
