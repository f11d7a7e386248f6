/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Opening and checking the input files; nothing is loaded whole. */
#ifndef MKELFIMAGE_INPUTS_H
#define MKELFIMAGE_INPUTS_H

#include <stddef.h>
#include <stdint.h>

#include "inputfile.h"
#include "kernel.h"
#include "spec.h"

#define INITRD_PART_ALIGN  4    /* each initrd but the last is padded to 4 bytes */
/* The initrds one image holds: a build, extract and the edits share the limit */
#define INPUTS_MAX_INITRDS 64
#define CMDLINE_FILE_MAX   (1u << 20)  /* far above any kernel's cmdline_size */

struct inputs {
	struct input_file kernel_file;
	struct kernel kernel;          /* what kernel_file is (kernel.h) */
	struct input_file *initrds;
	size_t initrd_count;
	uint64_t initrd_region_size;   /* joined and padded, 0 if none */
	char *cmdline;                 /* the built-in command line, malloc'd */
	const struct kept_digest *kernel_file_kept; /* spec->kernel_file_kept (digest.c) */
	uint8_t *dtb;                  /* --dtb's bytes, checked (dtb.h), malloc'd; NULL: none */
	uint64_t dtb_size;
};

/* Open and validate every input. Returns EXIT_OK or a reported exit status. */
int inputs_open(const struct image_spec *spec, struct inputs *in);
void inputs_close(struct inputs *in);

/* Open `count` more initrds after those `in` has. Returns EXIT_OK or a reported status. */
int inputs_open_initrds(struct inputs *in, const char *const *paths, size_t count);

/* Padded size of initrd `index` inside the joined region */
uint64_t inputs_initrd_span(const struct inputs *in, size_t index);

#endif
