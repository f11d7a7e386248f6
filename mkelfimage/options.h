/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The command line, parsed once into a description of the image to build (spec.h). */
#ifndef MKELFIMAGE_OPTIONS_H
#define MKELFIMAGE_OPTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "spec.h"

enum options_result {
	OPTIONS_BUILD,               /* *spec is ready */
	OPTIONS_DONE,                /* --help or --version was printed */
	OPTIONS_ERROR,               /* a usage error was reported */
};

enum options_result options_parse(int argc, char **argv, struct image_spec *spec);
void options_free(struct image_spec *spec);

#endif
