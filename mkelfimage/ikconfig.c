/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The kernel's own .config, found in it (ikconfig.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/fdio.h"
#include "common/report.h"
#include "compress.h"
#include "formats/initrd_kind.h"
#include "ikconfig.h"

#define IKCFG_START      "IKCFG_ST"
#define IKCFG_END        "IKCFG_ED"
#define IKCFG_MARK       8
#define IKCFG_MAX        (4u << 20)     /* a gzip'd .config is tens of KiB */
#define KERNEL_MAX       (1ull << 30)   /* a decoded kernel proper: no larger */
#define CHUNK            (1u << 20)

/* [offset, offset + length) of `in` into a new temporary file, whose fd is returned (-1: reported) */
static int copy_range(int in, uint64_t offset, uint64_t length, const char *path)
{
	uint8_t *buf = malloc(CHUNK);
	int out = compress_temp_file();
	uint64_t done = 0;

	while (buf && out >= 0 && done < length) {
		size_t n = length - done < CHUNK ? (size_t)(length - done) : CHUNK;

		if (fdio_read_at(in, buf, n, offset + done) != (ssize_t)n) {
			report_print_errno("kernel", path, "cannot read");
			close(out);
			out = -1;
		} else if (fdio_write_at(out, "temporary file for kernel", path, buf, n, done) != EXIT_OK) {
			close(out);
			out = -1;
		}
		done += n;
	}
	if (!buf && out >= 0) {
		report_print("out of memory");
		close(out);
		out = -1;
	}
	free(buf);
	return out;
}

/* The offset of `mark` at or after `from` in fd (size bytes), or -1 */
static int64_t find_mark(int fd, uint64_t size, uint64_t from, const char *mark)
{
	uint8_t *buf = malloc(CHUNK + IKCFG_MARK);
	int64_t found = -1;

	for (; buf && found < 0 && from < size; from += CHUNK) {
		size_t n = size - from < CHUNK + IKCFG_MARK ? (size_t)(size - from) : CHUNK + IKCFG_MARK, i;

		if (fdio_read_at(fd, buf, n, from) != (ssize_t)n)
			break;
		for (i = 0; i + IKCFG_MARK <= n && found < 0; i++)
			if (buf[i] == (uint8_t)mark[0] && !memcmp(buf + i, mark, IKCFG_MARK))
				found = (int64_t)(from + i);
	}
	free(buf);
	return found;
}

/* The codec of a compressed kernel proper, by its first bytes */
static int codec_of(int fd, uint64_t offset, const char *path, int *status)
{
	uint8_t head[INITRD_KIND_PROBE_BYTES];
	struct initrd_kind_info kind;
	ssize_t got = fdio_read_at(fd, head, sizeof(head), offset);
	int codec;

	initrd_kind_detect(head, got > 0 ? (size_t)got : 0, &kind);
	if ((codec = compress_codec_of(kind.kind)) < 0)
		*status = report_error(EXIT_BAD_INPUT, "kernel '%s': --kernel-config ikconfig: its compressed part is %s; "
				       "only gzip, xz, zstd and lz4 are decoded", path, initrd_kind_name(kind.kind));
	return codec;
}

int ikconfig_read(const struct kernel *k, int *status)
{
	static const struct decode_rules rules = { .max_bytes = KERNEL_MAX, .max_why = "a kernel proper is smaller" };
	const char *path = k->file->path;
	uint64_t offset, length;
	int64_t start, end;
	int codec, packed = -1, plain = -1, config = -1;
	off_t size;

	*status = EXIT_OK;
	if (!k->format->compressed_payload || k->format->compressed_payload(k, &offset, &length) != 0) {
		*status = report_error(EXIT_BAD_INPUT, "kernel '%s': --kernel-config ikconfig: the kernel does not say where "
				       "its compressed part is (a bzImage of boot protocol 2.08 or later does)", path);
		return -1;
	}
	offset += k->file->offset;
	if ((codec = codec_of(k->file->fd, offset, path, status)) < 0)
		return -1;
	/* the kernel build appends the decoded size to every stream but gzip's (Makefile.lib, size_append) */
	if (codec != CODEC_GZIP && length >= 4)
		length -= 4;
	if ((packed = copy_range(k->file->fd, offset, length, path)) < 0)
		*status = EXIT_IO;
	else
		plain = decompress_to_temp(packed, (enum compress_codec)codec, "kernel", path, &rules, status);
	if (plain >= 0 && (size = lseek(plain, 0, SEEK_END)) > 0 &&
	    (start = find_mark(plain, (uint64_t)size, 0, IKCFG_START)) >= 0 &&
	    (end = find_mark(plain, (uint64_t)size, (uint64_t)start + IKCFG_MARK, IKCFG_END)) >= 0 &&
	    end - start - IKCFG_MARK <= IKCFG_MAX) {
		int gz = copy_range(plain, (uint64_t)start + IKCFG_MARK, (uint64_t)(end - start - IKCFG_MARK), path);

		config = gz < 0 ? -1 : decompress_to_temp(gz, CODEC_GZIP, "kernel", path, NULL, status);
		if (gz >= 0)
			close(gz);
	} else if (plain >= 0) {
		*status = report_error(EXIT_BAD_INPUT, "kernel '%s': --kernel-config ikconfig: no IKCFG_ST...IKCFG_ED in it: "
				       "built without CONFIG_IKCONFIG (give --kernel-config /boot/config-VERSION)", path);
	}
	if (packed >= 0)
		close(packed);
	if (plain >= 0)
		close(plain);
	if (config < 0 && *status == EXIT_OK)
		*status = EXIT_IO;
	return config;
}
