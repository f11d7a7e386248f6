/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "formats/digestnote.h"
#include "formats/setupnote.h"
#include "common/fdio.h"
#include "common/report.h"
#include "setupnote.h"

int setupnote_add(struct plan *plan, const struct inputs *in)
{
	uint64_t len = in->kernel.head_size;
	uint8_t *setup;
	int status = EXIT_OK;

	/* no head (a vmlinux): no note, and extract refuses the image */
	if (!len)
		return EXIT_OK;
	if (len > SETUPNOTE_MAX_BYTES)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': real-mode part of %llu bytes, more than 65 sectors",
				    in->kernel_file.path, (unsigned long long)len);
	if (!(setup = malloc((size_t)len)))
		return report_error(EXIT_IO, "out of memory");
	if (in->kernel.head_bytes)
		memcpy(setup, in->kernel.head_bytes, (size_t)len);
	else if (fdio_read_at(in->kernel_file.fd, setup, (size_t)len, 0) != (ssize_t)len)
		status = report_errno(EXIT_IO, "kernel", in->kernel_file.path, "cannot read");
	if (status == EXIT_OK &&
	    notes_add(&plan->notes, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_KERNEL_SETUP, setup, (size_t)len) < 0)
		status = report_error(EXIT_IO, "out of memory");
	free(setup);
	return status;
}
