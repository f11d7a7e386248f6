/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the flat Image kernels (kernel_arm64.c, kernel_riscv64.c) share: a
 * 64-byte header at offset 0, plain or gzip'd (their kernels have no
 * decompressor of their own: the loader decodes Image.gz), and the same
 * answers for a file that is some other arch's kernel.
 */
#ifndef MKELFIMAGE_KERNEL_FLAT_H
#define MKELFIMAGE_KERNEL_FLAT_H

#include <stddef.h>
#include <stdint.h>

#include "formats/fmt_error.h"
#include "kernel.h"

/* Bytes of a (decoded) Image read for its header and PE section table */
#define KERNEL_FLAT_HEAD_BYTES  1024

/*
 * What a kernel whose head is this is, when it is not for the arch `arch`
 * (an --arch name): "an x86 bzImage", ... NULL: it may be one of its Images.
 */
const char *kernel_flat_foreign(const uint8_t *head, size_t len, const char *arch);

/* An Image format's own step: parse and check the header in `buf` (`got`
 * bytes of the k->file->size-byte Image) into k->info, set the limits */
typedef int (*kernel_flat_read_fn)(struct kernel *k, const uint8_t *buf, size_t got);

/* The only format of its arch: `open` names what is wrong with anything else */
int kernel_flat_probe(const uint8_t *head, size_t len);

/*
 * A gzip'd Image is decoded into a temporary file that replaces k->file's
 * descriptor; a plain one is left; any other compression is refused. Then
 * `read` takes the decoded head.
 */
int kernel_flat_open(struct kernel *k, const uint8_t *head, size_t len, const char *arch,
		     kernel_flat_read_fn read);

/* One segment: the Image's file at `load`, `mem_size` bytes kept for it */
void kernel_flat_place(struct kernel *k, uint64_t load, uint64_t file_size, uint64_t mem_size);

/* The limits every Image kernel has: its COMMAND_LINE_SIZE and where it is said */
void kernel_flat_limits(struct kernel *k, uint64_t command_line_size, const char *why);

/*
 * The Image an image of ours holds (the edits): the kernel segment's file
 * bytes, which k->file (the image's descriptor) now starts at; its head
 * into `buf`. `machine` is the arch's e_machine: another arch's image is
 * not this format's.
 */
int kernel_flat_probe_image(const struct image_read *img, uint16_t machine);
int kernel_flat_open_image(struct kernel *k, const struct image_read *img, kernel_flat_read_fn read);

/* The error line for a header the parser or the rules refused */
int kernel_flat_header_error(const struct kernel *k, const struct fmt_error *err, const char *what);

#endif
