/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ELF notes for the image's one PT_NOTE segment. Each part adds its notes
 * (the Xen PVH entry, the ELFBoot notes, payload digests) to a list; the
 * writer encodes the list once.
 *
 * Encoding: System V ABI, "Note Section". Each note is
 *   0x00 n_namesz  (bytes, NUL included)
 *   0x04 n_descsz  (bytes)
 *   0x08 n_type
 *   0x0c name, NUL-terminated, padded with zeros to NOTES_ALIGN
 *   ...  desc, padded with zeros to NOTES_ALIGN
 * in little endian (the image is ELFDATA2LSB). Words and padding are 4 bytes
 * for ELF32 and, as Linux and Xen write them, for ELF64 too; the PT_NOTE's
 * p_align is NOTES_ALIGN (QEMU pads the name to p_align, so 8 is misread).
 */
#ifndef MKELFIMAGE_NOTES_H
#define MKELFIMAGE_NOTES_H

#include <stddef.h>
#include <stdint.h>

#define NOTES_ALIGN        4
#define NOTES_HEADER_SIZE  12

struct note {
	char *name;          /* owned copy, without the NUL */
	uint32_t type;
	uint8_t *desc;       /* owned copy, may be NULL when desc_len is 0 */
	uint32_t desc_len;
	uint32_t desc_offset; /* set by notes_encode: desc offset in the block */
	uint64_t desc_file_offset; /* set by the writer: desc offset in the image file */
};

struct note_list {
	struct note *items;  /* in the order added: the order in the file */
	size_t count;
};

/* Add one note (name and desc copied). Returns 0, or -1 when out of memory. */
int notes_add(struct note_list *list, const char *name, uint32_t type,
	      const void *desc, size_t desc_len);

/* Bytes notes_encode writes: 0 for an empty list */
size_t notes_size(const struct note_list *list);

/* The same for the `count` notes from index `first` */
size_t notes_size_range(const struct note_list *list, size_t first, size_t count);

/*
 * Write the encoded notes to `out` (notes_size bytes) and record in each
 * note where its desc landed (so a desc can be patched after writing).
 */
void notes_encode(struct note_list *list, uint8_t *out);

/* The same for the `count` notes from index `first` (one PT_NOTE of several) */
void notes_encode_range(struct note_list *list, size_t first, size_t count, uint8_t *out);

/* The note with this name and type, or NULL */
struct note *notes_find(const struct note_list *list, const char *name, uint32_t type);

void notes_free(struct note_list *list);

#endif
