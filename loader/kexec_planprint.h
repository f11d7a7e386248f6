/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The segment plan on stdout: a table for people, or JSON (bootelf.8, JSON OUTPUT). */
#ifndef LOADER_KEXEC_PLANPRINT_H
#define LOADER_KEXEC_PLANPRINT_H

#include <stdio.h>

#include "formats/elfimage.h"
#include "kexec_plan.h"
#include "memmap.h"
#include "rsdp.h"

struct kexec_planprint_input {
	const char *image;
	const struct elfimage_info *info;
	const struct kexec_plan *plan;
	const struct memmap *map;
	const struct kexec_arch *arch;
	const struct rsdp *rsdp;
	const char *cmdline;
};

void kexec_planprint_text(FILE *out, const struct kexec_planprint_input *in);
/* Returns 0, or -1 if writing failed. */
int kexec_planprint_json(FILE *out, const struct kexec_planprint_input *in);

#endif
