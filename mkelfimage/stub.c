/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "report.h"
#include "stub.h"

/* magic, flags, checksum: the header without the a.out kludge fields */
#define MULTIBOOT_HEADER_FIELDS_SIZE 12

static uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static void put_le32(uint8_t *p, uint32_t value)
{
	p[0] = (uint8_t)value;
	p[1] = (uint8_t)(value >> 8);
	p[2] = (uint8_t)(value >> 16);
	p[3] = (uint8_t)(value >> 24);
}

#define HEADER_FIELD(blob, field) \
	get_le32((blob) + offsetof(struct stub_header, field))

int stub_read_header(const struct stub_blob *blob, struct stub_header *header)
{
	const uint8_t *b = blob->bytes;

	if (blob->size < sizeof(*header) ||
	    memcmp(b, STUB_HEADER_MAGIC, STUB_HEADER_MAGIC_LEN) != 0)
		return report_error(EXIT_IO, "internal error: the embedded stub has no header");
	memcpy(header->magic, b, STUB_HEADER_MAGIC_LEN);
	header->version = get_le16(b + offsetof(struct stub_header, version));
	header->header_size = get_le16(b + offsetof(struct stub_header, header_size));
	header->file_size = HEADER_FIELD(b, file_size);
	header->mem_size = HEADER_FIELD(b, mem_size);
	header->entry_offset = HEADER_FIELD(b, entry_offset);
	header->params_offset = HEADER_FIELD(b, params_offset);
	header->params_size = HEADER_FIELD(b, params_size);
	header->multiboot_offset = HEADER_FIELD(b, multiboot_offset);
	header->pvh_entry_offset = HEADER_FIELD(b, pvh_entry_offset);
	if (header->version != STUB_HEADER_VERSION || header->file_size != blob->size ||
	    header->mem_size < header->file_size || header->entry_offset >= header->file_size ||
	    header->params_size < sizeof(struct stub_params) ||
	    header->params_offset > header->file_size - header->params_size ||
	    header->multiboot_offset > header->file_size - 12 ||
	    header->pvh_entry_offset >= header->file_size)
		return report_error(EXIT_IO, "internal error: the embedded stub's header is inconsistent");
	return EXIT_OK;
}

/* Add the load address to every absolute reference the linker left in the blob. */
static void relocate(uint8_t *bytes, const struct stub_blob *blob, uint32_t load_addr)
{
	size_t i;

	for (i = 0; i < blob->reloc_count; i++) {
		uint8_t *word = bytes + blob->relocs[i];

		put_le32(word, get_le32(word) + load_addr);
	}
}

#define PARAM(field) (params + offsetof(struct stub_params, field))

static void fill_params(uint8_t *params, const struct plan *plan, const struct inputs *in,
			const struct image_spec *spec)
{
	const struct bzimage_info *bz = &in->bzimage;

	put_le32(PARAM(flags), spec->verify_at_boot ? STUB_FLAG_VERIFY_AT_BOOT : 0);
	put_le32(PARAM(kernel_entry), (uint32_t)plan->kernel_load);
	put_le32(PARAM(kernel_load_addr), (uint32_t)plan->kernel_load);
	put_le32(PARAM(kernel_file_size), (uint32_t)bz->pm_size);
	put_le32(PARAM(cmdline_addr), (uint32_t)plan->cmdline_addr);
	put_le32(PARAM(cmdline_len), (uint32_t)plan->cmdline_len);
	put_le32(PARAM(cmdline_max), (uint32_t)plan->cmdline_max);
	put_le32(PARAM(cmdline_policy), spec->cmdline_policy);
	put_le32(PARAM(initrd_addr), (uint32_t)plan->initrd_addr);
	put_le32(PARAM(initrd_size), (uint32_t)plan->initrd_size);
	put_le32(PARAM(setup_header_len), bz->setup_header_len);
	memset(PARAM(setup_header), 0, sizeof(((struct stub_params *)0)->setup_header));
	memcpy(PARAM(setup_header), bz->setup_header, bz->setup_header_len);
	put_le32(PARAM(initrd_placement), spec->initrd_placement);
	digest_fill_stub_params(params, &plan->notes);
}

uint8_t *stub_prepare(const struct stub_blob *blob, const struct stub_header *header,
		      const struct plan *plan, const struct inputs *in,
		      const struct image_spec *spec)
{
	uint8_t *bytes = malloc(blob->size);
	uint8_t *params;

	if (!bytes)
		return NULL;
	memcpy(bytes, blob->bytes, blob->size);
	relocate(bytes, blob, (uint32_t)plan->stub_addr);
	params = bytes + header->params_offset;
	if (get_le32(PARAM(magic)) != STUB_PARAMS_MAGIC ||
	    get_le16(PARAM(version)) != STUB_PARAMS_VERSION) {
		free(bytes);
		return NULL;
	}
	fill_params(params, plan, in, spec);
	/* --no-multiboot: no magic left for a loader to find (3.1.1) */
	if (!(spec->headers & IMAGE_HEADER_MULTIBOOT))
		memset(bytes + header->multiboot_offset, 0, MULTIBOOT_HEADER_FIELDS_SIZE);
	return bytes;
}
