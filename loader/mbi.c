/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <string.h>

#include "formats/multiboot.h"
#include "mbi.h"

size_t mbi_size(const struct memmap *map, const char *cmdline)
{
	return sizeof(struct multiboot_info) + map->count * sizeof(struct multiboot_mmap_entry) +
	       strlen(cmdline) + 1 + sizeof(MBI_BOOT_LOADER_NAME);
}

/* Little-endian stores: the block is built on an x86 host for an x86 image. */
void mbi_write(uint8_t *out, uint64_t addr, const struct memmap *map, const char *cmdline,
	       struct mbi_layout *layout)
{
	struct multiboot_info info;
	size_t offset = sizeof(info), i;

	layout->info = addr;
	layout->mmap = addr + offset;
	for (i = 0; i < map->count; i++) {
		struct multiboot_mmap_entry entry;

		/* size counts the bytes after itself (3.3) */
		entry.size = sizeof(entry) - sizeof(entry.size);
		entry.addr = map->range[i].start;
		entry.len = map->range[i].end - map->range[i].start;
		entry.type = map->range[i].type;
		memcpy(out + offset, &entry, sizeof(entry));
		offset += sizeof(entry);
	}
	layout->mmap_length = (uint32_t)(map->count * sizeof(struct multiboot_mmap_entry));
	layout->cmdline = addr + offset;
	memcpy(out + offset, cmdline, strlen(cmdline) + 1);
	offset += strlen(cmdline) + 1;
	layout->loader_name = addr + offset;
	memcpy(out + offset, MBI_BOOT_LOADER_NAME, sizeof(MBI_BOOT_LOADER_NAME));
	offset += sizeof(MBI_BOOT_LOADER_NAME);
	layout->size = offset;

	memset(&info, 0, sizeof(info));
	info.flags = MULTIBOOT_INFO_MEMORY | MULTIBOOT_INFO_CMDLINE | MULTIBOOT_INFO_MEM_MAP |
		     MULTIBOOT_INFO_BOOT_LOADER_NAME;
	/* 3.3: mem_lower from 0 (at most 640 KiB), mem_upper from 1 MiB to the first hole */
	info.mem_lower = memmap_kib_from(map, 0, 640 * 1024);
	info.mem_upper = memmap_kib_from(map, 1024 * 1024, UINT64_C(0x100000000));
	info.cmdline = (uint32_t)layout->cmdline;
	info.mmap_length = layout->mmap_length;
	info.mmap_addr = (uint32_t)layout->mmap;
	info.boot_loader_name = (uint32_t)layout->loader_name;
	memcpy(out, &info, sizeof(info));
}
