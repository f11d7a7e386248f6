/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A stub as embedded in mkelfimage: its bytes as linked at address 0 (they
 * start with struct stub_header, formats/stubparam.h) and the blob offsets of
 * the 32-bit little-endian words to which the load address must be added.
 * The definition is generated at build time from the stub's ELF file
 * (stubs/x86/stubblob.c); no blob is committed.
 */
#ifndef MKELFIMAGE_STUB_BLOB_H
#define MKELFIMAGE_STUB_BLOB_H

#include <stddef.h>
#include <stdint.h>

struct stub_blob {
	const uint8_t *bytes;
	size_t size;                /* == stub_header.file_size */
	const uint32_t *relocs;     /* ascending blob offsets */
	size_t reloc_count;
};

extern const struct stub_blob stub_x86_blob;
extern const struct stub_blob stub_alpha_blob;   /* empty (size 0) without the Alpha toolchain */
extern const struct stub_blob stub_arm64_blob;   /* empty (size 0) without the arm64 toolchain */
extern const struct stub_blob stub_riscv64_blob; /* empty (size 0) without the riscv64 toolchain */

#endif
