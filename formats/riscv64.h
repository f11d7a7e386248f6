/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * riscv64 boot: the memory a riscv64 image uses (arch_riscv64.c); the
 * block mkelfimage fills for the stub is the device-tree stubs' one
 * (fdtstub.h).
 *
 * Specification: Linux Documentation/riscv/boot.rst and
 * boot-image-header.rst: the kernel is entered at the Image's first byte
 * in S-mode, MMU off, with a0 = the hart id of the current hart and a1 =
 * the device tree's physical address; the Image lies text_offset above the
 * start of RAM on a 2 MiB boundary.
 *
 * Memory plan, for QEMU virt's RAM at 0x80000000:
 *
 *   0x80000000  OpenSBI (fw_dynamic/fw_jump): 0x80000000-0x8007ffff is its
 *               own (PMP), the first 2 MiB kept
 *   + text_offset (0x200000 in Linux 6.1): the stub, in a 2 MiB room. Here
 *               firmware enters a payload: fw_jump at 0x80200000 whatever
 *               the ELF says, QEMU 7.2's -kernel at the ELF's lowest
 *               address; the stub's first bytes jump to its entry
 *   + 2 MiB     the kernel, image_size kept (RV64 Linux runs on any 2 MiB
 *               boundary; the memory below it is not RAM to the kernel)
 *   ...         initrd region, --dtb, as on arm64 (arch_fdt.h)
 *   2 MiB up    the device tree the stub writes
 */
#ifndef FORMATS_RISCV64_H
#define FORMATS_RISCV64_H

#define RISCV64_RAM_BASE            0x80000000ull  /* QEMU virt (hw/riscv/virt.c VIRT_DRAM) */
#define RISCV64_FIRMWARE_END        0x80200000ull  /* OpenSBI's 2 MiB (its PMP region is 512 KiB) */
#define RISCV64_STUB_ROOM           0x200000ull    /* the stub's 2 MiB below the kernel */
#define RISCV64_NS16550_QEMU_VIRT   0x10000000ull  /* QEMU virt's UART (VIRT_UART0) */

/* Linux riscv COMMAND_LINE_SIZE (arch/riscv/include/uapi/asm/setup.h, 5.13+), NUL included */
#define RISCV64_COMMAND_LINE_SIZE   1024

#endif
