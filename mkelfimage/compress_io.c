/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The codecs' shared loop parts (compress_io.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/fdio.h"
#include "common/report.h"
#include "compress_io.h"

int buffers_get(struct buffers *b)
{
	b->in = malloc(COMPRESS_CHUNK);
	b->out = malloc(COMPRESS_CHUNK);
	b->read_offset = 0;
	b->write_offset = 0;
	if (b->in && b->out)
		return EXIT_OK;
	free(b->in);
	free(b->out);
	return report_error(EXIT_IO, "out of memory");
}

void buffers_put(struct buffers *b)
{
	free(b->in);
	free(b->out);
}

/* Next chunk of the input: its length, 0 at the end, -1 on error (reported) */
ssize_t read_chunk(int fd, struct buffers *b, const char *what, const char *path)
{
	for (;;) {
		ssize_t got = pread(fd, b->in, COMPRESS_CHUNK, (off_t)b->read_offset);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			report_print_errno(what, path, "cannot read");
			return -1;
		}
		b->read_offset += (uint64_t)got;
		return got;
	}
}

/* The decode rules on the next `len` bytes of output, before they are written */
static int check_rules(const struct buffers *b, size_t len, const char *path)
{
	const struct decode_rules *rules = b->rules;
	uint64_t at = b->write_offset;

	if (!rules)
		return EXIT_OK;
	if (rules->max_bytes && len > rules->max_bytes - (at < rules->max_bytes ? at : rules->max_bytes))
		return report_error(EXIT_BAD_INPUT, "%s '%s': decodes to more than %llu bytes (%s)", b->what, path,
				    (unsigned long long)rules->max_bytes, rules->max_why);
	/* the magic, as soon as the first chunk holds it (a shorter stream fails later) */
	if (rules->magic && at == 0 && len >= rules->magic_len &&
	    memcmp(b->out, rules->magic, rules->magic_len) != 0)
		return report_error(EXIT_BAD_INPUT, "%s '%s': %s", b->what, path, rules->magic_error);
	return EXIT_OK;
}

/* Into the unlinked temporary file that stands for the input `path` */
int write_out(int fd, struct buffers *b, size_t len, const char *path)
{
	char label[64];
	int status = check_rules(b, len, path);

	snprintf(label, sizeof(label), "temporary file for %s", b->what);
	if (status == EXIT_OK)
		status = fdio_write_at(fd, label, path, b->out, len, b->write_offset);
	b->write_offset += len;
	return status;
}

