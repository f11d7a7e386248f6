/* SPDX-License-Identifier: GPL-2.0-or-later */
/* PT_NOTE contents: a cursor walk, each size checked before it is used. */
#include "config.h"

#include <string.h>

#include "le.h"
#include "elfnote.h"
#include "notewalk.h"

#define NOTEWALK_ALIGN 4u

/* Padded length, or 0 when padding would wrap (the caller then sees "too long"). */
static size_t padded(uint32_t size)
{
	size_t value = (size_t)size + (NOTEWALK_ALIGN - 1);

	return value < size ? 0 : value & ~(size_t)(NOTEWALK_ALIGN - 1);
}

enum fmt_status notewalk_next(const uint8_t *buf, size_t len, size_t *cursor,
			      struct notewalk_note *note, struct fmt_error *err)
{
	size_t at = *cursor, remaining, name_span, desc_span;

	if (at >= len)
		return FMT_NOT_THIS_FORMAT;
	remaining = len - at;
	if (remaining < sizeof(struct elf_nhdr))
		return fmt_fail(err, FMT_TRUNCATED, "note", at,
				"%zu bytes left, less than a 12-byte note header", remaining);
	memset(note, 0, sizeof(*note));
	note->offset = at;
	note->namesz = le32_get(buf + at + offsetof(struct elf_nhdr, n_namesz));
	note->descsz = le32_get(buf + at + offsetof(struct elf_nhdr, n_descsz));
	note->type = le32_get(buf + at + offsetof(struct elf_nhdr, n_type));
	remaining -= sizeof(struct elf_nhdr);
	name_span = padded(note->namesz);
	desc_span = padded(note->descsz);
	if ((note->namesz && !name_span) || name_span > remaining)
		return fmt_fail(err, FMT_TRUNCATED, "note", at,
				"n_namesz %u runs past the end of the PT_NOTE", note->namesz);
	remaining -= name_span;
	if ((note->descsz && !desc_span) || desc_span > remaining) {
		/* the last note may end without its padding */
		if (note->descsz > remaining)
			return fmt_fail(err, FMT_TRUNCATED, "note", at,
					"n_descsz %u runs past the end of the PT_NOTE", note->descsz);
		desc_span = remaining;
	}
	note->name = buf + at + sizeof(struct elf_nhdr);
	if (note->namesz && note->name[note->namesz - 1] != '\0')
		return fmt_fail(err, FMT_BAD_FIELD, "note", at, "the name is not NUL-terminated");
	note->desc = note->name + name_span;
	*cursor = at + sizeof(struct elf_nhdr) + name_span + desc_span;
	return FMT_OK;
}

int notewalk_is(const struct notewalk_note *note, const char *name, uint32_t type)
{
	size_t name_len = strlen(name);

	return note->type == type && note->namesz == name_len + 1 &&
	       memcmp(note->name, name, name_len) == 0;
}
