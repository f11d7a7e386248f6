/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Alpha probe kernel: reads what a loader left in the Linux/Alpha
 * parameter page (formats/alpha.h: PARAM = START_ADDR - 0x6000) and prints
 * it as key=value lines on COM1, then halts (PAL_halt; QEMU exits):
 *
 *   mkelfimage-alpha-probe 1
 *   probe_start=0x...    its own START_ADDR (the lowest address it was linked at)
 *   param=0x...          the PARAM page it reads
 *   cmdline=TEXT         COMMAND_LINE, at most 255 characters
 *   initrd_start=0x...   INITRD_START (a KSEG address)
 *   initrd_size=0x...    INITRD_SIZE
 *   initrd_crc32=0x...   CRC-32 (zlib's) of those bytes, when size is not 0
 *   probe_done=1
 *
 * Only for QEMU's clipper machine: COM1 is reached through the Typhoon's PCI
 * I/O space, which the EV6 KSEG shows at 0xfffffd01fc000000 (qemu-palcode
 * core-typhoon.h: PIO_KSEG_ADDR + TYPHOON_PCHIP0_PCI_IO). Byte I/O needs BWX
 * (built -mcpu=ev67, QEMU's default CPU).
 */
#include <stdint.h>

#include "formats/alpha.h"

#define PROBE_REPORT_ID   "mkelfimage-alpha-probe 1"
#define PROBE_COM1        0xfffffd01fc0003f8ul
#define UART_LSR          5
#define UART_LSR_THRE     0x20

extern char _start[];
void probe_main(void);

static void serial_putc(char c)
{
	volatile uint8_t *com1 = (volatile uint8_t *)PROBE_COM1;

	while (!(com1[UART_LSR] & UART_LSR_THRE))
		;
	com1[0] = (uint8_t)c;
}

static void serial_puts(const char *text)
{
	while (*text)
		serial_putc(*text++);
}

static void print_key_hex(const char *key, uint64_t value)
{
	char digits[17];
	int i = 16;

	digits[i] = '\0';
	do {
		digits[--i] = "0123456789abcdef"[value & 0xf];
		value >>= 4;
	} while (value);
	serial_puts(key);
	serial_puts("=0x");
	serial_puts(digits + i);
	serial_putc('\n');
}

/* The text as it is in the page, bounded: a missing NUL shows as a cut line. */
static void print_cmdline(const volatile char *text)
{
	serial_puts("cmdline=");
	for (int i = 0; i < ALPHA_COMMAND_LINE_SIZE - 1 && text[i]; i++)
		serial_putc(text[i]);
	serial_putc('\n');
}

/* CRC-32 as zlib's crc32(): reflected polynomial 0xedb88320, bit by bit. */
static uint32_t crc32_bytes(const volatile uint8_t *bytes, uint64_t size)
{
	uint32_t crc = 0xffffffffu;

	for (uint64_t i = 0; i < size; i++) {
		crc ^= bytes[i];
		for (int bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
	}
	return ~crc;
}

void probe_main(void)
{
	uint64_t start = (uint64_t)_start;
	const volatile struct alpha_param_page *page =
		(const volatile struct alpha_param_page *)(start - ALPHA_PARAM_BELOW_START);

	serial_puts(PROBE_REPORT_ID "\n");
	print_key_hex("probe_start", start);
	print_key_hex("param", (uint64_t)page);
	print_cmdline(page->command_line);
	print_key_hex("initrd_start", page->initrd_start);
	print_key_hex("initrd_size", page->initrd_size);
	if (page->initrd_start && page->initrd_size)
		print_key_hex("initrd_crc32",
			      crc32_bytes((const volatile uint8_t *)page->initrd_start, page->initrd_size));
	serial_puts("probe_done=1\n");
}
