/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm64_image_parse / arm64_image_validate on small inline headers, one
 * vector per rule of formats/arm64_image.c (booting.rst). TAP output.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "formats/arm64_image.h"
#include "formats/pe_extent.h"
#include "tests/tap.h"

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

static void put64(uint8_t *p, uint64_t v)
{
	put32(p, (uint32_t)v);
	put32(p + 4, (uint32_t)(v >> 32));
}

#define HEAD 1024
#define FILE_SIZE 0x10000

/* A 6.1-style EFI Image: text_offset 0, 4K pages, anywhere; one PE section to FILE_SIZE */
static void make_image(uint8_t *buf)
{
	memset(buf, 0, HEAD);
	put32(buf, 0xfa405a4d);                 /* "MZ" + ccmp, as the EFI stub's head */
	put64(buf + 0x08, 0);
	put64(buf + 0x10, 0x20000);
	put64(buf + 0x18, 0xa);                 /* 4K pages, anywhere */
	put32(buf + 0x38, ARM64_IMAGE_MAGIC);
	put32(buf + 0x3c, 0x40);
	put32(buf + 0x40, PE_SIGNATURE);
	buf[0x46] = 1;                          /* NumberOfSections */
	buf[0x54] = 0xa0;                       /* SizeOfOptionalHeader */
	/* section table at 0x40 + 24 + 0xa0 = 0xf8 */
	put32(buf + 0xf8 + 16, FILE_SIZE - 0x1000);  /* SizeOfRawData */
	put32(buf + 0xf8 + 20, 0x1000);              /* PointerToRawData */
}

static enum fmt_status parse(const uint8_t *buf, size_t len, uint64_t size, struct arm64_image_info *info,
			     struct fmt_error *err)
{
	enum fmt_status status = arm64_image_parse(buf, len, size, info, err);

	return status != FMT_OK ? status : arm64_image_validate(info, err);
}

int main(void)
{
	uint8_t buf[HEAD];
	struct arm64_image_info info;
	struct fmt_error err;

	make_image(buf);
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_OK, "a 6.1 EFI Image parses");
	tap_ok(info.hdr.text_offset == 0 && info.mem_size == 0x20000 && info.anywhere &&
	       info.page_size_code == ARM64_IMAGE_PAGE_4K && !info.big_endian, "text_offset, image_size and flags read");
	tap_ok(info.pe_raw_end == FILE_SIZE, "the PE sections give the file's length");

	tap_ok(parse(buf, sizeof(buf), FILE_SIZE - 1, &info, &err) == FMT_TRUNCATED,
	       "an EFI Image shorter than its PE sections is truncated");
	tap_ok(parse(buf, 0x30, FILE_SIZE, &info, &err) == FMT_NOT_THIS_FORMAT, "fewer than 64 bytes, no magic: not this format");
	tap_ok(parse(buf, 0x3c, FILE_SIZE, &info, &err) == FMT_TRUNCATED, "magic but no full header: truncated");

	make_image(buf);
	buf[0x38] = 'X';
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_NOT_THIS_FORMAT && err.offset == 0x38,
	       "no ARM\\x64 magic at 0x38: not this format");

	make_image(buf);
	buf[0x40] = 'X';
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_BAD_MAGIC, "res5 pointing at no PE header is refused");

	make_image(buf);
	put32(buf + 0x3c, 0);
	buf[0] = 0x14;                          /* a plain branch: no EFI header */
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE - 1, &info, &err) == FMT_OK && info.pe_raw_end == 0,
	       "a non-EFI Image has no PE length check");

	make_image(buf);
	put64(buf + 0x18, 0xb);
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_UNSUPPORTED && err.offset == 0x18,
	       "flags bit 0: a big-endian Image is refused");
	put64(buf + 0x18, 0xc);
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_UNSUPPORTED && strstr(err.why, "16K"),
	       "flags bits 1-2 = 2: 16K pages refused");
	put64(buf + 0x18, 0xe);
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_UNSUPPORTED && strstr(err.why, "64K"),
	       "flags bits 1-2 = 3: 64K pages refused");
	put64(buf + 0x18, 0x8);
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_OK && info.page_size_code == 0,
	       "page size unspecified is accepted");
	put64(buf + 0x18, 0x18);
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_BAD_FIELD, "reserved flag bits refused");

	make_image(buf);
	put64(buf + 0x08, 0x80000);
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_OK && info.hdr.text_offset == 0x80000,
	       "text_offset 0x80000 (before 5.8) accepted");
	put64(buf + 0x08, 0x200000);
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_BAD_FIELD && err.offset == 0x08,
	       "text_offset of 2 MiB refused");

	make_image(buf);
	put64(buf + 0x10, 0);
	put64(buf + 0x18, 0);
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_OK &&
	       info.hdr.text_offset == ARM64_IMAGE_OLD_TEXT_OFFSET && info.mem_size == FILE_SIZE,
	       "image_size 0 (before 3.17): text_offset 0x80000 assumed");

	make_image(buf);
	put64(buf + 0x10, FILE_SIZE - 0x1000);
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_BAD_FIELD && err.offset == 0x10,
	       "image_size below the file size refused");

	make_image(buf);
	buf[0x46] = 200;
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_BAD_FIELD, "an absurd PE section count refused");

	return tap_done();
}
