/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "common/report.h"
#include "inputfile.h"

int input_file_open(struct input_file *file, const char *what, const char *path)
{
	struct stat st;

	file->what = what;
	file->path = path;
	file->offset = 0;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer before it is refused. */
	file->fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (file->fd < 0)
		return report_errno(EXIT_BAD_INPUT, what, path, "cannot open");
	if (fstat(file->fd, &st) < 0)
		return report_errno(EXIT_BAD_INPUT, what, path, "cannot stat");
	if (S_ISDIR(st.st_mode))
		return report_error(EXIT_BAD_INPUT, "%s '%s': is a directory, not a file", what, path);
	if (!S_ISREG(st.st_mode))
		return report_error(EXIT_BAD_INPUT, "%s '%s': not a regular file", what, path);
	file->size = (uint64_t)st.st_size;
	file->dev = (uint64_t)st.st_dev;
	file->ino = (uint64_t)st.st_ino;
	return EXIT_OK;
}
