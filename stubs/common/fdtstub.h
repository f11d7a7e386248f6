/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The device-tree stubs' internal interfaces (stubs/arm64, stubs/riscv64).
 * stubs/common/ holds the boot flow and everything else they share; each
 * arch folder gives its entry, its UART, its caches and how it enters the
 * kernel (the `arch_` functions below). Freestanding: no libc.
 */
#ifndef STUBS_COMMON_FDTSTUB_H
#define STUBS_COMMON_FDTSTUB_H

#include <stddef.h>
#include <stdint.h>

#include "formats/fdtstub.h"
#include "formats/stubparam.h"
#include "stubs/common/fdt.h"

/* params.c: filled by mkelfimage */
extern struct fdt_stub_params stub_params;

/* fdtboot.c: called by the arch's entry with its first two argument registers */
void stub_main(uint64_t r0, uint64_t r1) __attribute__((noreturn));
/* A device tree at `addr`: 8-byte aligned with the magic */
int fdt_at(uint64_t addr);

/* The arch's part (stubs/<arch>/) */
/* The tree its boot protocol passes in a register (x0, a1), or 0 */
uint64_t arch_loader_fdt(uint64_t r0, uint64_t r1);
/* Enter the kernel with the tree `dtb` (the edited copy), caches already cleaned */
void arch_enter_kernel(const struct fdt *dtb) __attribute__((noreturn));
/* Clean [addr, addr + size) to where the kernel, MMU off, reads it */
void cache_clean_range(uint64_t addr, uint64_t size);
/* One character on the UART in stub_params.uart_base */
void arch_console_putc(char c);
void arch_halt(void) __attribute__((noreturn));

/* console.c */
void console_puts(const char *text);
void console_hex(uint64_t value);
/* One line, "mkelfimage stub: TEXT", then halt */
void stub_fail(const char *text) __attribute__((noreturn));
void stub_fail_hex(const char *text, uint64_t value) __attribute__((noreturn));

/* cmdline.c: the final command line into `out` (FDT_STUB_CMDLINE_SIZE bytes) by policy */
uint32_t cmdline_build(char *out, const char *loader, uint32_t loader_len);

/* verify.c: with FDT_STUB_FLAG_VERIFY, halt unless the payloads hash as recorded */
void verify_payloads(void);

/* lib.c: gcc may call these even in freestanding code */
void *memcpy(void *dest, const void *src, size_t len);
void *memset(void *dest, int value, size_t len);
int memcmp(const void *a, const void *b, size_t len);

#endif
