/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "formats/le.h"
#include "common/report.h"
#include "stub.h"

/* magic, flags, checksum: the header without the a.out kludge fields */
#define MULTIBOOT_HEADER_FIELDS_SIZE 12

#define HEADER_FIELD(blob, field) \
	le32_get((blob) + offsetof(struct stub_header, field))

int stub_read_header(const struct stub_blob *blob, size_t params_min, struct stub_header *header)
{
	const uint8_t *b = blob->bytes;

	if (blob->size < sizeof(*header) ||
	    memcmp(b, STUB_HEADER_MAGIC, STUB_HEADER_MAGIC_LEN) != 0)
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
	if (header->version != STUB_HEADER_VERSION || header->file_size != blob->size ||
	    header->mem_size < header->file_size || header->entry_offset >= header->file_size ||
	    header->params_size < params_min ||
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

		le32_put(word, le32_get(word) + load_addr);
	}
}

#define PARAM(field) (params + offsetof(struct stub_params, field))

_Static_assert(X86_VMLINUX_MAX_LOADS <= STUB_KERNEL_RANGES_MAX, "every vmlinux PT_LOAD has a range");

/* stub_params.kernel_ranges: a vmlinux's PT_LOADs in address order (none for a bzImage) */
static void fill_kernel_ranges(uint8_t *params, const struct inputs *in)
{
	uint8_t *range = PARAM(kernel_ranges);
	unsigned i, count = in->kernel_kind == KERNEL_VMLINUX ? in->vmlinux.load_count : 0;

	memset(range, 0, sizeof(((struct stub_params *)0)->kernel_ranges));
	le32_put(PARAM(kernel_range_count), count);
	for (i = 0; i < count && i < STUB_KERNEL_RANGES_MAX; i++) {
		le32_put(range + i * sizeof(struct stub_range) + offsetof(struct stub_range, addr),
			 (uint32_t)in->vmlinux.loads[i].paddr);
		le32_put(range + i * sizeof(struct stub_range) + offsetof(struct stub_range, size),
			 (uint32_t)in->vmlinux.loads[i].filesz);
	}
}

static void fill_params(uint8_t *params, const struct plan *plan, const struct inputs *in,
			const struct image_spec *spec)
{
	const struct bzimage_info *bz = &in->bzimage;

	int pvh = in->kernel_kind == KERNEL_VMLINUX;

	le32_put(PARAM(flags), spec->verify_at_boot ? STUB_FLAG_VERIFY_AT_BOOT : 0);
	le32_put(PARAM(kernel_entry), pvh ? in->vmlinux.pvh_entry : (uint32_t)plan->kernel_load);
	le32_put(PARAM(kernel_load_addr), (uint32_t)plan->kernel_load);
	/* a vmlinux: the PT_LOADs' file bytes, listed as ranges for --verify-at-boot */
	le32_put(PARAM(kernel_file_size), (uint32_t)(pvh ? in->vmlinux.file_bytes : bz->pm_size));
	le32_put(PARAM(kernel_protocol), pvh ? STUB_KERNEL_PVH : STUB_KERNEL_LINUX32);
	fill_kernel_ranges(params, in);
	le32_put(PARAM(cmdline_addr), (uint32_t)plan->cmdline_addr);
	le32_put(PARAM(cmdline_len), (uint32_t)plan->cmdline_len);
	le32_put(PARAM(cmdline_max), (uint32_t)plan->cmdline_max);
	le32_put(PARAM(cmdline_policy), spec->cmdline_policy);
	le32_put(PARAM(initrd_addr), (uint32_t)plan->initrd_addr);
	le32_put(PARAM(initrd_size), (uint32_t)plan->initrd_size);
	le32_put(PARAM(setup_header_len), bz->setup_header_len);
	memset(PARAM(setup_header), 0, sizeof(((struct stub_params *)0)->setup_header));
	memcpy(PARAM(setup_header), bz->setup_header, bz->setup_header_len);
	le32_put(PARAM(initrd_placement), spec->initrd_placement);
	/* the digests for --verify-at-boot: write_image fills them in once it knows them */
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
	if (le32_get(PARAM(magic)) != STUB_PARAMS_MAGIC ||
	    le16_get(PARAM(version)) != STUB_PARAMS_VERSION) {
		free(bytes);
		return NULL;
	}
	fill_params(params, plan, in, spec);
	/* --no-multiboot: no magic left for a loader to find (3.1.1) */
	if (!(spec->headers & IMAGE_HEADER_MULTIBOOT))
		memset(bytes + header->multiboot_offset, 0, MULTIBOOT_HEADER_FIELDS_SIZE);
	return bytes;
}
