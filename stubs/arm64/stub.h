/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The arm64 stub's internal interfaces. Freestanding: no libc. */
#ifndef STUBS_ARM64_STUB_H
#define STUBS_ARM64_STUB_H

#include <stddef.h>
#include <stdint.h>

#include "formats/arm64.h"
#include "formats/stubparam.h"
#include "stubs/common/fdt.h"

/* params.c: filled by mkelfimage */
extern struct arm64_stub_params stub_params;

/* stub_main.c: called by entry.S with the loader's x0 and x1; does not return */
void stub_main(uint64_t x0, uint64_t x1) __attribute__((noreturn));

/* entry.S: MMU and D-cache off, then the kernel with x0 = dtb */
void arm64_enter_kernel(uint64_t entry, uint64_t dtb) __attribute__((noreturn));

/* console.c: the PL011 in stub_params.uart_base */
void console_puts(const char *text);
void console_hex(uint64_t value);
/* One line, "mkelfimage stub: TEXT", then halt */
void stub_fail(const char *text) __attribute__((noreturn));
void stub_fail_hex(const char *text, uint64_t value) __attribute__((noreturn));

/* cmdline.c: the final command line into `out` (ARM64_COMMAND_LINE_SIZE bytes) by policy */
uint32_t cmdline_build(char *out, const char *loader, uint32_t loader_len);

/* verify.c: with ARM64_STUB_FLAG_VERIFY, halt unless the payloads hash as recorded */
void verify_payloads(void);

/* cache.c: clean and invalidate [addr, addr + size) to the Point of Coherency */
void cache_clean_range(uint64_t addr, uint64_t size);

/* lib.c: gcc may call these even in freestanding code */
void *memcpy(void *dest, const void *src, size_t len);
void *memset(void *dest, int value, size_t len);
int memcmp(const void *a, const void *b, size_t len);

#endif
