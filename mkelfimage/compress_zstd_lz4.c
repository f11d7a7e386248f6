/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libzstd (RFC 8878 frames) and liblz4: the legacy lz4 format Linux's
 * unlz4 reads and the LZ4 Frame Format, decoded only. The same loop as
 * compress.c's codecs: read a chunk, code, write through the rules.
 */
#include "config.h"

#include <lz4.h>
#include <lz4frame.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "common/fdio.h"
#include "common/report.h"
#include "compress_io.h"
#include "compress_zstd_lz4.h"
#include "formats/le.h"

/*
 * The zstd frames written: level 19, one frame, a window of 8 MiB (the
 * kernel's unzstd allocates the frame's window at boot; zstd -19 uses the
 * same for large inputs), content checksum on (the kernel's zstd checks
 * it), one thread (the same bytes on every host with this libzstd).
 */
#define ZSTD_LEVEL       19
#define ZSTD_WINDOW_LOG  23

/* The legacy lz4 format (lz4 -l; Linux lib/decompress_unlz4.c): the magic,
 * then blocks of [4-byte little-endian compressed size][LZ4 block], each
 * decoding to at most 8 MiB; a repeated magic starts another stream. */
#define LZ4_LEGACY_MAGIC  0x184C2102u
#define LZ4_LEGACY_BLOCK  (8u << 20)

int run_zstd(int in, int out, const char *what, const char *path, int compress,
	     const struct decode_rules *rules)
{
	ZSTD_CCtx *c = compress ? ZSTD_createCCtx() : NULL;
	ZSTD_DCtx *d = compress ? NULL : ZSTD_createDCtx();
	struct buffers b;
	int status = buffers_get(&b);
	size_t ret = 0;
	ssize_t got = 1;

	b.rules = rules;
	b.what = what;
	if (status == EXIT_OK && (compress ? !c : !d))
		status = report_error(EXIT_IO, "libzstd: cannot start (out of memory)");
	if (status == EXIT_OK && compress &&
	    (ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, ZSTD_LEVEL)) ||
	     ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_windowLog, ZSTD_WINDOW_LOG)) ||
	     ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1))))
		status = report_error(EXIT_IO, "libzstd: cannot set the frame's parameters");
	while (status == EXIT_OK && got > 0) {
		ZSTD_inBuffer input;
		ZSTD_outBuffer output;

		if ((got = read_chunk(in, &b, what, path)) < 0) {
			status = EXIT_IO;
			break;
		}
		/* decoding: the end of the input ends it (a call with none would start another frame) */
		if (!got && !compress)
			break;
		input = (ZSTD_inBuffer){ b.in, (size_t)got, 0 };
		do {
			output = (ZSTD_outBuffer){ b.out, COMPRESS_CHUNK, 0 };
			ret = compress ? ZSTD_compressStream2(c, &output, &input, got ? ZSTD_e_continue : ZSTD_e_end)
				: ZSTD_decompressStream(d, &output, &input);
			if (ZSTD_isError(ret))
				status = report_error(EXIT_BAD_INPUT, "%s '%s': zstd: %s", what, path, ZSTD_getErrorName(ret));
			else
				status = write_out(out, &b, output.pos, path);
			/* encoding: on until the frame is flushed; decoding: until the chunk is used */
		} while (status == EXIT_OK && (compress ? (!got && ret) || input.pos < input.size
					       : input.pos < input.size || output.pos == COMPRESS_CHUNK));
	}
	/* a decoder that still wants bytes at the end: the last frame is cut short */
	if (status == EXIT_OK && !compress && ret)
		status = report_error(EXIT_BAD_INPUT, "%s '%s': zstd: the stream is truncated", what, path);
	ZSTD_freeCCtx(c);
	ZSTD_freeDCtx(d);
	buffers_put(&b);
	return status;
}

