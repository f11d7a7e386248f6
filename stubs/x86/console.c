/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Lines on COM1, for failures and warnings only: the success path is silent,
 * unless the boot log is asked for (bootlog.c: "mkelfimage stub log: ").
 * The UART is used as the loader or firmware left it (never reprogrammed);
 * without a UART the bounded wait below lets the stub go on regardless.
 */
#include "stub.h"

#define CONSOLE_PORT          0x3f8          /* COM1 data register */
#define CONSOLE_LSR           (CONSOLE_PORT + 5)
#define CONSOLE_LSR_THRE      0x20           /* transmit holding register empty */
#define CONSOLE_WAIT_LOOPS    100000
#define CONSOLE_PREFIX        "mkelfimage stub: "
#define CONSOLE_LOG_PREFIX    "mkelfimage stub log: "

static inline uint8_t console_inb(uint16_t port)
{
	uint8_t value;

	__asm__ volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline void console_outb(uint16_t port, uint8_t value)
{
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static void console_putc(char c)
{
	unsigned int loops;

	for (loops = 0; loops < CONSOLE_WAIT_LOOPS; loops++)
		if (console_inb(CONSOLE_LSR) & CONSOLE_LSR_THRE)
			break;
	console_outb(CONSOLE_PORT, (uint8_t)c);
}

static void console_write(const char *text)
{
	while (*text)
		console_putc(*text++);
}

static void console_write_u32(uint32_t value)
{
	char digits[10];
	int count = 0;

	do {
		digits[count++] = (char)('0' + value % 10);
		value /= 10;
	} while (value);
	while (count)
		console_putc(digits[--count]);
}

void console_line(const char *text)
{
	console_write(CONSOLE_PREFIX);
	console_write(text);
	console_putc('\n');
}

void console_line_u32(const char *before, uint32_t value, const char *after)
{
	console_write(CONSOLE_PREFIX);
	console_write(before);
	console_write_u32(value);
	console_write(after);
	console_putc('\n');
}

static void console_write_hex(uint64_t value)
{
	char digits[16];
	int count = 0;

	do {
		digits[count++] = "0123456789abcdef"[value & 0xf];
		value >>= 4;
	} while (value);
	console_write("0x");
	while (count)
		console_putc(digits[--count]);
}

void console_log(const char *before, uint64_t value, const char *after)
{
	console_write(CONSOLE_LOG_PREFIX);
	console_write(before);
	if (after) {
		console_write_hex(value);
		console_write(after);
	}
	console_putc('\n');
}

void console_log_u32(const char *before, uint32_t value, const char *after)
{
	console_write(CONSOLE_LOG_PREFIX);
	console_write(before);
	console_write_u32(value);
	console_write(after);
	console_putc('\n');
}

void console_log_text(const char *first, const char *second)
{
	console_write(CONSOLE_LOG_PREFIX);
	console_write(first);
	console_write(second);
	console_putc('\n');
}

void console_fail(const char *reason)
{
	console_line(reason);
	for (;;)
		__asm__ volatile("cli; hlt");
}
