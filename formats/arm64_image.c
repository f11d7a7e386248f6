/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The Linux arm64 Image header (arm64_image.h), booting.rst section 4. */
#include "config.h"

#include <string.h>

#include "arm64_image.h"
#include "le.h"
#include "pe_extent.h"

enum fmt_status arm64_image_parse(const uint8_t *buf, size_t len, uint64_t file_size,
				  struct arm64_image_info *out, struct fmt_error *err)
{
	struct arm64_image_header *hdr = &out->hdr;

	memset(out, 0, sizeof(*out));
	if (len < sizeof(*hdr) || file_size < sizeof(*hdr)) {
		if (len >= offsetof(struct arm64_image_header, magic) + 4 &&
		    le32_get(buf + offsetof(struct arm64_image_header, magic)) == ARM64_IMAGE_MAGIC)
			return fmt_fail(err, FMT_TRUNCATED, "Image header", 0,
					"%llu bytes, shorter than the 64-byte header",
					(unsigned long long)(len < file_size ? len : file_size));
		return fmt_fail(err, FMT_NOT_THIS_FORMAT, NULL, 0,
				"%llu bytes, shorter than an arm64 Image header (64)",
				(unsigned long long)(len < file_size ? len : file_size));
	}
	hdr->magic = le32_get(buf + offsetof(struct arm64_image_header, magic));
	if (hdr->magic != ARM64_IMAGE_MAGIC)
		return fmt_fail(err, FMT_NOT_THIS_FORMAT, "Image header magic",
				offsetof(struct arm64_image_header, magic),
				"0x%08x, not \"ARM\\x64\"", hdr->magic);
	hdr->code0 = le32_get(buf + offsetof(struct arm64_image_header, code0));
	hdr->code1 = le32_get(buf + offsetof(struct arm64_image_header, code1));
	hdr->text_offset = le64_get(buf + offsetof(struct arm64_image_header, text_offset));
	hdr->image_size = le64_get(buf + offsetof(struct arm64_image_header, image_size));
	hdr->flags = le64_get(buf + offsetof(struct arm64_image_header, flags));
	hdr->res2 = le64_get(buf + offsetof(struct arm64_image_header, res2));
	hdr->res3 = le64_get(buf + offsetof(struct arm64_image_header, res3));
	hdr->res4 = le64_get(buf + offsetof(struct arm64_image_header, res4));
	hdr->res5 = le32_get(buf + offsetof(struct arm64_image_header, res5));
	out->file_size = file_size;
	out->big_endian = (hdr->flags & ARM64_IMAGE_FLAG_BE) != 0;
	out->page_size_code = (unsigned)((hdr->flags >> ARM64_IMAGE_FLAG_PAGE_SHIFT) & ARM64_IMAGE_FLAG_PAGE_MASK);
	out->anywhere = (hdr->flags & ARM64_IMAGE_FLAG_ANYWHERE) != 0;
	/* booting.rst: "If image_size is zero, a text_offset of 0x80000 is assumed" */
	if (hdr->image_size == 0)
		hdr->text_offset = ARM64_IMAGE_OLD_TEXT_OFFSET;
	out->mem_size = hdr->image_size ? hdr->image_size : file_size;
	/* an EFI Image ("MZ") names its PE header in res5: it says how long the file is */
	if ((hdr->code0 & 0xffff) != PE_MZ)
		return FMT_OK;
	return pe_raw_end(buf, len, hdr->res5, &out->pe_raw_end, err);
}

enum fmt_status arm64_image_validate(const struct arm64_image_info *info, struct fmt_error *err)
{
	const struct arm64_image_header *hdr = &info->hdr;

	if (info->big_endian)
		return fmt_fail(err, FMT_UNSUPPORTED, "Image header flags", 0x18,
				"bit 0 set: a big-endian kernel; the stub enters little-endian kernels only");
	if (info->page_size_code == ARM64_IMAGE_PAGE_16K || info->page_size_code == ARM64_IMAGE_PAGE_64K)
		return fmt_fail(err, FMT_UNSUPPORTED, "Image header flags", 0x18,
				"bits 1-2 say %s pages; this image is planned for 4K-page kernels",
				arm64_image_page_name(info->page_size_code));
	if (hdr->flags >> 4)
		return fmt_fail(err, FMT_BAD_FIELD, "Image header flags", 0x18,
				"0x%llx: bits 4-63 are reserved and must be 0 (booting.rst)",
				(unsigned long long)hdr->flags);
	if (hdr->text_offset >= ARM64_IMAGE_BASE_ALIGN || hdr->text_offset % 0x1000)
		return fmt_fail(err, FMT_BAD_FIELD, "Image header text_offset", 0x08,
				"0x%llx is not a 4 KiB multiple below 2 MiB",
				(unsigned long long)hdr->text_offset);
	if (info->pe_raw_end > info->file_size)
		return fmt_fail(err, FMT_TRUNCATED, NULL, 0,
				"%llu bytes, but its PE sections end at %llu: the Image is cut short",
				(unsigned long long)info->file_size, (unsigned long long)info->pe_raw_end);
	if (hdr->image_size && hdr->image_size < info->file_size)
		return fmt_fail(err, FMT_BAD_FIELD, "Image header image_size", 0x10,
				"0x%llx is smaller than the file's %llu bytes",
				(unsigned long long)hdr->image_size, (unsigned long long)info->file_size);
	if (hdr->image_size > (1ull << 40))
		return fmt_fail(err, FMT_BAD_FIELD, "Image header image_size", 0x10,
				"0x%llx is above 1 TiB", (unsigned long long)hdr->image_size);
	return FMT_OK;
}

const char *arm64_image_page_name(unsigned page_size_code)
{
	static const char *const names[] = { "unspecified", "4K", "16K", "64K" };

	return page_size_code < 4 ? names[page_size_code] : "unknown";
}