/* One legacy block: read `size` bytes at *offset, decode, write */
static int lz4_legacy_block(int in, int out, struct buffers *b, uint8_t *src, uint8_t *dst, uint32_t size,
			    const char *path)
{
	int len;

	if (size > (uint32_t)LZ4_compressBound(LZ4_LEGACY_BLOCK))
		return report_error(EXIT_BAD_INPUT, "%s '%s': lz4: a block of %u bytes at offset %llu, more than an "
				    "8 MiB block compresses to", b->what, path, size, (unsigned long long)b->read_offset - 4);
	if (fdio_read_at(in, src, size, b->read_offset) != (ssize_t)size)
		return report_error(EXIT_BAD_INPUT, "%s '%s': lz4: the stream is truncated (a block of %u bytes at "
				    "offset %llu)", b->what, path, size, (unsigned long long)b->read_offset - 4);
	b->read_offset += size;
	len = LZ4_decompress_safe((const char *)src, (char *)dst, (int)size, (int)LZ4_LEGACY_BLOCK);
	if (len < 0)
		return report_error(EXIT_BAD_INPUT, "%s '%s': lz4: corrupt block at offset %llu", b->what, path,
				    (unsigned long long)b->read_offset - size - 4);
	/* write_out writes b->out: point it at the decoded block for this call */
	b->out = dst;
	return write_out(out, b, (size_t)len, path);
}

static int run_lz4_legacy(int in, int out, const char *what, const char *path, const struct decode_rules *rules)
{
	struct buffers b = { .read_offset = 4, .rules = rules, .what = what };
	uint8_t *src = malloc((size_t)LZ4_compressBound(LZ4_LEGACY_BLOCK)), *dst = malloc(LZ4_LEGACY_BLOCK);
	uint8_t word[4];
	int status = src && dst ? EXIT_OK : report_error(EXIT_IO, "out of memory");
	ssize_t got;

	while (status == EXIT_OK && (got = fdio_read_at(in, word, 4, b.read_offset)) == 4) {
		b.read_offset += 4;
		if (le32_get(word) != LZ4_LEGACY_MAGIC)
			status = lz4_legacy_block(in, out, &b, src, dst, le32_get(word), path);
	}
	if (status == EXIT_OK && got != 0)
		status = got < 0 ? report_errno(EXIT_IO, what, path, "cannot read")
			: report_error(EXIT_BAD_INPUT, "%s '%s': lz4: %zd bytes after the last block, not a block size",
				       what, path, got);
	free(src);
	free(dst);
	return status;
}

static int run_lz4_frame(int in, int out, const char *what, const char *path, const struct decode_rules *rules)
{
	LZ4F_dctx *d = NULL;
	struct buffers b;
	int status = buffers_get(&b);
	size_t hint = 1;
	ssize_t got = 1;

	b.rules = rules;
	b.what = what;
	if (status == EXIT_OK && LZ4F_isError(LZ4F_createDecompressionContext(&d, LZ4F_VERSION)))
		status = report_error(EXIT_IO, "liblz4: cannot start (out of memory)");
	while (status == EXIT_OK && got > 0) {
		size_t used = 0, out_size;

		if ((got = read_chunk(in, &b, what, path)) <= 0) {
			status = got < 0 ? EXIT_IO : EXIT_OK;
			break;
		}
		do {
			size_t in_size = (size_t)got - used;

			out_size = COMPRESS_CHUNK;
			hint = LZ4F_decompress(d, b.out, &out_size, b.in + used, &in_size, NULL);
			used += in_size;
			if (LZ4F_isError(hint))
				status = report_error(EXIT_BAD_INPUT, "%s '%s': lz4: %s", what, path, LZ4F_getErrorName(hint));
			else
				status = write_out(out, &b, out_size, path);
		} while (status == EXIT_OK && (used < (size_t)got || out_size == COMPRESS_CHUNK));
	}
	if (status == EXIT_OK && hint)
		status = report_error(EXIT_BAD_INPUT, "%s '%s': lz4: the stream is truncated", what, path);
	LZ4F_freeDecompressionContext(d);
	buffers_put(&b);
	return status;
}

int run_lz4(int in, int out, const char *what, const char *path, const struct decode_rules *rules)
{
	uint8_t magic[4];

	if (fdio_read_at(in, magic, 4, 0) != 4)
		return report_error(EXIT_BAD_INPUT, "%s '%s': lz4: shorter than its magic", what, path);
	return le32_get(magic) == LZ4_LEGACY_MAGIC ? run_lz4_legacy(in, out, what, path, rules)
		: run_lz4_frame(in, out, what, path, rules);
}
