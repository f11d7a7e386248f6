/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The rules decoded bytes are written under (compress.h, compress_io.h). */
#ifndef MKELFIMAGE_DECODE_RULES_H
#define MKELFIMAGE_DECODE_RULES_H

#include <stddef.h>
#include <stdint.h>

/*
 * What decoded bytes must be, checked as they come out (a small file may
 * decode to gigabytes: the limit stops it before they are written).
 */
struct decode_rules {
	uint64_t max_bytes;          /* more decoded bytes is an error naming max_why */
	const char *max_why;
	const uint8_t *magic;        /* the first decoded bytes, or NULL: any */
	size_t magic_len;
	const char *magic_error;     /* the error after "<what> '<path>': " */
};

#endif
