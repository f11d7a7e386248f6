/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The Linux RISC-V Image header (riscv64_image.h), boot-image-header.rst. */
#include "config.h"

#include <string.h>

#include "le.h"
#include "pe_extent.h"
#include "riscv64_image.h"

#define FIELD(name) offsetof(struct riscv64_image_header, name)

enum fmt_status riscv64_image_parse(const uint8_t *buf, size_t len, uint64_t file_size,
				    struct riscv64_image_info *out, struct fmt_error *err)
{
	struct riscv64_image_header *hdr = &out->hdr;
	uint64_t have = len < file_size ? len : file_size;

	memset(out, 0, sizeof(*out));
	if (have < sizeof(*hdr)) {
		if (have >= FIELD(magic) + 8 && le64_get(buf + FIELD(magic)) == RISCV64_IMAGE_MAGIC)
			return fmt_fail(err, FMT_TRUNCATED, "Image header", 0,
					"%llu bytes, shorter than the 64-byte header", (unsigned long long)have);
		return fmt_fail(err, FMT_NOT_THIS_FORMAT, NULL, 0,
				"%llu bytes, shorter than a RISC-V Image header (64)", (unsigned long long)have);
	}
	hdr->magic = le64_get(buf + FIELD(magic));
	hdr->magic2 = le32_get(buf + FIELD(magic2));
	if (hdr->magic != RISCV64_IMAGE_MAGIC && hdr->magic2 != RISCV64_IMAGE_MAGIC2)
		return fmt_fail(err, FMT_NOT_THIS_FORMAT, "Image header magic", FIELD(magic),
				"neither \"RISCV\\0\\0\\0\" at 0x30 nor \"RSC\\x05\" at 0x38");
	hdr->code0 = le32_get(buf + FIELD(code0));
	hdr->code1 = le32_get(buf + FIELD(code1));
	hdr->text_offset = le64_get(buf + FIELD(text_offset));
	hdr->image_size = le64_get(buf + FIELD(image_size));
	hdr->flags = le64_get(buf + FIELD(flags));
	hdr->version = le32_get(buf + FIELD(version));
	hdr->res1 = le32_get(buf + FIELD(res1));
	hdr->res2 = le64_get(buf + FIELD(res2));
	hdr->res3 = le32_get(buf + FIELD(res3));
	out->file_size = file_size;
	out->mem_size = hdr->image_size > file_size ? hdr->image_size : file_size;
	/* an EFI Image ("MZ") names its PE header in res3: it says how long the file is */
	if ((hdr->code0 & 0xffff) != PE_MZ)
		return FMT_OK;
	return pe_raw_end(buf, len, hdr->res3, &out->pe_raw_end, err);
}

enum fmt_status riscv64_image_validate(const struct riscv64_image_info *info, struct fmt_error *err)
{
	const struct riscv64_image_header *hdr = &info->hdr;

	if (hdr->flags & RISCV64_IMAGE_FLAG_BE)
		return fmt_fail(err, FMT_UNSUPPORTED, "Image header flags", FIELD(flags),
				"bit 0 set: a big-endian kernel; the stub enters little-endian kernels only");
	if (hdr->text_offset % RISCV64_IMAGE_ALIGN)
		return fmt_fail(err, FMT_BAD_FIELD, "Image header text_offset", FIELD(text_offset),
				"0x%llx is not a multiple of 2 MiB (an RV64 kernel starts on a 2 MiB boundary)",
				(unsigned long long)hdr->text_offset);
	if (hdr->text_offset > (1ull << 30))
		return fmt_fail(err, FMT_BAD_FIELD, "Image header text_offset", FIELD(text_offset),
				"0x%llx is above 1 GiB", (unsigned long long)hdr->text_offset);
	if (info->pe_raw_end > info->file_size)
		return fmt_fail(err, FMT_TRUNCATED, NULL, 0,
				"%llu bytes, but its PE sections end at %llu: the Image is cut short",
				(unsigned long long)info->file_size, (unsigned long long)info->pe_raw_end);
	if (hdr->image_size && hdr->image_size < info->file_size)
		return fmt_fail(err, FMT_BAD_FIELD, "Image header image_size", FIELD(image_size),
				"0x%llx is smaller than the file's %llu bytes",
				(unsigned long long)hdr->image_size, (unsigned long long)info->file_size);
	if (hdr->image_size > (1ull << 40))
		return fmt_fail(err, FMT_BAD_FIELD, "Image header image_size", FIELD(image_size),
				"0x%llx is above 1 TiB", (unsigned long long)hdr->image_size);
	return FMT_OK;
}
