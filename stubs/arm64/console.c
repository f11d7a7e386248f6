/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The stub's one output: a PL011 UART (ARM PrimeCell UART PL011 TRM:
 * UARTDR at 0x00, UARTFR at 0x18, TXFF bit 5), at the address mkelfimage
 * recorded (QEMU virt's 0x09000000), already set up by QEMU or U-Boot.
 */
#include "stub.h"

#define PL011_DR       0x00
#define PL011_FR       0x18
#define PL011_FR_TXFF  0x20

static void console_putc(char c)
{
	volatile uint32_t *uart = (volatile uint32_t *)stub_params.uart_base;

	if (!uart)
		return;
	while (uart[PL011_FR / 4] & PL011_FR_TXFF)
		;
	uart[PL011_DR / 4] = (uint32_t)(unsigned char)c;
}

void console_puts(const char *text)
{
	for (; *text; text++) {
		if (*text == '\n')
			console_putc('\r');
		console_putc(*text);
	}
}

void console_hex(uint64_t value)
{
	char digits[19];
	int i = 18;

	digits[i] = '\0';
	do {
		digits[--i] = "0123456789abcdef"[value & 0xf];
		value >>= 4;
	} while (value);
	digits[--i] = 'x';
	digits[--i] = '0';
	console_puts(digits + i);
}

static void halt(void)
{
	for (;;)
		__asm__ volatile("wfi");
}

void stub_fail(const char *text)
{
	console_puts("mkelfimage stub: ");
	console_puts(text);
	console_puts("\n");
	halt();
	__builtin_unreachable();
}

void stub_fail_hex(const char *text, uint64_t value)
{
	console_puts("mkelfimage stub: ");
	console_puts(text);
	console_hex(value);
	console_puts("\n");
	halt();
	__builtin_unreachable();
}
