/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Linux RISC-V kernel Image: a flat binary that starts with a 64-byte
 * header and is entered at its first byte.
 *
 * Specification: Linux Documentation/riscv/boot-image-header.rst (6.1):
 *
 *   0x00  code0        executable code (an EFI kernel: "MZ" + a jump)
 *   0x04  code1        executable code
 *   0x08  text_offset  image load offset from the start of RAM, LE
 *   0x10  image_size   effective image size, LE
 *   0x18  flags        kernel flags, LE: bit 0 endianness (0 = little)
 *   0x20  version      header version: major in bits 16-31, minor in 0-15
 *   0x24  res1         reserved
 *   0x28  res2         reserved
 *   0x30  magic        "RISCV\0\0\0" (deprecated since version 0.2)
 *   0x38  magic2       "RSC\x05" (version 0.2)
 *   0x3c  res3         reserved (EFI: offset of the PE header)
 */
#ifndef FORMATS_RISCV64_IMAGE_H
#define FORMATS_RISCV64_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "fmt_error.h"

struct riscv64_image_header {
	uint32_t code0;          /* 0x00 */
	uint32_t code1;          /* 0x04 */
	uint64_t text_offset;    /* 0x08 */
	uint64_t image_size;     /* 0x10 */
	uint64_t flags;          /* 0x18 */
	uint32_t version;        /* 0x20 */
	uint32_t res1;           /* 0x24 */
	uint64_t res2;           /* 0x28 */
	uint64_t magic;          /* 0x30  RISCV64_IMAGE_MAGIC */
	uint32_t magic2;         /* 0x38  RISCV64_IMAGE_MAGIC2 */
	uint32_t res3;           /* 0x3c  EFI: PE header offset */
};

_Static_assert(__builtin_offsetof(struct riscv64_image_header, text_offset) == 0x08, "text_offset");
_Static_assert(__builtin_offsetof(struct riscv64_image_header, version) == 0x20, "version");
_Static_assert(__builtin_offsetof(struct riscv64_image_header, magic) == 0x30, "magic");
_Static_assert(__builtin_offsetof(struct riscv64_image_header, magic2) == 0x38, "magic2");
_Static_assert(sizeof(struct riscv64_image_header) == 64, "riscv64_image_header layout");

#define RISCV64_IMAGE_MAGIC      0x0000005643534952ull   /* "RISCV\0\0\0" little endian */
#define RISCV64_IMAGE_MAGIC2     0x05435352u             /* "RSC\x05" little endian */
#define RISCV64_IMAGE_FLAG_BE    0x1ull                  /* flags bit 0: big endian */
/* RV64 kernels map themselves with 2 MiB pages: the Image starts on a 2 MiB boundary */
#define RISCV64_IMAGE_ALIGN      0x200000ull

struct riscv64_image_info {
	struct riscv64_image_header hdr;   /* converted from little endian */
	uint64_t file_size;
	uint64_t mem_size;                 /* image_size, at least the file */
	uint64_t pe_raw_end;               /* EFI Image: end of its PE sections' file bytes; 0: unknown */
};

/*
 * Parse the first `len` bytes of a `file_size`-byte Image.
 * FMT_NOT_THIS_FORMAT when neither magic is there.
 */
enum fmt_status riscv64_image_parse(const uint8_t *buf, size_t len, uint64_t file_size,
				    struct riscv64_image_info *out, struct fmt_error *err);

/*
 * The rules for an Image the riscv64 stub can enter: little endian,
 * text_offset a multiple of 2 MiB, image_size covering the file, the file
 * as long as its PE sections say.
 */
enum fmt_status riscv64_image_validate(const struct riscv64_image_info *info, struct fmt_error *err);

#endif
