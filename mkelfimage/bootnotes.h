/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The notes the image carries for its loaders (formats/elfnote.h), chosen by
 * --[no-]pvh and --[no-]elf-notes, added to plan->notes: the Xen PVH entry
 * and the ELFBoot program name, version and checksum. The checksum is
 * summed while the image is written (elfboot_sum.h) and patched in by
 * bootnotes_finish.
 */
#ifndef MKELFIMAGE_BOOTNOTES_H
#define MKELFIMAGE_BOOTNOTES_H

#include "elfboot_sum.h"
#include "formats/stubparam.h"
#include "spec.h"
#include "plan.h"

/* Add the notes spec->headers asks for. Returns EXIT_OK or a reported status. */
int bootnotes_add(struct plan *plan, const struct image_spec *spec,
		  const struct stub_header *stub);

/* 1 when plan carries the ELFBoot checksum note (the writer sums its PT_LOADs) */
int bootnotes_has_checksum(const struct plan *plan);

/*
 * After every byte of the image is written to fd, each PT_LOAD summed into
 * `pieces`: compute the ELFBoot checksum (if that note is present) and
 * write it into the note.
 */
int bootnotes_finish(int fd, const char *out_path, const struct plan *plan,
		     const struct elfboot_sum *pieces);

#endif
