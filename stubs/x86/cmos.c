/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The last resort for memory information on a PC: the sizes a PC BIOS (and
 * QEMU) store in the CMOS NVRAM of the MC146818 RTC. Used only when the
 * loader gave no memory map and no coreboot table exists (kexec-tools'
 * elf-x86 and iPXE's ELF loader pass none); the stub says so on COM1. It
 * knows nothing of reserved holes below the top of RAM: the kernel finds
 * and keeps its BIOS and ACPI areas itself.
 */
#include "stub.h"

#define CMOS_INDEX_PORT      0x70
#define CMOS_DATA_PORT       0x71
#define CMOS_BASE_KIB        0x15   /* word: KiB of RAM below 1 MiB */
#define CMOS_EXT_KIB         0x30   /* word: KiB of RAM from 1 MiB (at most 0xffff) */
#define CMOS_HIGH_64KIB      0x34   /* word: 64 KiB blocks of RAM from 16 MiB (AMI, QEMU) */
#define CMOS_BASE_MAX_KIB    640u
#define CMOS_1M              0x100000ull
#define CMOS_16M             0x1000000ull

static uint8_t cmos_read(uint8_t index)
{
	uint8_t value;

	__asm__ volatile("outb %0, %1" : : "a"(index), "Nd"((uint16_t)CMOS_INDEX_PORT));
	__asm__ volatile("inb %1, %0" : "=a"(value) : "Nd"((uint16_t)CMOS_DATA_PORT));
	return value;
}

static uint32_t cmos_read_word(uint8_t index)
{
	return (uint32_t)cmos_read(index) | (uint32_t)cmos_read((uint8_t)(index + 1)) << 8;
}

/* RAM below 640 KiB, from 1 MiB, and from 16 MiB; 0 if CMOS gave any */
int cmos_read_memory(struct boot_info *info)
{
	uint64_t base = (uint64_t)cmos_read_word(CMOS_BASE_KIB) << 10;
	uint64_t ext = (uint64_t)cmos_read_word(CMOS_EXT_KIB) << 10;
	uint64_t high = (uint64_t)cmos_read_word(CMOS_HIGH_64KIB) << 16;

	if (base > (uint64_t)CMOS_BASE_MAX_KIB << 10)
		base = (uint64_t)CMOS_BASE_MAX_KIB << 10;
	/* with a size from 16 MiB, the 1 MiB count is capped at 15 MiB */
	if (high && ext > CMOS_16M - CMOS_1M)
		ext = CMOS_16M - CMOS_1M;
	bootinfo_add_range(info, 0, base, E820_TYPE_RAM);
	bootinfo_add_range(info, CMOS_1M, ext, E820_TYPE_RAM);
	if (high && ext == CMOS_16M - CMOS_1M)
		bootinfo_add_range(info, CMOS_16M, high, E820_TYPE_RAM);
	return info->range_count ? 0 : -1;
}
