/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm64 boot: the memory an arm64 image uses and the block mkelfimage fills
 * for the arm64 stub (stubs/arm64).
 *
 * Specification: Linux Documentation/arch/arm64/booting.rst (6.1:
 * Documentation/arm64/booting.rst): the device tree "must be placed on an
 * 8-byte boundary and must not exceed 2 megabytes in size", in a 2 MiB
 * region of its own; the kernel is entered at the Image's first byte with
 * x0 = the device tree's physical address, x1 = x2 = x3 = 0, MMU off,
 * interrupts masked, at EL2 or non-secure EL1.
 *
 * Memory plan (arch_arm64.c), for QEMU virt's RAM at 0x40000000:
 *
 *   0x40000000  ARM64_RAM_BASE: free. QEMU virt puts its device tree here
 *               for an ELF that is not a Linux Image; U-Boot's fdt_addr
 *   +2 MiB      kernel: 2 MiB aligned base + text_offset, image_size kept
 *   ...         stub: header, code, parameters; bss and stack
 *   ...         initrd region (the initrds joined)
 *   ...         embedded device tree (--dtb), if any
 *   2 MiB up    the device tree the stub writes: a 2 MiB region, not in
 *               the file
 */
#ifndef FORMATS_ARM64_H
#define FORMATS_ARM64_H

#include <stdint.h>

#define ARM64_RAM_BASE             0x40000000ull  /* QEMU virt (hw/arm/virt.c VIRT_MEM) */
#define ARM64_KERNEL_BASE          (ARM64_RAM_BASE + 0x200000ull)
#define ARM64_PAGE_SIZE            0x1000ull
#define ARM64_DTB_ALIGN            0x200000ull    /* booting.rst: its own 2 MiB region */
#define ARM64_DTB_MAX              0x200000ull    /* booting.rst: at most 2 MiB */
#define ARM64_PL011_QEMU_VIRT      0x09000000ull  /* QEMU virt's UART (VIRT_UART) */

/* Linux arm64 COMMAND_LINE_SIZE (arch/arm64/include/uapi/asm/setup.h), NUL included */
#define ARM64_COMMAND_LINE_SIZE    2048

/*
 * Our own contract with stubs/arm64 (no outside specification). The blob
 * opens with struct stub_header (formats/stubparam.h, multiboot_offset and
 * pvh_entry_offset 0); its params_offset names this block. The stub is
 * position independent (it finds the block PC-relative), so nothing in the
 * blob is relocated. Addresses are physical.
 *
 * Versions: 1 (this file). A later field is appended and `size` grows.
 */
#define ARM64_STUB_PARAMS_MAGIC    0x52534b4du  /* "MKSR" little endian */
#define ARM64_STUB_PARAMS_VERSION  1

/* arm64_stub_params.flags */
#define ARM64_STUB_FLAG_VERIFY     0x1u   /* check the three SHA-256 before entering the kernel */

struct arm64_stub_params {
	uint32_t magic;                         /* 0x00  ARM64_STUB_PARAMS_MAGIC */
	uint16_t version;                       /* 0x04 */
	uint16_t size;                          /* 0x06  sizeof(struct arm64_stub_params) */
	uint32_t flags;                         /* 0x08  ARM64_STUB_FLAG_* */
	uint32_t cmdline_policy;                /* 0x0c  enum stub_cmdline_policy */
	uint64_t kernel_addr;                   /* 0x10  the Image's first byte: its entry */
	uint64_t kernel_file_size;              /* 0x18  Image bytes in the image */
	uint64_t kernel_mem_size;               /* 0x20  image_size: the range cleaned to PoC */
	uint64_t initrd_start;                  /* 0x28  joined initrds, 0 = none */
	uint64_t initrd_size;                   /* 0x30 */
	uint64_t dtb_addr;                      /* 0x38  where the stub writes the device tree */
	uint64_t dtb_room;                      /* 0x40  bytes there */
	uint64_t ram_base;                      /* 0x48  where QEMU virt puts its device tree */
	uint64_t image_end;                     /* 0x50  end of the memory the image uses */
	uint64_t embedded_dtb_addr;             /* 0x58  --dtb, 0 = none */
	uint64_t embedded_dtb_size;             /* 0x60 */
	uint64_t uart_base;                     /* 0x68  PL011 for the stub's error line */
	uint32_t cmdline_len;                   /* 0x70  built-in text, without the NUL */
	uint32_t _pad;                          /* 0x74 */
	uint8_t  kernel_sha256[32];             /* 0x78  with ARM64_STUB_FLAG_VERIFY */
	uint8_t  initrd_sha256[32];             /* 0x98 */
	uint8_t  cmdline_sha256[32];            /* 0xb8  of the built-in text */
	char     cmdline[ARM64_COMMAND_LINE_SIZE]; /* 0xd8  built-in text, NUL-terminated */
};                                              /* 0x8d8 */

_Static_assert(__builtin_offsetof(struct arm64_stub_params, kernel_addr) == 0x10, "arm64_stub_params.kernel_addr");
_Static_assert(__builtin_offsetof(struct arm64_stub_params, dtb_addr) == 0x38, "arm64_stub_params.dtb_addr");
_Static_assert(__builtin_offsetof(struct arm64_stub_params, cmdline_len) == 0x70, "arm64_stub_params.cmdline_len");
_Static_assert(__builtin_offsetof(struct arm64_stub_params, kernel_sha256) == 0x78, "arm64_stub_params.kernel_sha256");
_Static_assert(__builtin_offsetof(struct arm64_stub_params, cmdline) == 0xd8, "arm64_stub_params.cmdline");
_Static_assert(sizeof(struct arm64_stub_params) == 0x8d8, "arm64_stub_params layout");

#endif
