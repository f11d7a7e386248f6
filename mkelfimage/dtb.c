/* SPDX-License-Identifier: GPL-2.0-or-later */
/* --dtb FILE (dtb.h). */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "common/fdio.h"
#include "common/report.h"
#include "dtb.h"
#include "formats/fdtstub.h"
#include "inputfile.h"
#include "stubs/common/fdt.h"

static int ignore_prop(void *ctx, unsigned depth, const char *node, const char *name,
		       const uint8_t *value, uint32_t len)
{
	(void)ctx; (void)depth; (void)node; (void)name; (void)value; (void)len;
	return 0;
}

static const char *fdt_problem(enum fdt_status status)
{
	switch (status) {
	case FDT_ERR_MAGIC:
		return "no device tree magic 0xd00dfeed at offset 0";
	case FDT_ERR_HEADER:
		return "its header puts a block, or totalsize, outside the file";
	case FDT_ERR_VERSION:
		return "last_comp_version above 17 or version below 16: a format this reader does not know";
	case FDT_ERR_STRUCT:
		return "a token, name or value runs out of the structure block";
	default:
		return "not a valid device tree";
	}
}

int dtb_read(const char *path, uint8_t **bytes, uint64_t *size)
{
	struct input_file file = { .fd = -1 };
	enum fdt_status fdt_status;
	struct fdt fdt;
	ssize_t got;
	int status = input_file_open(&file, "device tree", path);

	*bytes = NULL;
	if (status == EXIT_OK && (file.size == 0 || file.size > FDT_STUB_DTB_MAX))
		status = report_error(EXIT_BAD_INPUT, "device tree '%s': %llu bytes; booting.rst allows 1 to 2 MiB",
				      path, (unsigned long long)file.size);
	if (status == EXIT_OK && !(*bytes = malloc(file.size)))
		status = report_error(EXIT_IO, "out of memory");
	if (status == EXIT_OK) {
		got = fdio_read_at(file.fd, *bytes, file.size, 0);
		if (got < 0 || (uint64_t)got != file.size)
			status = report_errno(EXIT_IO, "device tree", path, "cannot read");
	}
	if (status == EXIT_OK &&
	    ((fdt_status = fdt_open(&fdt, *bytes, file.size)) != FDT_OK ||
	     (fdt_status = fdt_walk(&fdt, ignore_prop, NULL)) != FDT_OK))
		status = report_error(EXIT_BAD_INPUT, "device tree '%s': %s", path, fdt_problem(fdt_status));
	if (file.fd >= 0)
		close(file.fd);
	if (status != EXIT_OK) {
		free(*bytes);
		*bytes = NULL;
		return status;
	}
	*size = fdt.totalsize;
	return EXIT_OK;
}
