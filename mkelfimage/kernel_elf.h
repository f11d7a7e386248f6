/* SPDX-License-Identifier: GPL-2.0-or-later */
/* An ELF kernel file (x86 or Alpha vmlinux) mapped, parsed and checked. */
#ifndef MKELFIMAGE_KERNEL_ELF_H
#define MKELFIMAGE_KERNEL_ELF_H

#include <stddef.h>
#include <stdint.h>

#include "formats/elfimage.h"
#include "inputfile.h"

/* A format's own rules over the parsed file (bytes, their length, the ELF reader's view) */
typedef enum fmt_status (*kernel_elf_check_fn)(const uint8_t *map, size_t size,
					      const struct elfimage_info *elf, void *info,
					      struct fmt_error *err);

/*
 * Map `kernel` read-only (only the pages of the headers and notes are
 * read), parse it with elfimage_parse, apply `rules`, then `check` with
 * `info`; unmap. Returns EXIT_OK with the parse's verdict in *status and
 * *err (the caller words it), or an exit status already reported when the
 * file cannot be mapped.
 */
int kernel_elf_read(const struct input_file *kernel, const struct elfimage_rules *rules,
		   kernel_elf_check_fn check, void *info, enum fmt_status *status,
		   struct fmt_error *err);

#endif
