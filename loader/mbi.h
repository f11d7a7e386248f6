/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Multiboot v1 information bootelf gives the image (Multiboot
 * Specification 0.6.96, 3.3 "Boot information format"): mem_lower and
 * mem_upper, the memory map, the command line and the boot loader name
 * "bootelf" (flags 0, 2, 6, 9). Every address in it is 32 bits: the block
 * is placed below 4 GiB.
 */
#ifndef LOADER_MBI_H
#define LOADER_MBI_H

#include <stddef.h>
#include <stdint.h>

#include "memmap.h"

#define MBI_BOOT_LOADER_NAME "bootelf"

/* Addresses of the parts, for the plan report */
struct mbi_layout {
	uint64_t info;         /* struct multiboot_info, what EBX gets */
	uint64_t mmap;
	uint32_t mmap_length;  /* bytes */
	uint64_t cmdline;
	uint64_t loader_name;
	size_t size;           /* bytes from info to the end of the name */
};

/* Bytes the block needs for this map and command line. */
size_t mbi_size(const struct memmap *map, const char *cmdline);

/*
 * Write the block at out (mbi_size bytes, zeroed by the caller), which will
 * be loaded at physical address addr (below 4 GiB, 8-byte aligned).
 */
void mbi_write(uint8_t *out, uint64_t addr, const struct memmap *map, const char *cmdline,
	       struct mbi_layout *layout);

#endif
