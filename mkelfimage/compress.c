/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * zlib (RFC 1952 gzip members) and liblzma (.xz streams). Each codec is the
 * same loop: read a chunk, run the coder until it wants more input, write
 * what it produced; at the end of the input, finish the stream.
 */
#include "config.h"

#include <errno.h>
#include <lzma.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "compress.h"
#include "compress_io.h"
#include "compress_zstd_lz4.h"
#include "output.h"
#include "common/fdio.h"
#include "common/report.h"

#define COMPRESS_XZ_PRESET  6
/* The kernel's own initramfs compression (scripts/Makefile.lib, cmd_xzmisc):
 * xz --check=crc32 --lzma2=dict=1MiB. CRC32 because Linux's XZ decoder checks
 * only CRC32 or nothing (Documentation/staging/xz.rst). */
#define COMPRESS_XZ_DICT    (1u << 20)

int compress_temp_file(void)
{
	return output_unnamed_temp();
}

/* zlib: deflate into a gzip wrapper (windowBits 15 + 16), or inflate gzip (15 + 32
 * detects the wrapper); concatenated members are decoded one after the other. */
static int run_zlib(int in, int out, const char *what, const char *path, int compress,
		    const struct decode_rules *rules)
{
	struct buffers b;
	z_stream z = { 0 };
	int status = buffers_get(&b), zret = Z_OK, ended = 0;
	ssize_t got = 0;

	if (status != EXIT_OK)
		return status;
	b.rules = rules;
	b.what = what;
	zret = compress ? deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY)
		: inflateInit2(&z, 15 + 32);
	if (zret != Z_OK) {
		buffers_put(&b);
		return report_error(EXIT_IO, "zlib: cannot start: %s", z.msg ? z.msg : "out of memory");
	}
	do {
		got = read_chunk(in, &b, what, path);
		if (got < 0) {
			status = EXIT_IO;
			break;
		}
		z.next_in = b.in;
		z.avail_in = (uInt)got;
		do {
			if (!compress && ended && z.avail_in) {
				inflateReset(&z);    /* RFC 1952 2.2: a gzip file is a series of members */
				ended = 0;
			}
			z.next_out = b.out;
			z.avail_out = COMPRESS_CHUNK;
			zret = compress ? deflate(&z, got ? Z_NO_FLUSH : Z_FINISH) : inflate(&z, Z_NO_FLUSH);
			if (zret == Z_STREAM_END)
				ended = 1;
			else if (zret != Z_OK && zret != Z_BUF_ERROR)
				status = report_error(EXIT_BAD_INPUT, "%s '%s': gzip: %s", what, path,
						      z.msg ? z.msg : "corrupt data");
			if (status == EXIT_OK)
				status = write_out(out, &b, COMPRESS_CHUNK - z.avail_out, path);
		} while (status == EXIT_OK && (z.avail_out == 0 || (!compress && ended && z.avail_in)));
	} while (status == EXIT_OK && got > 0);
	if (status == EXIT_OK && !compress && !ended)
		status = report_error(EXIT_BAD_INPUT, "%s '%s': gzip: the stream is truncated", what, path);
	if (compress)
		deflateEnd(&z);
	else
		inflateEnd(&z);
	buffers_put(&b);
	return status;
}

static int run_lzma(int in, int out, const char *what, const char *path, int compress,
		    const struct decode_rules *rules)
{
	lzma_stream xz = LZMA_STREAM_INIT;
	lzma_options_lzma options;
	lzma_filter filters[2];
	lzma_ret ret;
	struct buffers b;
	int status = buffers_get(&b);
	ssize_t got;

	if (status != EXIT_OK)
		return status;
	b.rules = rules;
	b.what = what;
	if (compress) {
		lzma_lzma_preset(&options, COMPRESS_XZ_PRESET);
		options.dict_size = COMPRESS_XZ_DICT;
		filters[0] = (lzma_filter){ LZMA_FILTER_LZMA2, &options };
		filters[1] = (lzma_filter){ LZMA_VLI_UNKNOWN, NULL };
		ret = lzma_stream_encoder(&xz, filters, LZMA_CHECK_CRC32);
	} else {
		ret = lzma_stream_decoder(&xz, UINT64_MAX, LZMA_CONCATENATED);
	}
	if (ret != LZMA_OK) {
		buffers_put(&b);
		return report_error(EXIT_IO, "liblzma: cannot start (error %d)", (int)ret);
	}
	do {
		got = read_chunk(in, &b, what, path);
		if (got < 0) {
			status = EXIT_IO;
			break;
		}
		xz.next_in = b.in;
		xz.avail_in = (size_t)got;
		do {
			xz.next_out = b.out;
			xz.avail_out = COMPRESS_CHUNK;
			ret = lzma_code(&xz, got ? LZMA_RUN : LZMA_FINISH);
			if (ret != LZMA_OK && ret != LZMA_STREAM_END && ret != LZMA_BUF_ERROR)
				status = report_error(EXIT_BAD_INPUT, "%s '%s': xz: %s (liblzma error %d)", what, path,
						      ret == LZMA_DATA_ERROR || ret == LZMA_FORMAT_ERROR
						      ? "corrupt data" : "cannot code", (int)ret);
			if (status == EXIT_OK)
				status = write_out(out, &b, COMPRESS_CHUNK - xz.avail_out, path);
		} while (status == EXIT_OK && xz.avail_out == 0 && ret != LZMA_STREAM_END);
	} while (status == EXIT_OK && got > 0 && ret != LZMA_STREAM_END);
	if (status == EXIT_OK && ret != LZMA_STREAM_END)
		status = report_error(EXIT_BAD_INPUT, "%s '%s': xz: the stream is truncated", what, path);
	lzma_end(&xz);
	buffers_put(&b);
	return status;
}

int compress_gzip(int in, int out, const char *what, const char *path)
{
	return run_zlib(in, out, what, path, 1, NULL);
}

int compress_xz(int in, int out, const char *what, const char *path)
{
	return run_lzma(in, out, what, path, 1, NULL);
}

int compress_codec_of(enum initrd_kind kind)
{
	switch (kind) {
	case INITRD_GZIP: return CODEC_GZIP;
	case INITRD_XZ: return CODEC_XZ;
	case INITRD_ZSTD: return CODEC_ZSTD;
	case INITRD_LZ4_LEGACY:
	case INITRD_LZ4_FRAME: return CODEC_LZ4;
	default: return -1;
	}
}

int compress_zstd(int in, int out, const char *what, const char *path)
{
	return run_zstd(in, out, what, path, 1, NULL);
}

int decompress_to_temp(int in, enum compress_codec codec, const char *what, const char *path,
		       const struct decode_rules *rules, int *status)
{
	int temp = compress_temp_file();

	if (temp < 0) {
		*status = EXIT_IO;
		return -1;
	}
	switch (codec) {
	case CODEC_GZIP: *status = run_zlib(in, temp, what, path, 0, rules); break;
	case CODEC_XZ: *status = run_lzma(in, temp, what, path, 0, rules); break;
	case CODEC_ZSTD: *status = run_zstd(in, temp, what, path, 0, rules); break;
	case CODEC_LZ4: *status = run_lz4(in, temp, what, path, rules); break;
	}
	if (*status == EXIT_OK)
		return temp;
	close(temp);
	return -1;
}
