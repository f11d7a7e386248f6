/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Helpers shared by the boot-info readers (multiboot.c, pvh.c, elfnotes.c,
 * coreboot.c): bounded reads of loader memory and the neutral memory map.
 * The stub runs with paging off, so it reaches only the low 4 GiB.
 */
#include "stub.h"

#define BOOTINFO_4G 0x100000000ull

/* Bytes readable from addr without passing 4 GiB, at most max (0: none) */
uint32_t bootinfo_span(uint64_t addr, uint32_t max)
{
	if (addr >= BOOTINFO_4G)
		return 0;
	if (BOOTINFO_4G - addr < max)
		return (uint32_t)(BOOTINFO_4G - addr);
	return max;
}

/* A loader's NUL-terminated string, bounded by STUB_LOADER_STRING_MAX; NULL if absent */
const char *bootinfo_string(uint64_t addr, uint32_t *len)
{
	const char *text;

	if (addr == 0 || bootinfo_span(addr, 1) == 0)
		return NULL;
	text = (const char *)(uintptr_t)addr;
	*len = (uint32_t)strnlen(text, bootinfo_span(addr, STUB_LOADER_STRING_MAX));
	return text;
}

/* One range in e820 numbering; empty ranges and those past the table are dropped */
void bootinfo_add_range(struct boot_info *info, uint64_t addr, uint64_t size, uint32_t type)
{
	struct boot_memory_range *range;

	if (size == 0 || info->range_count >= STUB_MEMORY_RANGES_MAX)
		return;
	range = &info->ranges[info->range_count++];
	range->addr = addr;
	range->size = size;
	range->type = type;
}
