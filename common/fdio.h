/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Whole reads and writes at a file offset (pread/pwrite retried on EINTR and
 * on short counts), so no caller keeps its own loop.
 */
#ifndef COMMON_FDIO_H
#define COMMON_FDIO_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * Read up to `len` bytes at `offset`; fewer only at end of file. Returns the
 * count, or -1 with errno set.
 */
ssize_t fdio_read_at(int fd, void *buf, size_t len, uint64_t offset);

/*
 * Write all `len` bytes at `offset`. Returns EXIT_OK, or EXIT_IO after
 * reporting "<what> '<path>': cannot write: <reason>".
 */
int fdio_write_at(int fd, const char *what, const char *path, const void *buf, size_t len,
		  uint64_t offset);

#endif
