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
 *   fdt=ok|bad ...       the tree at a1 and its /chosen (tests/fdtprobe/report.h)
 *   probe_done=1
 */
#include <stddef.h>
#include <stdint.h>

#include "tests/fdtprobe/report.h"

#define PROBE_REPORT_ID  "mkelfimage-riscv64-probe 1"
#define PROBE_UART       0x10000000ul          /* QEMU virt's NS16550 */
#define SBI_EXT_HSM      0x48534dul
#define SBI_EXT_SRST     0x53525354ul
#define HARTS_PROBED     8

extern char _head[];
void probe_main(uint64_t a0, uint64_t a1, uint64_t satp);

/* ecall EXT/FID with two arguments; the error code in a0, the value in a1 */
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

void probe_putc(char c)
{
	volatile uint8_t *uart = (volatile uint8_t *)PROBE_UART;

	while (!(uart[5] & 0x20))
		;
	uart[0] = (uint8_t)c;
}

void probe_main(uint64_t a0, uint64_t a1, uint64_t satp)
{
	struct fdt fdt;
	long status = -1;
	unsigned hart, stopped = 0;

	probe_puts("\n" PROBE_REPORT_ID "\n");
	probe_hex("load", (uint64_t)_head);
	probe_hex("a0", a0);
	probe_hex("a1", a1);
	probe_hex("satp", satp);
	/* hart_get_status: error 0 and state 0 (STARTED) */
	probe_hex("a0_started", sbi_call(SBI_EXT_HSM, 2, a0, 0, &status) == 0 && status == 0);
	for (hart = 0; hart < HARTS_PROBED; hart++)
		if (hart != a0 && sbi_call(SBI_EXT_HSM, 2, hart, 0, &status) == 0 && status == 1)
			stopped++;
	probe_hex("harts_stopped", stopped);
	probe_report_tree(a1, &fdt);
	probe_puts("probe_done=1\n");
	sbi_call(SBI_EXT_SRST, 0, 0, 0, NULL);   /* system_reset(shutdown, no reason) */
	for (;;)
		__asm__ volatile("wfi");
}
