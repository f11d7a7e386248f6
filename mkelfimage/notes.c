/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ELF note encoding (notes.h): a list of notes -> one PT_NOTE payload. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "notes.h"

static size_t notes_pad(size_t len)
{
	return (len + NOTES_ALIGN - 1) & ~(size_t)(NOTES_ALIGN - 1);
}

static void notes_put_le32(uint8_t *out, uint32_t value)
{
	out[0] = (uint8_t)value;
	out[1] = (uint8_t)(value >> 8);
	out[2] = (uint8_t)(value >> 16);
	out[3] = (uint8_t)(value >> 24);
}

int notes_add(struct note_list *list, const char *name, uint32_t type,
	      const void *desc, size_t desc_len)
{
	struct note *grown, *note;

	if (desc_len > UINT32_MAX / 2)
		return -1;
	grown = realloc(list->items, (list->count + 1) * sizeof(*grown));
	if (!grown)
		return -1;
	list->items = grown;
	note = &grown[list->count];
	memset(note, 0, sizeof(*note));
	note->name = strdup(name);
	note->desc = desc_len ? malloc(desc_len) : NULL;
	if (!note->name || (desc_len && !note->desc)) {
		free(note->name);
		free(note->desc);
		return -1;
	}
	if (desc_len)
		memcpy(note->desc, desc, desc_len);
	note->type = type;
	note->desc_len = (uint32_t)desc_len;
	list->count++;
	return 0;
}

size_t notes_size_range(const struct note_list *list, size_t first, size_t count)
{
	size_t total = 0, i;

	for (i = first; i < first + count && i < list->count; i++)
		total += NOTES_HEADER_SIZE + notes_pad(strlen(list->items[i].name) + 1) +
			notes_pad(list->items[i].desc_len);
	return total;
}

size_t notes_size(const struct note_list *list)
{
	return notes_size_range(list, 0, list->count);
}

void notes_encode(struct note_list *list, uint8_t *out)
{
	notes_encode_range(list, 0, list->count, out);
}

void notes_encode_range(struct note_list *list, size_t first, size_t count, uint8_t *out)
{
	size_t offset = 0, i;

	memset(out, 0, notes_size_range(list, first, count));
	for (i = first; i < first + count && i < list->count; i++) {
		struct note *note = &list->items[i];
		size_t namesz = strlen(note->name) + 1;

		notes_put_le32(out + offset, (uint32_t)namesz);
		notes_put_le32(out + offset + 4, note->desc_len);
		notes_put_le32(out + offset + 8, note->type);
		offset += NOTES_HEADER_SIZE;
		memcpy(out + offset, note->name, namesz);
		offset += notes_pad(namesz);
		note->desc_offset = (uint32_t)offset;
		if (note->desc_len)
			memcpy(out + offset, note->desc, note->desc_len);
		offset += notes_pad(note->desc_len);
	}
}

struct note *notes_find(const struct note_list *list, const char *name, uint32_t type)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		if (list->items[i].type == type && strcmp(list->items[i].name, name) == 0)
			return &list->items[i];
	return NULL;
}

void notes_free(struct note_list *list)
{
	size_t i;

	for (i = 0; i < list->count; i++) {
		free(list->items[i].name);
		free(list->items[i].desc);
	}
	free(list->items);
	list->items = NULL;
	list->count = 0;
}
