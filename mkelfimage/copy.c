/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One pass over each payload: read, feed the sinks, write (copy.h). */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "copy.h"
#include "report.h"
#include "write.h"

#define COPY_CHUNK  (1u << 20)

void copy_sinks_feed(struct copy_sink *sinks, const void *bytes, size_t len)
{
	for (; sinks; sinks = sinks->next)
		sinks->feed(sinks, bytes, len);
}

/* Read, feed and write, a chunk at a time */
static int copy_by_reading(const struct input_file *src, uint64_t src_offset, int fd,
			   const char *out_path, uint64_t dst_offset, uint64_t len,
			   struct copy_sink *sinks)
{
	uint8_t *buf = malloc(COPY_CHUNK);
	int status = EXIT_OK;

	if (!buf)
		return report_error(EXIT_IO, "out of memory");
	while (len && status == EXIT_OK) {
		size_t chunk = len < COPY_CHUNK ? (size_t)len : COPY_CHUNK;
		ssize_t got = pread(src->fd, buf, chunk, (off_t)src_offset);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			status = got < 0 ? report_errno(EXIT_IO, src->what, src->path, "cannot read")
				: report_error(EXIT_IO, "%s '%s': file shrank while being read",
					       src->what, src->path);
			break;
		}
		copy_sinks_feed(sinks, buf, (size_t)got);
		if (fd >= 0)
			status = write_all(fd, out_path, buf, (size_t)got, dst_offset);
		src_offset += (uint64_t)got;
		dst_offset += (uint64_t)got;
		len -= (uint64_t)got;
	}
	free(buf);
	return status;
}

int copy_payload(const struct input_file *src, uint64_t src_offset, int fd,
		 const char *out_path, uint64_t dst_offset, uint64_t len,
		 struct copy_sink *sinks)
{
#ifdef HAVE_COPY_FILE_RANGE
	while (len && !sinks && fd >= 0) {
		off_t in_off = (off_t)src_offset, out_off = (off_t)dst_offset;
		ssize_t done = copy_file_range(src->fd, &in_off, fd, &out_off, len, 0);

		if (done < 0 && errno == EINTR)
			continue;
		if (done < 0 && (errno == EXDEV || errno == ENOSYS || errno == EINVAL ||
				 errno == EOPNOTSUPP || errno == EBADF))
			break;   /* not supported here: fall back */
		if (done < 0)
			return report_errno(EXIT_IO, "output", out_path, "cannot copy");
		if (done == 0)
			return report_error(EXIT_IO, "%s '%s': file shrank while being read",
					    src->what, src->path);
		src_offset += (uint64_t)done;
		dst_offset += (uint64_t)done;
		len -= (uint64_t)done;
	}
#endif
	return len ? copy_by_reading(src, src_offset, fd, out_path, dst_offset, len, sinks) : EXIT_OK;
}
