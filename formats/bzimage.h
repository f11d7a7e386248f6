/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Linux x86 bzImage: a real-mode setup part of (setup_sects + 1) sectors,
 * whose first sector holds the setup header at 0x1f1, followed by the
 * protected-mode kernel.
 *
 * Specification: Linux Documentation/arch/x86/boot.rst, "The real-mode kernel
 * header" and "Details of header fields". Parsed from protocol 2.00 (so an old
 * kernel gets a precise error), accepted from 2.02 (the first with
 * cmd_line_ptr); 2.14 is read as 2.13 (boot.rst: "burnt"); newer versions are
 * accepted and read as 2.15.
 *
 * The parser reads only the header bytes it is given; the rest of the file
 * is described by offsets and sizes, never loaded.
 */
#ifndef FORMATS_BZIMAGE_H
#define FORMATS_BZIMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "bootparams.h"
#include "fmt_error.h"

#define BZIMAGE_MIN_PROTOCOL       BOOT_PROTOCOL(2, 2)
/* Bytes a caller should read from the start of the file for bzimage_parse */
#define BZIMAGE_HEADER_BYTES       SETUP_HEADER_COPY_LIMIT

struct bzimage_info {
	uint16_t version;            /* as read at 0x206 (2.14 reported as 2.13) */
	uint16_t version_in_file;    /* exactly as read */
	unsigned setup_sects;        /* 0 already turned into 4 */
	uint8_t  loadflags;
	uint32_t code32_start;
	uint32_t syssize;            /* paragraphs; bytes = 16 * syssize (2.04+) */
	uint32_t initrd_addr_max;    /* inclusive; 0x37ffffff before 2.03 */
	uint32_t kernel_alignment;   /* 0 before 2.05 */
	uint8_t  relocatable_kernel; /* 0 before 2.05 */
	uint8_t  min_alignment;      /* log2, 0 before 2.10 */
	uint16_t xloadflags;         /* 0 before 2.12 */
	uint32_t cmdline_size;       /* 255 before 2.06 */
	uint64_t pref_address;       /* 0 before 2.10 */
	uint32_t init_size;          /* 0 before 2.10 */
	uint16_t kernel_version;     /* offset - 0x200 of the version string, 0 = none */

	uint64_t file_size;          /* the whole file */
	uint64_t pm_offset;          /* file offset of the protected-mode kernel */
	uint64_t pm_size;            /* bytes from pm_offset to the end of the file */

	/* Kernel file bytes 0x1f1 .. 0x202 + byte[0x201], for boot_params.hdr */
	uint8_t  setup_header[SETUP_HEADER_COPY_LIMIT - SETUP_HEADER_OFFSET];
	uint32_t setup_header_len;
};

/*
 * Parse the header. `buf` holds the first `len` bytes of a file of
 * `file_size` bytes (len <= file_size; BZIMAGE_HEADER_BYTES suffice).
 * Returns FMT_OK and fills *out, or a status with *err filled.
 */
enum fmt_status bzimage_parse(const uint8_t *buf, size_t len, uint64_t file_size,
			      struct bzimage_info *out, struct fmt_error *err);

/* The specification's own rules on the parsed values (protocol, loadflags, sizes). */
enum fmt_status bzimage_validate(const struct bzimage_info *info, struct fmt_error *err);

#endif
