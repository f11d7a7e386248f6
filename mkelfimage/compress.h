/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stream codecs for --compress-initrd: file descriptor in, file descriptor
 * out, 1 MiB at a time (an initrd is never held whole). Output is the same
 * for the same input on every host: gzip with mtime 0, xz and zstd with
 * fixed options (compress_zstd_lz4.c). lz4 is decoded only.
 */
#ifndef MKELFIMAGE_COMPRESS_H
#define MKELFIMAGE_COMPRESS_H

#include <stddef.h>
#include <stdint.h>

#include "decode_rules.h"
#include "formats/initrd_kind.h"

/*
 * Each returns EXIT_OK or a reported status; `what` and `path` name the
 * input in messages. `in` is read and `out` written from offset 0.
 */
int compress_gzip(int in, int out, const char *what, const char *path);
int compress_xz(int in, int out, const char *what, const char *path);
int compress_zstd(int in, int out, const char *what, const char *path);

/* What a stream is, for decompress_to_temp */
enum compress_codec {
	CODEC_GZIP,
	CODEC_XZ,
	CODEC_ZSTD,
	CODEC_LZ4,       /* the legacy format or the LZ4 Frame Format */
};

/* The codec that decodes a stream of this kind (formats/initrd_kind.h), or -1: none here */
int compress_codec_of(enum initrd_kind kind);

/*
 * An unlinked temporary file in $TMPDIR (else /tmp) for decoded or encoded
 * bytes: it disappears when closed, whatever happens. Returns the fd, or -1
 * (reported, EXIT_IO).
 */
int compress_temp_file(void);

/*
 * `in`, a stream of `codec`, decoded into a new compress_temp_file.
 * Returns its fd, or -1 with the reported status in *status (the
 * temporary file is gone then).
 */
int decompress_to_temp(int in, enum compress_codec codec, const char *what, const char *path,
		       const struct decode_rules *rules, int *status);

#endif
