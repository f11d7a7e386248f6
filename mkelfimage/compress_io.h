/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What every codec of compress.c and compress_zstd_lz4.c shares: two 1 MiB
 * buffers, reading the input chunk by chunk, and writing decoded bytes
 * through the decode rules (decode_rules.h).
 */
#ifndef MKELFIMAGE_COMPRESS_IO_H
#define MKELFIMAGE_COMPRESS_IO_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "decode_rules.h"

#define COMPRESS_CHUNK (1u << 20)

struct buffers {
	uint8_t *in, *out;                  /* COMPRESS_CHUNK bytes each */
	uint64_t read_offset, write_offset;
	const struct decode_rules *rules;   /* decoding: what the output must be, or NULL */
	const char *what;
};

/* Allocate both buffers, offsets 0. EXIT_OK or a reported EXIT_IO. */
int buffers_get(struct buffers *b);
void buffers_put(struct buffers *b);

/* Next chunk of the input into b->in: its length, 0 at the end, -1 on error (reported) */
ssize_t read_chunk(int fd, struct buffers *b, const char *what, const char *path);

/* b->out[0, len) to fd at b->write_offset, after the decode rules. EXIT_OK or reported. */
int write_out(int fd, struct buffers *b, size_t len, const char *path);

#endif
