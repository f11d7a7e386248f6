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

/*
 * Compare the image's x86 stub with the one this mkelfimage writes at the
 * same address with the same parameters: the embedded stub relocated there,
 * with the image's own parameter block and loader header bytes (which
 * --no-multiboot blanks). Returns the count of bytes that differ (*first:
 * the offset of the first in the stub), or -1 when the image's stub is not
 * this mkelfimage's size or kind (nothing to compare).
 */
long imagesum_stub_differs(const struct image_read *img, uint64_t *first);

#endif
