/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "formats/digestnote.h"
#include "formats/setupnote.h"
#include "common/report.h"
#include "setupnote.h"

int setupnote_add(struct plan *plan, const struct inputs *in)
{
	uint64_t len = in->bzimage.pm_offset;
	uint8_t *setup;
	size_t done = 0;
	int status = EXIT_OK;

	/* a vmlinux has no real-mode part: no note, and extract refuses the image */
	if (in->kernel_kind == KERNEL_VMLINUX)
		return EXIT_OK;
	if (len > SETUPNOTE_MAX_BYTES)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': real-mode part of %llu bytes, more than 65 sectors",
				    in->kernel.path, (unsigned long long)len);
	if (!(setup = malloc(len ? (size_t)len : 1)))
		return report_error(EXIT_IO, "out of memory");
	while (done < len && status == EXIT_OK) {
		ssize_t got = pread(in->kernel.fd, setup + done, (size_t)len - done, (off_t)done);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			status = report_errno(EXIT_IO, "kernel", in->kernel.path, "cannot read");
		else
			done += (size_t)got;
	}
	if (status == EXIT_OK &&
	    notes_add(&plan->notes, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_KERNEL_SETUP, setup, (size_t)len) < 0)
		status = report_error(EXIT_IO, "out of memory");
	free(setup);
	return status;
}
