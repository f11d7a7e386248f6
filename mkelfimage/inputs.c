/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dtb.h"
#include "inputs.h"
#include "common/fdio.h"
#include "common/report.h"

/* The text of --command-line-file: one final newline dropped, no NUL inside. */
static int read_cmdline_file(const char *path, struct inputs *in)
{
	struct input_file file;
	const char *nul;
	ssize_t got;
	int status = input_file_open(&file, "command line file", path);

	if (status != EXIT_OK) {
		if (file.fd >= 0)
			close(file.fd);
		return status;
	}
	if (file.size > CMDLINE_FILE_MAX) {
		close(file.fd);
		return report_error(EXIT_BAD_INPUT, "command line file '%s': %llu bytes, more than the %u any kernel accepts",
				    path, (unsigned long long)file.size, CMDLINE_FILE_MAX);
	}
	in->cmdline = malloc(file.size + 1);
	if (!in->cmdline) {
		close(file.fd);
		return report_error(EXIT_IO, "out of memory");
	}
	got = fdio_read_at(file.fd, in->cmdline, (size_t)file.size, 0);
	close(file.fd);
	if (got < 0)
		return report_errno(EXIT_BAD_INPUT, "command line file", path, "cannot read");
	if (got > 0 && in->cmdline[got - 1] == '\n')
		got--;
	in->cmdline[got] = '\0';
	nul = memchr(in->cmdline, '\0', (size_t)got);
	if (nul)
		return report_error(EXIT_BAD_INPUT, "command line file '%s': NUL byte at offset %zu; a command line is text",
				    path, (size_t)(nul - in->cmdline));
	return EXIT_OK;
}

static int read_cmdline(const struct image_spec *spec, struct inputs *in)
{
	if (spec->cmdline_file)
		return read_cmdline_file(spec->cmdline_file, in);
	in->cmdline = strdup(spec->cmdline ? spec->cmdline : "");
	return in->cmdline ? EXIT_OK : report_error(EXIT_IO, "out of memory");
}

uint64_t inputs_initrd_span(const struct inputs *in, size_t index)
{
	uint64_t size = in->initrds[index].size;

	if (index + 1 == in->initrd_count)
		return size;
	return (size + INITRD_PART_ALIGN - 1) & ~(uint64_t)(INITRD_PART_ALIGN - 1);
}

int inputs_open(const struct image_spec *spec, struct inputs *in)
{
	int status;

	memset(in, 0, sizeof(*in));
	in->kernel_file.fd = -1;
	in->kernel_file_kept = spec->kernel_file_kept;
	status = input_file_open(&in->kernel_file, "kernel", spec->kernel_path);
	if (status == EXIT_OK)
		status = kernel_open(&in->kernel, &in->kernel_file, spec->arch);
	if (status == EXIT_OK)
		status = read_cmdline(spec, in);
	if (status == EXIT_OK)
		status = inputs_open_initrds(in, spec->initrd_paths, spec->initrd_count);
	if (status == EXIT_OK && spec->dtb_path)
		status = dtb_read(spec->dtb_path, &in->dtb, &in->dtb_size);
	return status;
}

int inputs_open_initrds(struct inputs *in, const char *const *paths, size_t count)
{
	size_t i, first = in->initrd_count;
	struct input_file *grown;
	int status;

	if (count == 0)
		return EXIT_OK;
	if (count > INPUTS_MAX_INITRDS - first)
		return report_error(EXIT_BAD_INPUT, "initrd '%s': %zu initrds, more than the %d an image holds",
				    paths[INPUTS_MAX_INITRDS - first], first + count, INPUTS_MAX_INITRDS);
	if (!(grown = realloc(in->initrds, (first + count) * sizeof(*grown))))
		return report_error(EXIT_IO, "out of memory");
	in->initrds = grown;
	for (i = first; i < first + count; i++)
		in->initrds[i] = (struct input_file){ .fd = -1 };
	in->initrd_count = first + count;
	for (i = first; i < first + count; i++) {
		status = input_file_open(&in->initrds[i], "initrd", paths[i - first]);
		if (status != EXIT_OK)
			return status;
		if (in->initrds[i].size == 0)
			return report_error(EXIT_BAD_INPUT, "initrd '%s': file is empty",
					    in->initrds[i].path);
	}
	for (i = 0, in->initrd_region_size = 0; i < in->initrd_count; i++)
		in->initrd_region_size += inputs_initrd_span(in, i);
	return EXIT_OK;
}

void inputs_close(struct inputs *in)
{
	size_t i;

	kernel_close(&in->kernel);
	if (in->kernel_file.fd >= 0)
		close(in->kernel_file.fd);
	for (i = 0; in->initrds && i < in->initrd_count; i++)
		if (in->initrds[i].fd >= 0)
			close(in->initrds[i].fd);
	free(in->initrds);
	in->initrds = NULL;
	free(in->cmdline);
	in->cmdline = NULL;
	free(in->dtb);
	in->dtb = NULL;
}
