/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The device-tree probes' report (report.h). */
#include "report.h"

void probe_puts(const char *text)
{
	while (*text)
		probe_putc(*text++);
}

void probe_hex(const char *key, uint64_t value)
{
	char digits[17];
	int i = 16;

	digits[i] = '\0';
	do {
		digits[--i] = "0123456789abcdef"[value & 0xf];
		value >>= 4;
	} while (value);
	probe_puts(key);
	probe_puts("=0x");
	probe_puts(digits + i);
	probe_puts("\n");
}

/* zlib's CRC-32 (reflected 0xedb88320), bit by bit: no table in data */
static uint32_t crc32(const uint8_t *p, uint64_t len)
{
	uint32_t crc = 0xffffffffu;
	int bit;

	while (len--) {
		crc ^= *p++;
		for (bit = 0; bit < 8; bit++)
			crc = crc >> 1 ^ (0xedb88320u & -(crc & 1));
	}
	return ~crc;
}

static uint64_t read_number(const uint8_t *value, uint32_t len)
{
	return len == 8 ? fdt_be64(value) : len == 4 ? fdt_be32(value) : 0;
}

static int ignore_prop(void *ctx, unsigned depth, const char *node, const char *name,
		       const uint8_t *value, uint32_t len)
{
	(void)ctx; (void)depth; (void)node; (void)name; (void)value; (void)len;
	return 0;
}

static void report_chosen(const struct fdt *fdt)
{
	const uint8_t *value, *end_value;
	uint32_t len, end_len;

	value = fdt_top_prop(fdt, "chosen", "bootargs", &len);
	probe_puts("cmdline=");
	if (value && len && value[len - 1] == '\0')
		probe_puts((const char *)value);
	probe_puts("\n");
	value = fdt_top_prop(fdt, "chosen", "linux,initrd-start", &len);
	end_value = fdt_top_prop(fdt, "chosen", "linux,initrd-end", &end_len);
	if (value && end_value) {
		uint64_t start = read_number(value, len), end = read_number(end_value, end_len);

		probe_hex("initrd_start", start);
		probe_hex("initrd_end", end);
		probe_hex("initrd_size", end - start);
		if (end > start)
			probe_hex("initrd_crc32", crc32((const uint8_t *)(uintptr_t)start, end - start));
	} else {
		probe_hex("initrd_start", 0);
		probe_hex("initrd_size", 0);
	}
	value = fdt_top_prop(fdt, "memory", "reg", &len);
	if (value && len >= 16) {
		probe_hex("memory_start", fdt_be64(value));
		probe_hex("memory_size", fdt_be64(value + 8));
	}
}

int probe_report_tree(uint64_t addr, struct fdt *fdt)
{
	/* the whole structure block must read: every token, name and value in bounds */
	if (!addr || addr % 8 || fdt_open(fdt, (const void *)(uintptr_t)addr, 0x200000) != FDT_OK ||
	    fdt_walk(fdt, ignore_prop, NULL) != FDT_OK) {
		probe_puts("fdt=bad\n");
		return -1;
	}
	probe_puts("fdt=ok\n");
	probe_hex("fdt_size", fdt->totalsize);
	report_chosen(fdt);
	return 0;
}
