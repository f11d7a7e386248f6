/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the device-tree probe kernels (tests/arm64, tests/riscv64) share:
 * key=value lines on the UART the probe gives (probe_putc), and the report
 * of the tree the stub handed over. Freestanding, like the stubs; memcpy &
 * co come from stubs/common/lib.c.
 */
#ifndef TESTS_FDTPROBE_REPORT_H
#define TESTS_FDTPROBE_REPORT_H

#include <stdint.h>

#include "stubs/common/fdt.h"

/* The probe's UART: one character */
void probe_putc(char c);

void probe_puts(const char *text);
/* "KEY=0x..." and a newline */
void probe_hex(const char *key, uint64_t value);

/*
 * The tree at `addr`: "fdt=ok" and its /chosen (cmdline, initrd_start,
 * initrd_end, initrd_size, initrd_crc32 of those bytes) and the first
 * /memory range (memory_start, memory_size, two cells each); or "fdt=bad".
 * Returns 0 when the tree was read (into *fdt).
 */
int probe_report_tree(uint64_t addr, struct fdt *fdt);

#endif
