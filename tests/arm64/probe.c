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

#include "stubs/common/fdtstub.h"
#include "tests/fdtprobe/report.h"

#define PROBE_REPORT_ID  "mkelfimage-arm64-probe 1"
#define PROBE_UART       0x09000000ul          /* QEMU virt's PL011 */
#define PL011_FR_TXFF    0x20
#define PSCI_SYSTEM_OFF  0x84000008u

extern char _head[];
void probe_main(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3, uint64_t el, uint64_t sctlr_el1);
uint64_t psci_call(uint32_t function, uint64_t use_smc);

void probe_putc(char c)
{
	volatile uint32_t *uart = (volatile uint32_t *)PROBE_UART;

	while (uart[0x18 / 4] & PL011_FR_TXFF)
		;
	uart[0] = (uint32_t)(unsigned char)c;
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
	probe_puts("\n" PROBE_REPORT_ID "\n");
	probe_hex("el", el);
	probe_hex("mmu", sctlr & 1);
	probe_hex("load", (uint64_t)_head);
	probe_hex("x0", x0);
	probe_hex("x1", x1);
	probe_hex("x2", x2);
	probe_hex("x3", x3);
	if (probe_report_tree(x0, &fdt) == 0) {
		method = fdt_top_prop(&fdt, "psci", "method", &len);
		use_smc = method && len >= 4 && !memcmp(method, "smc", 4);
	}
	probe_puts("probe_done=1\n");
	psci_call(PSCI_SYSTEM_OFF, (uint64_t)use_smc);
	for (;;)
		__asm__ volatile("wfi");
}
