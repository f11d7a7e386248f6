/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The arm64 stub's UART: a PL011 (ARM PrimeCell UART PL011 TRM: UARTDR at
 * 0x00, UARTFR at 0x18, TXFF bit 5), at the address mkelfimage recorded
 * (QEMU virt's 0x09000000), already set up by QEMU or U-Boot.
 */
#include "stubs/common/fdtstub.h"

#define PL011_DR       0x00
#define PL011_FR       0x18
#define PL011_FR_TXFF  0x20

void arch_console_putc(char c)
{
	volatile uint32_t *uart = (volatile uint32_t *)stub_params.uart_base;

	if (!uart)
		return;
	while (uart[PL011_FR / 4] & PL011_FR_TXFF)
		;
	uart[PL011_DR / 4] = (uint32_t)(unsigned char)c;
}

void arch_halt(void)
{
	for (;;)
		__asm__ volatile("wfi");
}
