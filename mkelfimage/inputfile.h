/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An input file: opened once, checked to be a regular file, never loaded
 * whole. Or a payload of an image being edited: `size` bytes from `offset`
 * in the image, copied from there without a scratch file.
 */
#ifndef MKELFIMAGE_INPUTFILE_H
#define MKELFIMAGE_INPUTFILE_H

#include <stdint.h>

struct input_file {
	const char *what;       /* "kernel" or "initrd", for messages */
	const char *path;
	int fd;
	uint64_t offset;        /* where its bytes start in fd: 0 but in an edited image */
	uint64_t size;
	uint64_t dev, ino;      /* to refuse an output that is an input */
};

/*
 * Open a regular file for reading; directories, devices and FIFOs are
 * refused. Returns EXIT_OK or a reported EXIT_BAD_INPUT (file->fd may then
 * be open: the caller closes it).
 */
int input_file_open(struct input_file *file, const char *what, const char *path);

#endif
