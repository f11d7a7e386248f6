/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The command line, parsed once into a description of the image to build. */
#ifndef MKELFIMAGE_OPTIONS_H
#define MKELFIMAGE_OPTIONS_H

#include <stddef.h>

struct image_spec {
	const char *kernel_path;
	const char **initrd_paths;   /* in command-line order, joined into one region */
	size_t initrd_count;
	const char *cmdline;         /* built-in command line text, or NULL */
	const char *cmdline_file;    /* or a file holding it, or NULL */
	const char *output_path;
	int verbose;
};

enum options_result {
	OPTIONS_BUILD,               /* *spec is ready */
	OPTIONS_DONE,                /* --help or --version was printed */
	OPTIONS_ERROR,               /* a usage error was reported */
};

enum options_result options_parse(int argc, char **argv, struct image_spec *spec);
void options_free(struct image_spec *spec);

#endif
