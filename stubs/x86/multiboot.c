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
	length = bootinfo_span(mbi->mmap_addr, length);

	while (length - offset >= 4 + MULTIBOOT_MMAP_ENTRY_MIN) {
		struct multiboot_mmap_entry entry;

		memcpy(&entry, base + offset, sizeof(entry));
		if (entry.size < MULTIBOOT_MMAP_ENTRY_MIN || entry.size > length - offset - 4)
			break;
		bootinfo_add_range(info, entry.addr, entry.len, entry.type);
		offset += entry.size + 4;
	}
}

/* 3.3 mem_lower/mem_upper (KiB): RAM below 640 KiB and from 1 MiB */
static void multiboot_read_mem(const struct multiboot_info *mbi, struct boot_info *info)
{
	uint32_t lower = mbi->mem_lower;

	if (lower > MULTIBOOT_LOW_MEMORY_MAX)
		lower = MULTIBOOT_LOW_MEMORY_MAX;
	bootinfo_add_range(info, 0, (uint64_t)lower << 10, MULTIBOOT_MEMORY_AVAILABLE);
	bootinfo_add_range(info, MULTIBOOT_HIGH_MEMORY_BASE, (uint64_t)mbi->mem_upper << 10,
			    MULTIBOOT_MEMORY_AVAILABLE);
}

/* 3.3 mods_*: the first module is an initrd candidate (initrd.c decides) */
static void multiboot_read_modules(const struct multiboot_info *mbi, struct boot_info *info)
{
	struct multiboot_module module;

	if (mbi->mods_count == 0 || bootinfo_span(mbi->mods_addr, sizeof(module)) < sizeof(module))
		return;
	memcpy(&module, (const void *)(uintptr_t)mbi->mods_addr, sizeof(module));
	if (module.mod_end <= module.mod_start)
		return;
	info->module_count = mbi->mods_count;
	info->module_addr = module.mod_start;
	info->module_size = module.mod_end - module.mod_start;
}

int multiboot_read(uint32_t info_addr, struct boot_info *info)
{
	struct multiboot_info mbi;

	if (info_addr == 0 || bootinfo_span(info_addr, sizeof(mbi)) < sizeof(mbi))
		return -1;
	/* a copy: the loader's structure may be unaligned and is read once */
	memcpy(&mbi, (const void *)(uintptr_t)info_addr, sizeof(mbi));

	if (mbi.flags & MULTIBOOT_INFO_CMDLINE)
		info->cmdline = bootinfo_string(mbi.cmdline, &info->cmdline_len);
	if (mbi.flags & MULTIBOOT_INFO_BOOT_LOADER_NAME)
		info->loader_name = bootinfo_string(mbi.boot_loader_name, &info->loader_name_len);

	if (mbi.flags & MULTIBOOT_INFO_MODS)
		multiboot_read_modules(&mbi, info);
	if (mbi.flags & MULTIBOOT_INFO_MEM_MAP)
		multiboot_read_mmap(&mbi, info);
	if (info->range_count == 0 && (mbi.flags & MULTIBOOT_INFO_MEMORY))
		multiboot_read_mem(&mbi, info);
	return 0;
}
