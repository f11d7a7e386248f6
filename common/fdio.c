/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "common/fdio.h"
#include "common/report.h"

ssize_t fdio_read_at(int fd, void *buf, size_t len, uint64_t offset)
{
	uint8_t *p = buf;
	size_t done = 0;

	while (done < len) {
		ssize_t got = pread(fd, p + done, len - done, (off_t)(offset + done));

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -1;
		if (got == 0)
			break;
		done += (size_t)got;
	}
	return (ssize_t)done;
}

int fdio_write_at(int fd, const char *what, const char *path, const void *buf, size_t len,
		  uint64_t offset)
{
	const uint8_t *p = buf;

	while (len) {
		ssize_t done = pwrite(fd, p, len, (off_t)offset);

		if (done < 0 && errno == EINTR)
			continue;
		if (done < 0)
			return report_errno(EXIT_IO, what, path, "cannot write");
		p += done;
		len -= (size_t)done;
		offset += (uint64_t)done;
	}
	return EXIT_OK;
}
