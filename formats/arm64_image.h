/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Linux arm64 kernel Image: a flat binary that starts with a 64-byte
 * header and is entered at its first byte.
 *
 * Specification: Linux Documentation/arch/arm64/booting.rst (6.1:
 * Documentation/arm64/booting.rst), "3. Decompress the kernel image" and
 * "4. Call the kernel image":
 *
 *   0x00  code0        executable code (an EFI kernel: "MZ" + a branch)
 *   0x04  code1        executable code
 *   0x08  text_offset  image load offset from a 2 MiB aligned base, LE
 *   0x10  image_size   effective image size, LE (0: before Linux 3.17)
 *   0x18  flags        kernel flags, LE (below)
 *   0x20  res2, res3, res4
 *   0x38  magic        "ARM\x64" (0x644d5241 little endian)
 *   0x3c  res5         (EFI) offset of the PE header
 *
 * Versions: before 3.17 image_size and flags are 0 and text_offset is
 * little endian only on a little-endian kernel; 3.17 added image_size and
 * flags bits 0-2; 4.6 added bit 3; 5.8 made text_offset 0.
 */
#ifndef FORMATS_ARM64_IMAGE_H
#define FORMATS_ARM64_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "fmt_error.h"

struct arm64_image_header {
	uint32_t code0;          /* 0x00  executable code */
	uint32_t code1;          /* 0x04  executable code */
	uint64_t text_offset;    /* 0x08  image load offset, little endian */
	uint64_t image_size;     /* 0x10  effective image size, little endian (3.17) */
	uint64_t flags;          /* 0x18  kernel flags, little endian (3.17) */
	uint64_t res2;           /* 0x20  reserved */
	uint64_t res3;           /* 0x28  reserved */
	uint64_t res4;           /* 0x30  reserved */
	uint32_t magic;          /* 0x38  ARM64_IMAGE_MAGIC */
	uint32_t res5;           /* 0x3c  reserved (EFI: PE header offset) */
};

_Static_assert(__builtin_offsetof(struct arm64_image_header, text_offset) == 0x08, "text_offset");
_Static_assert(__builtin_offsetof(struct arm64_image_header, image_size) == 0x10, "image_size");
_Static_assert(__builtin_offsetof(struct arm64_image_header, flags) == 0x18, "flags");
_Static_assert(__builtin_offsetof(struct arm64_image_header, magic) == 0x38, "magic");
_Static_assert(sizeof(struct arm64_image_header) == 64, "arm64_image_header layout");

/* magic */
#define ARM64_IMAGE_MAGIC            0x644d5241u   /* "ARM\x64" */

/* flags */
#define ARM64_IMAGE_FLAG_BE          0x1ull        /* bit 0: kernel is big endian */
#define ARM64_IMAGE_FLAG_PAGE_SHIFT  1             /* bits 1-2: kernel page size */
#define ARM64_IMAGE_FLAG_PAGE_MASK   0x3ull
#define ARM64_IMAGE_PAGE_UNSPECIFIED 0
#define ARM64_IMAGE_PAGE_4K          1
#define ARM64_IMAGE_PAGE_16K         2
#define ARM64_IMAGE_PAGE_64K         3
#define ARM64_IMAGE_FLAG_ANYWHERE    0x8ull        /* bit 3: 2 MiB aligned base anywhere in RAM (4.6) */

/* "The Image must be placed text_offset bytes from a 2MB aligned base address" */
#define ARM64_IMAGE_BASE_ALIGN       0x200000ull
/* image_size 0: "a text_offset of 0x80000 is assumed" (before 3.17) */
#define ARM64_IMAGE_OLD_TEXT_OFFSET  0x80000ull

/* What the header says, in plain values */
struct arm64_image_info {
	struct arm64_image_header hdr;   /* converted from little endian */
	unsigned page_size_code;         /* ARM64_IMAGE_PAGE_* */
	int big_endian;
	int anywhere;                    /* flags bit 3 */
	uint64_t file_size;              /* the Image file's size */
	uint64_t mem_size;               /* image_size, or the file size before 3.17 */
	uint64_t pe_raw_end;             /* EFI Image: end of its last PE section's file
					    bytes (the file is at least this long); 0: no PE header read */
};

/*
 * Parse the first `len` bytes of a `file_size`-byte Image. FMT_NOT_THIS_FORMAT
 * when the magic is absent.
 */
enum fmt_status arm64_image_parse(const uint8_t *buf, size_t len, uint64_t file_size,
				  struct arm64_image_info *out, struct fmt_error *err);

/*
 * booting.rst's rules for an Image a little-endian, 4 KiB-page loader can
 * enter: little endian, 4 KiB pages (or unspecified), text_offset below
 * 2 MiB, image_size covering the file.
 */
enum fmt_status arm64_image_validate(const struct arm64_image_info *info, struct fmt_error *err);

/* "4K", "16K", "64K" or "unspecified" */
const char *arm64_image_page_name(unsigned page_size_code);

#endif
