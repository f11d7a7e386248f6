/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The riscv64 stub's UART: an NS16550 with byte registers (THR at 0, LSR
 * at 5, THRE bit 5), at the address mkelfimage recorded (QEMU virt's
 * 0x10000000), already set up by OpenSBI or U-Boot.
 */
#include "stubs/common/fdtstub.h"

#define NS16550_THR       0
#define NS16550_LSR       5
#define NS16550_LSR_THRE  0x20

void arch_console_putc(char c)
{
	volatile uint8_t *uart = (volatile uint8_t *)stub_params.uart_base;

	if (!uart)
		return;
	while (!(uart[NS16550_LSR] & NS16550_LSR_THRE))
		;
	uart[NS16550_THR] = (uint8_t)c;
}

void arch_halt(void)
{
	for (;;)
		__asm__ volatile("wfi");
}
