/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The device-tree stubs' one output: text on the arch's UART
 * (arch_console_putc), and the error line that ends a failed boot.
 */
#include "fdtstub.h"

void console_puts(const char *text)
{
	for (; *text; text++) {
		if (*text == '\n')
			arch_console_putc('\r');
		arch_console_putc(*text);
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

void stub_fail(const char *text)
{
	console_puts("mkelfimage stub: ");
	console_puts(text);
	console_puts("\n");
	arch_halt();
}

void stub_fail_hex(const char *text, uint64_t value)
{
	console_puts("mkelfimage stub: ");
	console_puts(text);
	console_hex(value);
	console_puts("\n");
	arch_halt();
}
