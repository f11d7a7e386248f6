/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * crc32: the CRC-32 that the probe kernel prints for its initrd region, for
 * the files a test gave mkelfimage.
 *
 *   crc32 FILE...      one line per file: 0x<crc>, lowercase, no leading zeros
 *                      with several files, a last line all=0x<crc>: the CRC of
 *                      the files concatenated, each but the last padded with
 *                      zero bytes to a multiple of 4 (how several initrds are
 *                      laid out in one region, doc/ARCHITECTURE.md)
 *
 * The CRC is zlib's crc32(). Files are streamed, never loaded whole.
 * Exit status: 0 success, 1 usage, 2 I/O error.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define CRC32_CHUNK      (256u << 10)
#define CRC32_PAD_ALIGN  4

int main(int argc, char **argv)
{
	static unsigned char buf[CRC32_CHUNK];
	static const unsigned char zeros[CRC32_PAD_ALIGN];
	uLong all = crc32(0L, Z_NULL, 0);

	if (argc < 2) {
		fputs("crc32: usage: crc32 FILE...\n", stderr);
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		uLong crc = crc32(0L, Z_NULL, 0);
		unsigned long long size = 0;
		int fd = open(argv[i], O_RDONLY);
		ssize_t got;

		if (fd < 0) {
			fprintf(stderr, "crc32: %s: %s\n", argv[i], strerror(errno));
			return 2;
		}
		while ((got = read(fd, buf, sizeof(buf))) != 0) {
			if (got < 0) {
				if (errno == EINTR)
					continue;
				fprintf(stderr, "crc32: %s: %s\n", argv[i], strerror(errno));
				close(fd);
				return 2;
			}
			crc = crc32(crc, buf, (uInt)got);
			all = crc32(all, buf, (uInt)got);
			size += (unsigned long long)got;
		}
		close(fd);
		if (i + 1 < argc && size % CRC32_PAD_ALIGN != 0)
			all = crc32(all, zeros, (uInt)(CRC32_PAD_ALIGN - size % CRC32_PAD_ALIGN));
		printf("0x%lx\n", crc);
	}
	if (argc > 2)
		printf("all=0x%lx\n", all);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "crc32: standard output: %s\n", strerror(errno));
		return 2;
	}
	return 0;
}
