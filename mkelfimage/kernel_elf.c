/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <sys/mman.h>

#include "kernel_elf.h"
#include "common/report.h"

int kernel_elf_read(const struct input_file *kernel, const struct elfimage_rules *rules,
		   kernel_elf_check_fn check, void *info, enum fmt_status *status,
		   struct fmt_error *err)
{
	struct elfimage_info *elf;
	void *map;

	/* the callers refuse 0 and sizes past SIZE_MAX with their own words */
	map = mmap(NULL, (size_t)kernel->size, PROT_READ, MAP_PRIVATE, kernel->fd, 0);
	if (map == MAP_FAILED)
		return report_errno(EXIT_BAD_INPUT, "kernel", kernel->path, "cannot map");
	if (!(elf = malloc(sizeof(*elf)))) {
		munmap(map, (size_t)kernel->size);
		return report_error(EXIT_IO, "out of memory");
	}
	*status = elfimage_parse(map, (size_t)kernel->size, elf, err);
	if (*status == FMT_OK)
		*status = elfimage_validate(elf, rules, err);
	if (*status == FMT_OK)
		*status = check(map, (size_t)kernel->size, elf, info, err);
	free(elf);
	munmap(map, (size_t)kernel->size);
	return EXIT_OK;
}
