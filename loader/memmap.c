/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/multiboot.h"
#include "memmap.h"

/* The names Linux gives e820 types (arch/x86/kernel/e820.c e820_type_to_string). */
static uint32_t memmap_type(const char *name)
{
	if (strcmp(name, "System RAM") == 0)
		return MULTIBOOT_MEMORY_AVAILABLE;
	if (strcmp(name, "ACPI Tables") == 0)
		return MULTIBOOT_MEMORY_ACPI_RECLAIMABLE;
	if (strcmp(name, "ACPI Non-volatile Storage") == 0)
		return MULTIBOOT_MEMORY_NVS;
	if (strcmp(name, "Unusable memory") == 0)
		return MULTIBOOT_MEMORY_BADRAM;
	return MULTIBOOT_MEMORY_RESERVED;
}

/* One entry, `name` naming it in a problem (a sysfs folder, an iomem line) */
static int memmap_add(struct memmap *map, uint64_t start, uint64_t last, const char *type,
		      const char *name)
{
	struct memmap_range *range;

	if (last < start) {
		snprintf(map->problem, sizeof(map->problem), "entry %s ends at 0x%" PRIx64 ", below its start 0x%" PRIx64,
			 name, last, start);
		return -1;
	}
	if (map->count == MEMMAP_MAX) {
		snprintf(map->problem, sizeof(map->problem), "more than %d entries", MEMMAP_MAX);
		return -1;
	}
	range = &map->range[map->count++];
	range->start = start;
	range->end = last == UINT64_MAX ? UINT64_MAX : last + 1;
	range->type = memmap_type(type);
	return 0;
}

/* One line of a sysfs attribute, without its newline. */
static int read_line(const char *path, char *line, size_t size)
{
	FILE *file = fopen(path, "r");
	int ok;

	if (!file)
		return -1;
	ok = fgets(line, (int)size, file) != NULL;
	fclose(file);
	if (!ok)
		return -1;
	line[strcspn(line, "\n")] = '\0';
	return 0;
}

static int read_sysfs(const char *dir_path, struct memmap *map)
{
	DIR *dir = opendir(dir_path);
	struct dirent *entry;
	int status = 0;

	if (!dir)
		return -1;
	while (status == 0 && (entry = readdir(dir)) != NULL) {
		char path[4096 + 320], start[64], end[64], type[128];

		if (entry->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s/start", dir_path, entry->d_name);
		status = read_line(path, start, sizeof(start));
		snprintf(path, sizeof(path), "%s/%s/end", dir_path, entry->d_name);
		status |= read_line(path, end, sizeof(end));
		snprintf(path, sizeof(path), "%s/%s/type", dir_path, entry->d_name);
		status |= read_line(path, type, sizeof(type));
		if (status == 0)
			status = memmap_add(map, strtoull(start, NULL, 16), strtoull(end, NULL, 16), type,
					    entry->d_name);
	}
	closedir(dir);
	return status != 0 || map->count == 0 ? -1 : 0;
}

/* Top-level lines only ("00100000-bffdffff : System RAM"): children are not firmware's. */
static int read_iomem(const char *path, struct memmap *map)
{
	FILE *file = fopen(path, "r");
	char line[256];
	int status = 0;

	if (!file)
		return -1;
	while (status == 0 && fgets(line, sizeof(line), file)) {
		unsigned long long start, last;
		char type[128];

		if (line[0] == ' ' || sscanf(line, "%llx-%llx : %127[^\n]", &start, &last, type) != 3)
			continue;
		line[strcspn(line, "\n")] = '\0';
		status = memmap_add(map, start, last, type, line);
	}
	fclose(file);
	/* Without CAP_SYS_ADMIN every address reads 0 */
	if (status == 0 && map->count > 0 && map->range[map->count - 1].start == 0)
		status = -1;
	return status != 0 || map->count == 0 ? -1 : 0;
}

static int by_start(const void *a, const void *b)
{
	const struct memmap_range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

int memmap_read(const char *root, struct memmap *map, char *why, size_t why_size)
{
	char sysfs[4096];

	snprintf(sysfs, sizeof(sysfs), "%s/sys/firmware/memmap", root);
	snprintf(map->source, sizeof(map->source), "%s", sysfs);
	map->count = 0;
	map->problem[0] = '\0';
	if (read_sysfs(sysfs, map) != 0 && !map->problem[0]) {
		map->count = 0;
		snprintf(map->source, sizeof(map->source), "%s/proc/iomem", root);
		if (read_iomem(map->source, map) != 0 && !map->problem[0]) {
			snprintf(why, why_size, "no memory map in %s nor %s (CONFIG_FIRMWARE_MEMMAP, root)",
				 sysfs, map->source);
			return -1;
		}
	}
	/* a map that is there but wrong is reported as it is, not as missing */
	if (map->problem[0]) {
		snprintf(why, why_size, "memory map %s: %s", map->source, map->problem);
		return -1;
	}
	qsort(map->range, map->count, sizeof(map->range[0]), by_start);
	return 0;
}

int memmap_is_ram(const struct memmap *map, uint64_t start, uint64_t end)
{
	size_t i;

	for (i = 0; i < map->count; i++)
		if (map->range[i].type != MULTIBOOT_MEMORY_AVAILABLE &&
		    map->range[i].start < end && map->range[i].end > start)
			return 0;
	for (i = 0; i < map->count && start < end; i++) {
		const struct memmap_range *range = &map->range[i];

		if (range->type != MULTIBOOT_MEMORY_AVAILABLE || range->end <= start)
			continue;
		if (range->start > start)
			return 0;
		start = range->end;
	}
	return start >= end;
}

uint32_t memmap_kib_from(const struct memmap *map, uint64_t start, uint64_t limit)
{
	uint64_t end = start;
	size_t i;

	for (i = 0; i < map->count; i++) {
		const struct memmap_range *range = &map->range[i];

		if (range->type == MULTIBOOT_MEMORY_AVAILABLE && range->start <= end &&
		    range->end > end)
			end = range->end;
	}
	if (end > limit)
		end = limit;
	return (uint32_t)((end - start) >> 10);
}
