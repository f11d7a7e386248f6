/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm64 boot: the memory an arm64 image uses. The block mkelfimage fills
 * for the arm64 stub is the device-tree stubs' one (fdtstub.h).
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
#define ARM64_PL011_QEMU_VIRT      0x09000000ull  /* QEMU virt's UART (VIRT_UART) */

/* Linux arm64 COMMAND_LINE_SIZE (arch/arm64/include/uapi/asm/setup.h), NUL included */
#define ARM64_COMMAND_LINE_SIZE    2048

#endif
