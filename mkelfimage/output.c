/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"
#include "report.h"

/* Split "dir/name" into a malloc'd "dir" ("." when there is no slash). */
static char *directory_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

static int same_file(const struct stat *st, const struct input_file *file)
{
	return (uint64_t)st->st_dev == file->dev && (uint64_t)st->st_ino == file->ino;
}

int output_check(const char *path, const struct inputs *in)
{
	char *dir = directory_of(path);
	struct stat st;
	size_t i;

	if (!dir)
		return report_error(EXIT_IO, "out of memory");
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		report_error(EXIT_BAD_INPUT, "output '%s': directory '%s' does not exist", path, dir);
		free(dir);
		return EXIT_BAD_INPUT;
	}
	free(dir);
	if (stat(path, &st) < 0)
		return EXIT_OK;
	if (S_ISDIR(st.st_mode))
		return report_error(EXIT_BAD_INPUT, "output '%s': is a directory", path);
	if (same_file(&st, &in->kernel))
		return report_error(EXIT_BAD_INPUT, "output '%s': is the kernel input", path);
	for (i = 0; i < in->initrd_count; i++)
		if (same_file(&st, &in->initrds[i]))
			return report_error(EXIT_BAD_INPUT, "output '%s': is an initrd input", path);
	return EXIT_OK;
}

int output_begin(struct output *out, const char *path)
{
	char *dir = directory_of(path);
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	mode_t mask;
	size_t len;

	out->path = path;
	out->fd = -1;
	out->temp_path = NULL;
	if (!dir)
		return report_error(EXIT_IO, "out of memory");
	len = strlen(dir) + strlen(base) + sizeof("/..XXXXXX");
	out->temp_path = malloc(len);
	if (!out->temp_path) {
		free(dir);
		return report_error(EXIT_IO, "out of memory");
	}
	snprintf(out->temp_path, len, "%s/.%s.XXXXXX", dir, base);
	free(dir);
	out->fd = mkstemp(out->temp_path);
	if (out->fd < 0) {
		report_errno(EXIT_IO, "output", path, "cannot create a temporary file");
		free(out->temp_path);
		out->temp_path = NULL;
		return EXIT_IO;
	}
	/* mkstemp makes 0600; an image is an ordinary file (0666 less the umask). */
	mask = umask(0);
	umask(mask);
	if (fchmod(out->fd, 0666 & ~mask) < 0) {
		report_errno(EXIT_IO, "output", path, "cannot set permissions");
		output_abort(out);
		return EXIT_IO;
	}
	return EXIT_OK;
}

int output_commit(struct output *out)
{
	if (close(out->fd) < 0) {
		out->fd = -1;
		report_errno(EXIT_IO, "output", out->path, "cannot write");
		output_abort(out);
		return EXIT_IO;
	}
	out->fd = -1;
	if (rename(out->temp_path, out->path) < 0) {
		report_errno(EXIT_IO, "output", out->path, "cannot rename the temporary file into place");
		output_abort(out);
		return EXIT_IO;
	}
	free(out->temp_path);
	out->temp_path = NULL;
	return EXIT_OK;
}

void output_abort(struct output *out)
{
	if (out->fd >= 0)
		close(out->fd);
	out->fd = -1;
	if (out->temp_path) {
		unlink(out->temp_path);
		free(out->temp_path);
		out->temp_path = NULL;
	}
}
