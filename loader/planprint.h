/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The segment plan on stdout: a table for people, or JSON (bootelf.8, JSON OUTPUT). */
#ifndef LOADER_PLANPRINT_H
#define LOADER_PLANPRINT_H

#include <stdio.h>

#include "formats/elfimage.h"
#include "memmap.h"
#include "plan.h"
#include "rsdp.h"

struct planprint_input {
	const char *image;
	const struct elfimage_info *info;
	const struct plan *plan;
	const struct memmap *map;
	const struct kexec_arch *arch;
	const struct rsdp *rsdp;
	const char *cmdline;
};

void planprint_text(FILE *out, const struct planprint_input *in);
/* Returns 0, or -1 if writing failed. */
int planprint_json(FILE *out, const struct planprint_input *in);

#endif
