/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer target: the bzImage setup header parser (formats/bzimage.c).
 * The input is a whole kernel file. As mkelfimage/inputs.c does, the parser
 * gets the first BZIMAGE_HEADER_BYTES of it and the file's size; a second call
 * claims a file of 1 TiB more, so the size arithmetic sees huge values too.
 * Every success must describe a kernel that lies inside the file.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "formats/bzimage.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void parse_as(const uint8_t *data, size_t len, uint64_t file_size)
{
	struct bzimage_info info;
	struct fmt_error err;

	if (bzimage_parse(data, len, file_size, &info, &err) != FMT_OK) {
		/* an error is one clause: no newline, terminated */
		if (!memchr(err.why, '\0', sizeof(err.why)) || strchr(err.why, '\n') || !err.where)
			abort();
		return;
	}
	if (info.pm_offset > file_size || info.pm_size != file_size - info.pm_offset ||
	    info.setup_header_len > sizeof(info.setup_header))
		abort();
	bzimage_validate(&info, &err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len = size < BZIMAGE_HEADER_BYTES ? size : BZIMAGE_HEADER_BYTES;

	parse_as(data, len, size);
	parse_as(data, len, (uint64_t)size + ((uint64_t)1 << 40));
	return 0;
}
