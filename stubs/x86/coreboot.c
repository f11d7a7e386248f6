/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The coreboot table (formats/coreboot.h): given by modern coreboot as the
 * payload's C argument, or found by scanning [0, 4 KiB) and [0xf0000, 1 MiB)
 * for "LBIO" (older coreboot, or any loader that passes nothing under
 * coreboot firmware). Checksums first, then one small reader per record;
 * one LB_TAG_FORWARD is followed, never more.
 */
#include "stub.h"
#include "formats/coreboot.h"
#include "formats/ipsum.h"

/* A table larger than this is not believed */
#define COREBOOT_TABLE_MAX_BYTES   0x100000u

/* A valid header at addr: signature, size, both checksums, record count */
static int coreboot_header_valid(uint32_t addr)
{
	struct lb_header header;
	const uint8_t *base = (const uint8_t *)(uintptr_t)addr;
	uint32_t offset = 0, count = 0;

	if (bootinfo_span(addr, sizeof(header)) < sizeof(header))
		return 0;
	memcpy(&header, base, sizeof(header));
	if (memcmp(header.signature, LB_HEADER_SIGNATURE, 4) != 0 ||
	    header.header_bytes != sizeof(header) || ipsum(base, sizeof(header)) != 0 ||
	    header.table_bytes > COREBOOT_TABLE_MAX_BYTES ||
	    bootinfo_span((uint64_t)addr + sizeof(header), header.table_bytes) < header.table_bytes ||
	    ipsum(base + sizeof(header), header.table_bytes) != (uint16_t)header.table_checksum)
		return 0;
	/* the records fill table_bytes exactly, table_entries of them */
	while (header.table_bytes - offset >= sizeof(struct lb_record)) {
		struct lb_record record;

		memcpy(&record, base + sizeof(header) + offset, sizeof(record));
		if (record.size < sizeof(record) || record.size > header.table_bytes - offset)
			return 0;
		offset += record.size;
		count++;
	}
	return offset == header.table_bytes && count == header.table_entries;
}

static uint32_t coreboot_scan_area(uint32_t start, uint32_t end)
{
	uint32_t addr;

	for (addr = start; addr < end; addr += LB_HEADER_ALIGN)
		if (coreboot_header_valid(addr))
			return addr;
	return 0;
}

/* The header the first record forwards to, if that record is LB_TAG_FORWARD */
static uint32_t coreboot_forward(uint32_t addr)
{
	struct lb_forward forward;
	const uint8_t *first = (const uint8_t *)(uintptr_t)addr + sizeof(struct lb_header);
	struct lb_header header;

	memcpy(&header, (const void *)(uintptr_t)addr, sizeof(header));
	if (header.table_bytes < sizeof(forward))
		return addr;
	memcpy(&forward, first, sizeof(forward));
	if (forward.tag != LB_TAG_FORWARD || forward.size < sizeof(forward) || forward.forward_hi ||
	    !coreboot_header_valid(forward.forward_lo))
		return addr;
	return forward.forward_lo;
}

/* A valid table at addr (after one forward), or 0 */
uint32_t coreboot_table_at(uint32_t addr)
{
	if (addr == 0 || !coreboot_header_valid(addr))
		return 0;
	return coreboot_forward(addr);
}

uint32_t coreboot_find(void)
{
	uint32_t addr = coreboot_scan_area(LB_LOW_SCAN_START, LB_LOW_SCAN_END);

	if (addr == 0)
		addr = coreboot_scan_area(LB_HIGH_SCAN_START, LB_HIGH_SCAN_END);
	return addr ? coreboot_forward(addr) : 0;
}

/* Types 1..5 are e820's; vendor-reserved and the tables themselves are reserved */
static uint32_t coreboot_e820_type(uint32_t type)
{
	return type >= LB_MEM_RAM && type <= LB_MEM_UNUSABLE ? type : E820_TYPE_RESERVED;
}

static void coreboot_read_memory(const uint8_t *record, uint32_t size, struct boot_info *info)
{
	uint32_t offset;

	for (offset = sizeof(struct lb_record); size - offset >= sizeof(struct lb_memory_range);
	     offset += sizeof(struct lb_memory_range)) {
		struct lb_memory_range range;

		memcpy(&range, record + offset, sizeof(range));
		bootinfo_add_range(info, (uint64_t)range.start_hi << 32 | range.start_lo,
				   (uint64_t)range.size_hi << 32 | range.size_lo,
				   coreboot_e820_type(range.type));
	}
}

static void coreboot_read_rsdp(const uint8_t *record, uint32_t size, struct boot_info *info)
{
	struct lb_acpi_rsdp rsdp;

	if (size < sizeof(rsdp))
		return;
	memcpy(&rsdp, record, sizeof(rsdp));
	info->rsdp_addr = (uint64_t)rsdp.rsdp_hi << 32 | rsdp.rsdp_lo;
}

/* The table at addr was validated by coreboot_table_at or coreboot_find */
void coreboot_read(uint32_t addr, struct boot_info *info)
{
	struct lb_header header;
	const uint8_t *records = (const uint8_t *)(uintptr_t)addr + sizeof(header);
	uint32_t offset = 0;

	memcpy(&header, (const void *)(uintptr_t)addr, sizeof(header));
	while (header.table_bytes - offset >= sizeof(struct lb_record)) {
		struct lb_record record;

		memcpy(&record, records + offset, sizeof(record));
		if (record.tag == LB_TAG_MEMORY)
			coreboot_read_memory(records + offset, record.size, info);
		else if (record.tag == LB_TAG_ACPI_RSDP)
			coreboot_read_rsdp(records + offset, record.size, info);
		offset += record.size;
	}
}
