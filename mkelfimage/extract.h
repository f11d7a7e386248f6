/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkelfimage extract IMAGE [--kernel FILE] [--vmlinux FILE] [--initrd FILE]... [--command-line-file FILE]:
 * the inputs back out of an image, byte for byte, each checked against the
 * digest the image recorded for it.
 */
#ifndef MKELFIMAGE_EXTRACT_H
#define MKELFIMAGE_EXTRACT_H

#include <stdint.h>

#include "imageread.h"
#include "inputs.h"

/* At most this many --initrd (the limit of a build: inputs.h) */
#define EXTRACT_MAX_INITRDS INPUTS_MAX_INITRDS

/* argv[0] is "extract". Returns the exit status. */
int extract_main(int argc, char **argv);

/*
 * Write the kernel file, initrd `index`, or the built-in command line (no
 * newline added) of `img` to `path`, atomically (mkelfimage/output.c).
 * Each is checked against the image's digest note first. Returns EXIT_OK
 * or a reported status. `extract` itself checks every part and every output
 * path first and renames its files into place only when all are written.
 */
int extract_kernel(const struct image_read *img, const char *path);
int extract_initrd(const struct image_read *img, uint32_t index, const char *path);
int extract_cmdline(const struct image_read *img, const char *path);

/*
 * For an image of a vmlinux: the minimal vmlinux (minvmlinux.h) of its
 * kernel PT_LOADs, checked against the `kernel loaded` digest, to `path`.
 */
int extract_vmlinux(const struct image_read *img, const char *path);

/*
 * For the edits, which copy straight from the image: where an initrd's and
 * the command line's bytes are in the mapping, checked as extracting checks
 * them, except that an initrd's digest is left to the caller, which hashes
 * the bytes as it copies them.
 */
int extract_locate_initrd(const struct image_read *img, uint32_t index, const uint8_t **bytes,
			  uint64_t *size);
int extract_locate_cmdline(const struct image_read *img, const uint8_t **bytes, uint64_t *len);

/*
 * The digest record (kind, index) of `img` against a payload of `size`
 * bytes whose SHA-256 is `got` (NULL: not hashed, the size alone is
 * compared): one line naming `what` when there is no record or it differs.
 */
int extract_check_record(const struct image_read *img, uint32_t kind, uint32_t index,
			 uint64_t size, const uint8_t *got, const char *what);

/* 1 when the image's digest note holds digests (built with --digests), else 0 */
int extract_has_digests(const struct image_read *img);

/* Number of initrd files the image records (its digest note), 0 if none. */
uint32_t extract_initrd_count(const struct image_read *img);

#endif
