/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The riscv64 probe kernel: a RISC-V Image that reports what it was
 * entered with, as key=value lines on QEMU virt's NS16550, then powers the
 * machine off (SBI SRST):
 *
 *   mkelfimage-riscv64-probe 1
 *   load=0x...           where its first byte is (a 2 MiB boundary)
 *   a0=0x... a1=0x...    registers at entry (boot.rst: hart id, device tree)
 *   satp=0x...           0: MMU off
 *   a0_started=0|1       SBI HSM says hart a0 is STARTED: a0 is this hart
 *   harts_stopped=N      the other harts SBI HSM reports STOPPED
 *   fdt=ok|bad           the tree at a1 passes stubs/common/fdt.c's checks
 *   cmdline=TEXT         /chosen/bootargs
 *   initrd_start=0x...   /chosen/linux,initrd-start (and _end, _size)
 *   initrd_crc32=0x...   CRC-32 (zlib's) of those bytes
 *   probe_done=1
 */
#include <stddef.h>
#include <stdint.h>

#include "stubs/common/fdt.h"

#define PROBE_REPORT_ID  "mkelfimage-riscv64-probe 1"
#define PROBE_UART       0x10000000ul          /* QEMU virt's NS16550 */
#define SBI_EXT_HSM      0x48534dul
#define SBI_EXT_SRST     0x53525354ul
#define HARTS_PROBED     8

extern char _head[];
void probe_main(uint64_t a0, uint64_t a1, uint64_t satp);

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

/* ecall EXT/FID with one or two arguments; the error code in a0, the value in a1 */
static long sbi_call(unsigned long ext, unsigned long fid, unsigned long arg0, unsigned long arg1, long *value)
{
	register unsigned long a0 __asm__("a0") = arg0;
	register unsigned long a1 __asm__("a1") = arg1;
	register unsigned long a6 __asm__("a6") = fid;
	register unsigned long a7 __asm__("a7") = ext;

	__asm__ volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a6), "r"(a7) : "memory");
	if (value)
		*value = (long)a1;
	return (long)a0;
}

static void putc_uart(char c)
{
	volatile uint8_t *uart = (volatile uint8_t *)PROBE_UART;

	while (!(uart[5] & 0x20))
		;
	uart[0] = (uint8_t)c;
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
}

void probe_main(uint64_t a0, uint64_t a1, uint64_t satp)
{
	struct fdt fdt;
	long status = -1;
	unsigned hart, stopped = 0;

	puts_uart("\n" PROBE_REPORT_ID "\n");
	print_hex("load", (uint64_t)_head);
	print_hex("a0", a0);
	print_hex("a1", a1);
	print_hex("satp", satp);
	/* hart_get_status: error 0 and state 0 (STARTED) */
	print_hex("a0_started", sbi_call(SBI_EXT_HSM, 2, a0, 0, &status) == 0 && status == 0);
	for (hart = 0; hart < HARTS_PROBED; hart++)
		if (hart != a0 && sbi_call(SBI_EXT_HSM, 2, hart, 0, &status) == 0 && status == 1)
			stopped++;
	print_hex("harts_stopped", stopped);
	if (a1 && a1 % 8 == 0 && fdt_open(&fdt, (const void *)a1, 0x200000) == FDT_OK &&
	    fdt_walk(&fdt, ignore_prop, NULL) == FDT_OK) {
		puts_uart("fdt=ok\n");
		report_tree(&fdt);
	} else {
		puts_uart("fdt=bad\n");
	}
	puts_uart("probe_done=1\n");
	sbi_call(SBI_EXT_SRST, 0, 0, 0, NULL);   /* system_reset(shutdown, no reason) */
	for (;;)
		__asm__ volatile("wfi");
}
