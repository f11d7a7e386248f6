/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ELF writer: bytes to the offsets the plan chose (plan_layout). The
 * ELF header and program headers go through libelf (with ELF_F_LAYOUT, so
 * the plan chooses every offset); each segment's parts are streamed into
 * place, every byte fed to the sinks the build hung on the part and the
 * segment (copy.h). Same plan, same bytes.
 */
#ifndef MKELFIMAGE_ELFWRITE_H
#define MKELFIMAGE_ELFWRITE_H

#include <stdint.h>

#include "plan.h"

/* The ELF header (e_machine `machine`) and every program header of `plan`. */
int elfwrite_headers(int fd, const char *out_path, const struct plan *plan, unsigned machine);

/* Segment `seg`: each part, then its padding. Returns EXIT_OK or a reported status. */
int elfwrite_segment(int fd, const char *out_path, const struct plan_segment *seg);

/* The notes, in their PT_NOTEs; each note learns its desc's file offset. */
int elfwrite_notes(int fd, const char *out_path, struct plan *plan);

#endif
