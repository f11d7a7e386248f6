/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The arm64 probe kernel: an Image-format kernel that reports what it was
 * entered with, as key=value lines on QEMU virt's PL011, then powers the
 * machine off (PSCI SYSTEM_OFF through the conduit /psci names):
 *
 *   mkelfimage-arm64-probe 1
 *   el=N                 the exception level it runs at (1 or 2)
 *   mmu=0|1              SCTLR_ELx.M (booting.rst: must be 0)
 *   load=0x...           where its first byte is (2 MiB aligned + text_offset)
 *   x0=0x... x1= x2= x3= registers at entry (booting.rst: x0 = dtb, x1-x3 = 0)
 *   fdt=ok|bad           the device tree at x0 passes the header and
 *                        structure checks of stubs/common/fdt.c
 *   fdt_size=0x...       its totalsize
 *   cmdline=TEXT         /chosen/bootargs
 *   initrd_start=0x...   /chosen/linux,initrd-start (and _end, _size)
 *   initrd_crc32=0x...   CRC-32 (zlib's) of those bytes
 *   memory_start=0x...   the first /memory reg entry (2 address and 2 size
 *   memory_size=0x...    cells, as QEMU virt writes it)
 *   probe_done=1
 */
#include <stddef.h>
#include <stdint.h>

#include "stubs/common/fdt.h"

#define PROBE_REPORT_ID  "mkelfimage-arm64-probe 1"
#define PROBE_UART       0x09000000ul          /* QEMU virt's PL011 */
#define PL011_FR_TXFF    0x20
#define PSCI_SYSTEM_OFF  0x84000008u

extern char _head[];
void probe_main(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3, uint64_t el, uint64_t sctlr_el1);
uint64_t psci_call(uint32_t function, uint64_t use_smc);

void *memcpy(void *dest, const void *src, size_t len)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	while (len--)
		*d++ = *s++;
	return dest;
}

void *memset(void *dest, int value, size_t len)
{
	unsigned char *d = dest;

	while (len--)
		*d++ = (unsigned char)value;
	return dest;
}

int memcmp(const void *a, const void *b, size_t len)
{
	const unsigned char *x = a, *y = b;

	for (; len; len--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

static void putc_uart(char c)
{
	volatile uint32_t *uart = (volatile uint32_t *)PROBE_UART;

	while (uart[0x18 / 4] & PL011_FR_TXFF)
		;
	uart[0] = (uint32_t)(unsigned char)c;
}

static void puts_uart(const char *text)
{
	while (*text)
		putc_uart(*text++);
}

static void print_hex(const char *key, uint64_t value)
{
	char digits[17];
	int i = 16;

	digits[i] = '\0';
	do {
		digits[--i] = "0123456789abcdef"[value & 0xf];
		value >>= 4;
	} while (value);
	puts_uart(key);
	puts_uart("=0x");
	puts_uart(digits + i);
	puts_uart("\n");
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

/* The whole structure block reads: every token, name and value in bounds */
static int fdt_walk_ok(const struct fdt *fdt)
{
	return fdt_walk(fdt, ignore_prop, NULL) == FDT_OK;
}

static void report_tree(const struct fdt *fdt)
{
	const uint8_t *value, *end_value;
	uint32_t len, end_len;

	value = fdt_top_prop(fdt, "chosen", "bootargs", &len);
	puts_uart("cmdline=");
	if (value && len && value[len - 1] == '\0')
		puts_uart((const char *)value);
	puts_uart("\n");
	value = fdt_top_prop(fdt, "chosen", "linux,initrd-start", &len);
	end_value = fdt_top_prop(fdt, "chosen", "linux,initrd-end", &end_len);
	if (value && end_value) {
		uint64_t start = read_number(value, len), end = read_number(end_value, end_len);

		print_hex("initrd_start", start);
		print_hex("initrd_end", end);
		print_hex("initrd_size", end - start);
		if (end > start)
			print_hex("initrd_crc32", crc32((const uint8_t *)start, end - start));
	} else {
		print_hex("initrd_start", 0);
		print_hex("initrd_size", 0);
	}
	value = fdt_top_prop(fdt, "memory", "reg", &len);
	if (value && len >= 16) {
		print_hex("memory_start", fdt_be64(value));
		print_hex("memory_size", fdt_be64(value + 8));
	}
}

void probe_main(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3, uint64_t el, uint64_t sctlr_el1)
{
	struct fdt fdt;
	const uint8_t *method;
	uint32_t len;
	int use_smc = 0;
	uint64_t sctlr = sctlr_el1;

	if (el == 2)
		__asm__ volatile("mrs %0, sctlr_el2" : "=r"(sctlr));
	puts_uart("\n" PROBE_REPORT_ID "\n");
	print_hex("el", el);
	print_hex("mmu", sctlr & 1);
	print_hex("load", (uint64_t)_head);
	print_hex("x0", x0);
	print_hex("x1", x1);
	print_hex("x2", x2);
	print_hex("x3", x3);
	if (x0 && x0 % 8 == 0 && fdt_open(&fdt, (const void *)x0, 0x200000) == FDT_OK &&
	    fdt_walk_ok(&fdt)) {
		puts_uart("fdt=ok\n");
		print_hex("fdt_size", fdt.totalsize);
		report_tree(&fdt);
		method = fdt_top_prop(&fdt, "psci", "method", &len);
		use_smc = method && len >= 4 && !memcmp(method, "smc", 4);
	} else {
		puts_uart("fdt=bad\n");
	}
	puts_uart("probe_done=1\n");
	psci_call(PSCI_SYSTEM_OFF, (uint64_t)use_smc);
	for (;;)
		__asm__ volatile("wfi");
}
