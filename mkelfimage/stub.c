/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "formats/le.h"
#include "common/report.h"
#include "stub.h"

#define HEADER_FIELD(blob, field) \
	le32_get((blob) + offsetof(struct stub_header, field))

/* header_length of the blob's multiboot2 header, 0 if it does not fit; 1 when none */
static uint32_t stub_multiboot2_length(const uint8_t *b, const struct stub_header *header)
{
	uint32_t length;

	if (header->multiboot2_offset == 0)
		return 1;
	if (header->multiboot2_offset > header->file_size - STUB_MULTIBOOT2_FIELDS_SIZE)
		return 0;
	length = le32_get(b + header->multiboot2_offset + 8);
	return length >= STUB_MULTIBOOT2_FIELDS_SIZE &&
	       length <= header->file_size - header->multiboot2_offset ? length : 0;
}

uint32_t stub_multiboot2_size(const uint8_t *bytes, const struct stub_header *header)
{
	return header->multiboot2_offset ? le32_get(bytes + header->multiboot2_offset + 8) : 0;
}

int stub_read_header(const struct stub_blob *blob, size_t params_min, struct stub_header *header)
{
	long at = stub_header_at(blob->bytes, blob->size);
	const uint8_t *b = blob->bytes + (at > 0 ? at : 0);

	if (at < 0)
		return report_error(EXIT_IO, "internal error: the embedded stub has no header");
	memcpy(header->magic, b, STUB_HEADER_MAGIC_LEN);
	header->version = le16_get(b + offsetof(struct stub_header, version));
	header->header_size = le16_get(b + offsetof(struct stub_header, header_size));
	header->file_size = HEADER_FIELD(b, file_size);
	header->mem_size = HEADER_FIELD(b, mem_size);
	header->entry_offset = HEADER_FIELD(b, entry_offset);
	header->params_offset = HEADER_FIELD(b, params_offset);
	header->params_size = HEADER_FIELD(b, params_size);
	header->multiboot_offset = HEADER_FIELD(b, multiboot_offset);
	header->pvh_entry_offset = HEADER_FIELD(b, pvh_entry_offset);
	/* header 1 (the Alpha stub) has 0 there: no multiboot2 header */
	header->multiboot2_offset = HEADER_FIELD(b, multiboot2_offset);
	header->reserved = 0;
	if (header->version < 1 || header->version > STUB_HEADER_VERSION || header->file_size != blob->size ||
	    header->mem_size < header->file_size || header->entry_offset >= header->file_size ||
	    header->params_size < params_min ||
	    header->params_offset > header->file_size - header->params_size ||
	    header->multiboot_offset > header->file_size - STUB_MULTIBOOT_FIELDS_SIZE ||
	    header->pvh_entry_offset >= header->file_size ||
	    stub_multiboot2_length(b, header) == 0)
		return report_error(EXIT_IO, "internal error: the embedded stub's header is inconsistent");
	return EXIT_OK;
}

/* Add the load address to every absolute reference the linker left in the blob. */
static void relocate(uint8_t *bytes, const struct stub_blob *blob, uint32_t load_addr)
{
	size_t i;

	for (i = 0; i < blob->reloc_count; i++) {
		uint8_t *word = bytes + blob->relocs[i];

		le32_put(word, le32_get(word) + load_addr);
	}
}

uint8_t *stub_relocated(const struct stub_blob *blob, uint32_t load_addr)
{
	uint8_t *bytes = malloc(blob->size);

	if (!bytes)
		return NULL;
	memcpy(bytes, blob->bytes, blob->size);
	relocate(bytes, blob, load_addr);
	return bytes;
}
