/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer target: the YAML template reader (mkelfimage/template.c, on
 * libyaml). template_load reads a path, so the input goes to a memfd named
 * through /proc/self/fd. Errors are printed (report.c): run with
 * -close_fd_mask=2, as `make fuzz` does.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mkelfimage/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct template template;
	char path[64];
	size_t i;
	int fd = memfd_create("fuzz-template", 0);

	if (fd < 0)
		return 0;
	if (write(fd, data, size) == (ssize_t)size) {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		/* As options.c does: template_free after success and failure alike */
		if (template_load(path, &template) == 0)
			for (i = 0; i < template.count; i++)
				if (!template.entries[i].key)
					abort();
		template_free(&template);
	}
	close(fd);
	return 0;
}
