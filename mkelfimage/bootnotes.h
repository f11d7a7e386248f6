/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The notes the image carries for its loaders (formats/elfnote.h), chosen by
 * --[no-]pvh and --[no-]elf-notes, added to plan->notes: the Xen PVH entry
 * and the ELFBoot program name, version and checksum. The checksum is
 * computed over the written file and patched in by bootnotes_finish.
 */
#ifndef MKELFIMAGE_BOOTNOTES_H
#define MKELFIMAGE_BOOTNOTES_H

#include "formats/stubparam.h"
#include "inputs.h"
#include "options.h"
#include "plan.h"

/* Add the notes spec->headers asks for. Returns EXIT_OK or a reported status. */
int bootnotes_add(struct plan *plan, const struct image_spec *spec,
		  const struct stub_header *stub, const struct inputs *in);

/*
 * After every byte of the image is written to fd: compute the ELFBoot
 * checksum (if that note is present) and write it into the note.
 */
int bootnotes_finish(int fd, const char *out_path, const struct plan *plan);

#endif
