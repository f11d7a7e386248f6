/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Multiboot v1 boot information (formats/multiboot.h; Multiboot 0.6.96
 * section 3.3) read into a struct boot_info. Every count and length the
 * loader gives is clamped, and no read goes past 4 GiB.
 */
#include "stub.h"

/* A memory map larger than this is not believed (entries of 24 bytes: ~2700) */
#define MULTIBOOT_MMAP_MAX_BYTES   0x10000u
#define MULTIBOOT_MMAP_ENTRY_MIN   20u       /* addr, len, type after `size` */
#define MULTIBOOT_LOW_MEMORY_MAX   640u      /* KiB: mem_lower above this is bogus */
#define MULTIBOOT_HIGH_MEMORY_BASE 0x100000u

/* Bytes readable from addr without passing 4 GiB, at most max */
static uint32_t multiboot_span(uint32_t addr, uint32_t max)
{
	uint32_t to_top = 0xffffffffu - addr + 1;   /* 0 when addr == 0 means 4 GiB */

	if (to_top != 0 && to_top < max)
		return to_top;
	return max;
}

/* A NUL-terminated loader string, bounded by STUB_LOADER_STRING_MAX */
static const char *multiboot_string(uint32_t addr, uint32_t *len)
{
	const char *text = (const char *)(uintptr_t)addr;

	if (addr == 0)
		return NULL;
	*len = (uint32_t)strnlen(text, multiboot_span(addr, STUB_LOADER_STRING_MAX));
	return text;
}

static void multiboot_add_range(struct boot_info *info, uint64_t addr, uint64_t size,
				uint32_t type)
{
	struct boot_memory_range *range;

	if (size == 0 || info->range_count >= STUB_MEMORY_RANGES_MAX)
		return;
	range = &info->ranges[info->range_count++];
	range->addr = addr;
	range->size = size;
	range->type = type;     /* multiboot and e820 types agree on 1..5 */
}

/*
 * 3.3 mmap_*: each entry is `size` bytes after the size field itself, so the
 * walk steps by size + 4; an entry too short for addr/len/type ends it.
 */
static void multiboot_read_mmap(const struct multiboot_info *mbi, struct boot_info *info)
{
	const uint8_t *base = (const uint8_t *)(uintptr_t)mbi->mmap_addr;
	uint32_t length = mbi->mmap_length;
	uint32_t offset = 0;

	if (mbi->mmap_addr == 0)
		return;
	if (length > MULTIBOOT_MMAP_MAX_BYTES)
		length = MULTIBOOT_MMAP_MAX_BYTES;
	length = multiboot_span(mbi->mmap_addr, length);

	while (length - offset >= 4 + MULTIBOOT_MMAP_ENTRY_MIN) {
		struct multiboot_mmap_entry entry;

		memcpy(&entry, base + offset, sizeof(entry));
		if (entry.size < MULTIBOOT_MMAP_ENTRY_MIN || entry.size > length - offset - 4)
			break;
		multiboot_add_range(info, entry.addr, entry.len, entry.type);
		offset += entry.size + 4;
	}
}

/* 3.3 mem_lower/mem_upper (KiB): RAM below 640 KiB and from 1 MiB */
static void multiboot_read_mem(const struct multiboot_info *mbi, struct boot_info *info)
{
	uint32_t lower = mbi->mem_lower;

	if (lower > MULTIBOOT_LOW_MEMORY_MAX)
		lower = MULTIBOOT_LOW_MEMORY_MAX;
	multiboot_add_range(info, 0, (uint64_t)lower << 10, MULTIBOOT_MEMORY_AVAILABLE);
	multiboot_add_range(info, MULTIBOOT_HIGH_MEMORY_BASE, (uint64_t)mbi->mem_upper << 10,
			    MULTIBOOT_MEMORY_AVAILABLE);
}

int multiboot_read(uint32_t info_addr, struct boot_info *info)
{
	struct multiboot_info mbi;

	if (info_addr == 0 || multiboot_span(info_addr, sizeof(mbi)) < sizeof(mbi))
		return -1;
	/* a copy: the loader's structure may be unaligned and is read once */
	memcpy(&mbi, (const void *)(uintptr_t)info_addr, sizeof(mbi));

	if (mbi.flags & MULTIBOOT_INFO_CMDLINE)
		info->cmdline = multiboot_string(mbi.cmdline, &info->cmdline_len);
	if (mbi.flags & MULTIBOOT_INFO_BOOT_LOADER_NAME)
		info->loader_name = multiboot_string(mbi.boot_loader_name, &info->loader_name_len);

	if (mbi.flags & MULTIBOOT_INFO_MEM_MAP)
		multiboot_read_mmap(&mbi, info);
	if (info->range_count == 0 && (mbi.flags & MULTIBOOT_INFO_MEMORY))
		multiboot_read_mem(&mbi, info);
	return 0;
}
