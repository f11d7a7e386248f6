/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The output file: written under a temporary name in the output's directory
 * and renamed into place only when complete, so a failure leaves no file and
 * an existing output untouched.
 */
#ifndef MKELFIMAGE_OUTPUT_H
#define MKELFIMAGE_OUTPUT_H

#include "inputs.h"

struct output {
	const char *path;       /* final name */
	char *temp_path;        /* malloc'd, NULL once renamed or removed */
	int fd;
};

#include <sys/stat.h>

/*
 * The checks every output gets: its directory exists and it is not a
 * directory. *exists tells whether it exists; then *st is its stat.
 */
int output_check_path(const char *path, struct stat *st, int *exists);
/* Check the output path before any work: output_check_path, and it is not an input. */
int output_check(const char *path, const struct image_spec *spec, const struct inputs *in);
int output_begin(struct output *out, const char *path);
int output_commit(struct output *out);
void output_abort(struct output *out);

#endif
