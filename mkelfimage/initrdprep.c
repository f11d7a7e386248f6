/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compress.h"
#include "initrdprep.h"
#include "ikconfig.h"
#include "kconfig.h"

#define INITRD_DECODED_MAX  (1ull << 32)
#include "common/fdio.h"
#include "common/report.h"

static int detect(const struct input_file *file, struct initrd_kind_info *info)
{
	uint8_t head[INITRD_KIND_PROBE_BYTES];
	ssize_t got;

	got = fdio_read_at(file->fd, head, file->size < sizeof(head) ? (size_t)file->size : sizeof(head),
			   file->offset);
	if (got < 0)
		return report_errno(EXIT_IO, "initrd", file->path, "cannot read");
	initrd_kind_detect(head, (size_t)got, info);
	return EXIT_OK;
}

/* Does the initrd already have the wanted form? */
static int already_right(const struct initrd_kind_info *kind, enum initrd_compression target)
{
	switch (target) {
	case INITRD_COMPRESS_XZ:
		return kind->kind == INITRD_XZ && !kind->kernel_problem;
	case INITRD_COMPRESS_GZIP:
		return kind->kind == INITRD_GZIP;
	case INITRD_COMPRESS_ZSTD:
		return kind->kind == INITRD_ZSTD;
	case INITRD_COMPRESS_NONE:
		return !kind->compressed;
	default:
		return 1;
	}
}

/* Decode (gzip, xz, zstd, lz4) into a temporary file when needed; returns the fd to encode from. */
static int decoded(struct input_file *file, const struct initrd_kind_info *kind, int *temp, int *status)
{
	/* an initrd region lies below 4 GiB (initrd_addr_max): nothing larger can be placed */
	static const struct decode_rules rules = {
		.max_bytes = INITRD_DECODED_MAX,
		.max_why = "no initrd region is larger: it lies below 4 GiB",
	};
	int codec;

	*temp = -1;
	if (!kind->compressed)
		return file->fd;
	if ((codec = compress_codec_of(kind->kind)) < 0) {
		*status = report_error(EXIT_BAD_INPUT, "initrd '%s': %s: --compress-initrd decodes only gzip, xz, zstd and lz4; "
				       "give this initrd uncompressed", file->path, initrd_kind_name(kind->kind));
		return -1;
	}
	*temp = decompress_to_temp(file->fd, (enum compress_codec)codec, file->what, file->path, &rules, status);
	return *temp;
}

static int recompress(struct input_file *file, const struct initrd_kind_info *kind,
		      enum initrd_compression target)
{
	int plain_temp, out = -1, status = EXIT_OK;
	int plain = decoded(file, kind, &plain_temp, &status);
	off_t size;

	if (plain >= 0 && target == INITRD_COMPRESS_NONE) {
		out = plain;
		plain_temp = -1;
	} else if (plain >= 0 && (out = compress_temp_file()) < 0) {
		status = EXIT_IO;
	} else if (plain >= 0) {
		status = target == INITRD_COMPRESS_XZ ? compress_xz(plain, out, file->what, file->path)
			: target == INITRD_COMPRESS_ZSTD ? compress_zstd(plain, out, file->what, file->path)
			: compress_gzip(plain, out, file->what, file->path);
	}
	if (plain_temp >= 0)
		close(plain_temp);
	if (status == EXIT_OK && (size = lseek(out, 0, SEEK_END)) < 0)
		status = report_error(EXIT_IO, "temporary file: cannot seek: %s", strerror(errno));
	if (status == EXIT_OK && size == 0)
		status = report_error(EXIT_BAD_INPUT, "initrd '%s': empty once decompressed", file->path);
	if (status != EXIT_OK) {
		if (out >= 0)
			close(out);
		return status;
	}
	close(file->fd);
	file->fd = out;
	file->size = (uint64_t)size;
	return EXIT_OK;
}

/* --kernel-config: a warning when the kernel lacks the initrd's decompressor */
static void warn_config(int config, const char *name, const struct input_file *file,
			const struct initrd_kind_info *kind)
{
	char why[512];

	kconfig_initrd_problem(config, name, kind->kind, why, sizeof(why));
	if (why[0])
		report_print("warning: initrd '%s': %s, but the kernel's %s", file->path, initrd_kind_name(kind->kind), why);
}

/* The config --kernel-config names: a file, or "ikconfig" (the kernel's own); -1 reported */
static int open_config(const struct image_spec *spec, const struct inputs *in, char *name, size_t size, int *status)
{
	int fd;

	*status = EXIT_BAD_INPUT;
	if (!strcmp(spec->kernel_config, "ikconfig")) {
		snprintf(name, size, "(IKCONFIG, in '%s')", in->kernel_file.path);
		return ikconfig_read(&in->kernel, status);
	}
	snprintf(name, size, "'%s'", spec->kernel_config);
	fd = kconfig_open(spec->kernel_config);
	if (fd >= 0)
		*status = EXIT_OK;
	return fd;
}

/* Each initrd: its kind, the recompression, the report line, the warnings */
static int prep_each(const struct image_spec *spec, struct inputs *in, struct initrd_prep *prep,
		     enum initrd_compression target, int config, const char *config_name)
{
	size_t i;
	int status;

	for (i = 0; i < in->initrd_count; i++) {
		struct input_file *file = &in->initrds[i];

		memset(&prep[i], 0, sizeof(prep[i]));
		prep[i].source_size = file->size;
		if ((status = detect(file, &prep[i].source)) != EXIT_OK)
			return status;
		prep[i].stored = prep[i].source;
		if (!already_right(&prep[i].source, target)) {
			if ((status = recompress(file, &prep[i].source, target)) != EXIT_OK ||
			    (status = detect(file, &prep[i].stored)) != EXIT_OK)
				return status;
			prep[i].recompressed = 1;
		}
		/* with -o -, standard output holds the image */
		if (target != INITRD_COMPRESS_KEEP)
			fprintf(spec->output_path && !strcmp(spec->output_path, "-") ? stderr : stdout,
				"initrd '%s': %llu bytes %s -> %llu bytes %s%s\n", file->path,
			       (unsigned long long)prep[i].source_size, initrd_kind_name(prep[i].source.kind),
			       (unsigned long long)file->size, initrd_kind_name(prep[i].stored.kind),
			       prep[i].recompressed ? "" : " (kept as it is)");
		if (prep[i].stored.kernel_problem)
			report_print("warning: initrd '%s': %s: %s", file->path,
				     initrd_kind_name(prep[i].stored.kind), prep[i].stored.kernel_problem);
		else if (config >= 0)
			warn_config(config, config_name, file, &prep[i].stored);
	}
	return EXIT_OK;
}

int initrdprep_run(const struct image_spec *spec, struct inputs *in, struct initrd_prep *prep)
{
	enum initrd_compression target = (enum initrd_compression)spec->compress_initrd;
	char config_name[PATH_MAX + 32];
	int status = EXIT_OK, config = -1;
	size_t i;

	if (spec->kernel_config && in->initrd_count &&
	    (config = open_config(spec, in, config_name, sizeof(config_name), &status)) < 0)
		return status;
	status = prep_each(spec, in, prep, target, config, config_name);
	if (config >= 0)
		close(config);
	if (status != EXIT_OK)
		return status;
	in->initrd_region_size = 0;
	for (i = 0; i < in->initrd_count; i++)
		in->initrd_region_size += inputs_initrd_span(in, i);
	return EXIT_OK;
}
