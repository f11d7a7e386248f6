/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Linux/Alpha boot: where the kernel looks for its command line and initrd,
 * and the block mkelfimage fills for the Alpha stub.
 *
 * Specification: Linux arch/alpha/include/uapi/asm/setup.h (KERNEL_START_PHYS,
 * ZERO_PGE, PARAM, COMMAND_LINE, INITRD_START, INITRD_SIZE) and
 * arch/alpha/kernel/setup.c, which copies COMMAND_LINE and reads the initrd
 * fields before the zero page is cleared. Loaders that fill the page: aboot,
 * MILO, and QEMU's clipper machine (hw/alpha/dp264.c: the -append text at
 * "kernel_low - 0x6000", the initrd at +0x100/+0x108).
 *
 * The kernel runs in KSEG, the superpage that maps all physical memory at
 * PAGE_OFFSET; vmlinux is linked there (p_vaddr == p_paddr == KSEG address)
 * and its entry __start is START_ADDR, the lowest address it loads:
 *
 *   KERNEL_START = PAGE_OFFSET + KERNEL_START_PHYS
 *   +0x00000  SWAPPER_PGD          (pages of 8 KiB)
 *   +0x02000  INIT_STACK
 *   +0x04000  EMPTY_PGT
 *   +0x08000  EMPTY_PGE
 *   +0x0a000  ZERO_PGE = PARAM     struct alpha_param_page, below
 *   +0x10000  START_ADDR           vmlinux's first PT_LOAD and entry
 *
 * KERNEL_START_PHYS is 0x300000 with CONFIG_ALPHA_LEGACY_START_ADDRESS, else
 * 0x1000000; both give PARAM = START_ADDR - 0x6000, which is what QEMU uses.
 */
#ifndef FORMATS_ALPHA_H
#define FORMATS_ALPHA_H

#include <stdint.h>

#define ALPHA_PAGE_OFFSET          0xfffffc0000000000ull  /* KSEG base (EV6 43-bit superpage) */
#define ALPHA_PAGE_SIZE            0x2000ull
#define ALPHA_KERNEL_START_LEGACY  0x300000ull   /* "Old bootloaders hardcoded this" */
#define ALPHA_KERNEL_START_PHYS    0x1000000ull  /* "required: Wildfire/Titan/Marvel" */
#define ALPHA_START_ADDR_OFFSET    0x10000ull    /* START_ADDR - KERNEL_START */
#define ALPHA_ZERO_PGE_OFFSET      0x0a000ull    /* ZERO_PGE - KERNEL_START */
/* PARAM relative to START_ADDR: 0xa000 - 0x10000 */
#define ALPHA_PARAM_BELOW_START    (ALPHA_START_ADDR_OFFSET - ALPHA_ZERO_PGE_OFFSET)

/* COMMAND_LINE_SIZE: setup.c copies at most this many bytes, NUL included */
#define ALPHA_COMMAND_LINE_SIZE    256

/*
 * The parameter page (PARAM). Only these fields are defined; the rest of the
 * page is zeroed by the kernel once it has copied them.
 */
struct alpha_param_page {
	char     command_line[ALPHA_COMMAND_LINE_SIZE]; /* 0x000  COMMAND_LINE, NUL-terminated */
	uint64_t initrd_start;                  /* 0x100  INITRD_START: KSEG address, 0 = none */
	uint64_t initrd_size;                   /* 0x108  INITRD_SIZE: bytes */
};                                              /* 0x110 */

_Static_assert(__builtin_offsetof(struct alpha_param_page, initrd_start) == 0x100, "INITRD_START");
_Static_assert(__builtin_offsetof(struct alpha_param_page, initrd_size) == 0x108, "INITRD_SIZE");
_Static_assert(sizeof(struct alpha_param_page) == 0x110, "alpha_param_page layout");

/*
 * Our own contract with stubs/alpha (no outside specification). The blob opens
 * with struct stub_header (formats/stubparam.h, multiboot_offset and
 * pvh_entry_offset 0); its params_offset names this block. The stub is
 * position independent (it finds the block PC-relative), so nothing in the
 * blob is relocated. Addresses are KSEG virtual addresses.
 *
 * Versions: 1 (this file). A later field is appended and `size` grows.
 */
#define ALPHA_STUB_PARAMS_MAGIC    0x41534b4du  /* "MKSA" little endian */
#define ALPHA_STUB_PARAMS_VERSION  1

struct alpha_stub_params {
	uint32_t magic;                         /* 0x00  ALPHA_STUB_PARAMS_MAGIC */
	uint16_t version;                       /* 0x04 */
	uint16_t size;                          /* 0x06  sizeof(struct alpha_stub_params) */
	uint32_t flags;                         /* 0x08  none defined yet, 0 */
	uint32_t cmdline_policy;                /* 0x0c  enum stub_cmdline_policy */
	uint64_t kernel_entry;                  /* 0x10  vmlinux e_entry */
	uint64_t param_page;                    /* 0x18  PARAM = START_ADDR - 0x6000 */
	uint64_t initrd_start;                  /* 0x20  joined initrds, 0 = none */
	uint64_t initrd_size;                   /* 0x28 */
	uint32_t cmdline_len;                   /* 0x30  built-in text, without the NUL */
	uint32_t _pad;                          /* 0x34 */
	char     cmdline[ALPHA_COMMAND_LINE_SIZE]; /* 0x38  built-in text, NUL-terminated */
};                                              /* 0x138 */

_Static_assert(__builtin_offsetof(struct alpha_stub_params, kernel_entry) == 0x10, "alpha_stub_params.kernel_entry");
_Static_assert(__builtin_offsetof(struct alpha_stub_params, initrd_start) == 0x20, "alpha_stub_params.initrd_start");
_Static_assert(__builtin_offsetof(struct alpha_stub_params, cmdline) == 0x38, "alpha_stub_params.cmdline");
_Static_assert(sizeof(struct alpha_stub_params) == 0x138, "alpha_stub_params layout");

#endif
