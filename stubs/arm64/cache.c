/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * booting.rst: the kernel image, the device tree and the initrd must be
 * cleaned to the PoC when a loader ran with the D-cache on (U-Boot does).
 * Done by VA, one D-cache line at a time (CTR_EL0.DminLine: log2 of the
 * smallest line in words); harmless with the MMU off.
 */
#include "stubs/common/fdtstub.h"

void cache_clean_range(uint64_t addr, uint64_t size)
{
	uint64_t ctr, line, end = addr + size;

	__asm__ volatile("mrs %0, ctr_el0" : "=r"(ctr));
	line = 4ull << ((ctr >> 16) & 0xf);
	for (addr &= ~(line - 1); addr < end; addr += line)
		__asm__ volatile("dc civac, %0" : : "r"(addr) : "memory");
	__asm__ volatile("dsb sy" : : : "memory");
}
