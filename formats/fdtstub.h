/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The parameter block of the device-tree stubs (stubs/arm64, stubs/riscv64,
 * sharing stubs/common/fdtboot.c): where the kernel, initrd and device tree
 * go, the built-in command line and its policy, the digests
 * --verify-at-boot checks. Our own contract, no outside specification. The
 * blob opens with struct stub_header (stubparam.h, multiboot_offset and
 * pvh_entry_offset 0); its params_offset names this block. The stubs are
 * position independent (they find the block PC-relative), so nothing in the
 * blob is relocated. Addresses are physical, fields little endian.
 *
 * Versions: 1 (this file). A later field is appended and `size` grows.
 */
#ifndef FORMATS_FDTSTUB_H
#define FORMATS_FDTSTUB_H

#include <stdint.h>

#define FDT_STUB_PARAMS_MAGIC    0x52534b4du  /* "MKSR" little endian */
#define FDT_STUB_PARAMS_VERSION  1

/* The largest COMMAND_LINE_SIZE of the arches (arm64's 2048), NUL included */
#define FDT_STUB_CMDLINE_SIZE    2048

/*
 * The room the stub writes the device tree into: 2 MiB aligned, 2 MiB
 * (arm64's booting.rst: "must not exceed 2 megabytes in size", in a 2 MiB
 * region of its own; riscv64 asks only for 8-byte alignment).
 */
#define FDT_STUB_DTB_ALIGN       0x200000ull
#define FDT_STUB_DTB_MAX         0x200000ull

/* fdt_stub_params.flags */
#define FDT_STUB_FLAG_VERIFY     0x1u   /* check the three SHA-256 before entering the kernel */

struct fdt_stub_params {
	uint32_t magic;                         /* 0x00  FDT_STUB_PARAMS_MAGIC */
	uint16_t version;                       /* 0x04 */
	uint16_t size;                          /* 0x06  sizeof(struct fdt_stub_params) */
	uint32_t flags;                         /* 0x08  FDT_STUB_FLAG_* */
	uint32_t cmdline_policy;                /* 0x0c  enum stub_cmdline_policy */
	uint64_t kernel_addr;                   /* 0x10  the Image's first byte: its entry */
	uint64_t kernel_file_size;              /* 0x18  Image bytes in the image */
	uint64_t kernel_mem_size;               /* 0x20  image_size: the range cleaned to PoC */
	uint64_t initrd_start;                  /* 0x28  joined initrds, 0 = none */
	uint64_t initrd_size;                   /* 0x30 */
	uint64_t dtb_addr;                      /* 0x38  where the stub writes the device tree */
	uint64_t dtb_room;                      /* 0x40  bytes there */
	uint64_t ram_base;                      /* 0x48  a loader's device tree may be here (0: none) */
	uint64_t image_end;                     /* 0x50  end of the memory the image uses */
	uint64_t embedded_dtb_addr;             /* 0x58  --dtb, 0 = none */
	uint64_t embedded_dtb_size;             /* 0x60 */
	uint64_t uart_base;                     /* 0x68  the UART for the stub's error line */
	uint32_t cmdline_len;                   /* 0x70  built-in text, without the NUL */
	uint32_t cmdline_max;                   /* 0x74  the kernel's COMMAND_LINE_SIZE - 1 */
	uint8_t  kernel_sha256[32];             /* 0x78  with FDT_STUB_FLAG_VERIFY */
	uint8_t  initrd_sha256[32];             /* 0x98 */
	uint8_t  cmdline_sha256[32];            /* 0xb8  of the built-in text */
	char     cmdline[FDT_STUB_CMDLINE_SIZE]; /* 0xd8  built-in text, NUL-terminated */
};                                              /* 0x8d8 */

_Static_assert(__builtin_offsetof(struct fdt_stub_params, kernel_addr) == 0x10, "fdt_stub_params.kernel_addr");
_Static_assert(__builtin_offsetof(struct fdt_stub_params, dtb_addr) == 0x38, "fdt_stub_params.dtb_addr");
_Static_assert(__builtin_offsetof(struct fdt_stub_params, cmdline_len) == 0x70, "fdt_stub_params.cmdline_len");
_Static_assert(__builtin_offsetof(struct fdt_stub_params, kernel_sha256) == 0x78, "fdt_stub_params.kernel_sha256");
_Static_assert(__builtin_offsetof(struct fdt_stub_params, cmdline) == 0xd8, "fdt_stub_params.cmdline");
_Static_assert(sizeof(struct fdt_stub_params) == 0x8d8, "fdt_stub_params layout");

#endif
