/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The zstd and lz4 codecs (compress_zstd_lz4.c); compress.c dispatches to them. */
#ifndef MKELFIMAGE_COMPRESS_ZSTD_LZ4_H
#define MKELFIMAGE_COMPRESS_ZSTD_LZ4_H

#include "decode_rules.h"

/* zstd: encode (compress nonzero) or decode; EXIT_OK or a reported status */
int run_zstd(int in, int out, const char *what, const char *path, int compress,
	     const struct decode_rules *rules);
/* Decode only: the legacy lz4 format or the LZ4 Frame Format, by the first 4 bytes */
int run_lz4(int in, int out, const char *what, const char *path, const struct decode_rules *rules);

#endif
