/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --dtb FILE: a flattened device tree the image carries for loaders that
 * hand none (arm64). Read whole (booting.rst allows at most 2 MiB) and
 * checked with the stubs' own reader (stubs/common/fdt.c), so the stub
 * never meets a tree it would refuse.
 */
#ifndef MKELFIMAGE_DTB_H
#define MKELFIMAGE_DTB_H

#include <stdint.h>

/* Read and check `path`; *bytes is malloc'd. Returns EXIT_OK or a reported status. */
int dtb_read(const char *path, uint8_t **bytes, uint64_t *size);

#endif
