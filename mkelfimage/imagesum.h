/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ELFBoot checksum of an image read back, as coreboot's elfboot and
 * Etherboot verify it after loading (the rule: elfboot_sum.h), computed
 * over the mapped file: what inspect compares with the checksum note.
 */
#ifndef MKELFIMAGE_IMAGESUM_H
#define MKELFIMAGE_IMAGESUM_H

#include <stdint.h>

#include "imageread.h"

/*
 * The image's checksum in *sum, and the one its EIN_PROGRAM_CHECKSUM note
 * records in *noted. Returns 1 when the note is there, 0 when not (then
 * loaders check nothing).
 */
int imagesum_elfboot(const struct image_read *img, uint16_t *sum, uint16_t *noted);

#endif
