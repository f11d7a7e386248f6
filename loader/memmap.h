/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The machine's memory map as the firmware gave it to the running kernel:
 * /sys/firmware/memmap (CONFIG_FIRMWARE_MEMMAP: one directory per entry with
 * start, end (inclusive) and type), else the top level of /proc/iomem.
 * Types are Multiboot v1 memory types (3.3 "mmap_*"), as the image gets them.
 */
#ifndef LOADER_MEMMAP_H
#define LOADER_MEMMAP_H

#include <stddef.h>
#include <stdint.h>

/* More entries than real firmware gives (e820 tables hold 128) */
#define MEMMAP_MAX 512

struct memmap_range {
	uint64_t start;
	uint64_t end;          /* exclusive */
	uint32_t type;         /* MULTIBOOT_MEMORY_* */
};

struct memmap {
	char source[4096];     /* the path it was read from */
	char problem[256];     /* why a map that exists cannot be used, "" when it can */
	size_t count;
	struct memmap_range range[MEMMAP_MAX];   /* sorted by start */
};

/*
 * Read the map from ROOT/sys/firmware/memmap, else ROOT/proc/iomem (ROOT ""
 * is the real machine). Returns 0, or -1 with a reason in why.
 */
int memmap_read(const char *root, struct memmap *map, char *why, size_t why_size);

/*
 * Whether [start, end) lies wholly in RAM (adjacent RAM entries join) and
 * touches no other range: firmware may list a reserved range inside RAM.
 */
int memmap_is_ram(const struct memmap *map, uint64_t start, uint64_t end);

/* KiB of RAM from address 0 and from 1 MiB, each contiguous (multiboot mem_lower/mem_upper). */
uint32_t memmap_kib_from(const struct memmap *map, uint64_t start, uint64_t limit);

#endif
