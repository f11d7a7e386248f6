/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A build: inputs (parsed, validated) -> plan (placement rules) -> notes ->
 * file layout -> payloads written with their consumers -> what depends on
 * them (digests, stub parameters, notes, checksum) -> renamed into place.
 */
#ifndef MKELFIMAGE_BUILD_H
#define MKELFIMAGE_BUILD_H

#include "spec.h"

/* Build the image `spec` describes. Returns the exit status (reported). */
int build_image(const struct image_spec *spec);

#endif
