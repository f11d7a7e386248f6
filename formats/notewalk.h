/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Reading the notes of one PT_NOTE segment, one at a time with a cursor.
 *
 * Encoding: System V ABI, "Note Section" (and formats/elfnote.h struct
 * elf_nhdr): n_namesz, n_descsz, n_type (4 bytes each, little endian here),
 * the name padded to 4 bytes, the desc padded to 4 bytes. Linux and Xen use
 * 4-byte padding in ELF64 files too, as the images here do.
 */
#ifndef FORMATS_NOTEWALK_H
#define FORMATS_NOTEWALK_H

#include <stddef.h>
#include <stdint.h>

#include "fmt_error.h"

struct notewalk_note {
	const uint8_t *name;    /* n_namesz bytes, NUL included when n_namesz > 0 */
	uint32_t namesz;
	uint32_t type;
	const uint8_t *desc;    /* points into the buffer given */
	uint32_t descsz;
	size_t offset;          /* of the note's header in the buffer */
};

/*
 * The note at *cursor in buf[0, len): returns FMT_OK and advances *cursor,
 * FMT_NOT_THIS_FORMAT at the end (no note left), or FMT_TRUNCATED /
 * FMT_BAD_FIELD with *err filled when a size runs past the buffer or a name
 * lacks its NUL.
 */
enum fmt_status notewalk_next(const uint8_t *buf, size_t len, size_t *cursor,
			      struct notewalk_note *note, struct fmt_error *err);

/* Is the note's name `name` (compared with its NUL)? */
int notewalk_is(const struct notewalk_note *note, const char *name, uint32_t type);

#endif
