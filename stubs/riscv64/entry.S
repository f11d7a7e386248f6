/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The riscv64 stub's entry: the image's ELF entry point (e_entry), in
 * S-mode with the MMU off.
 *
 * Entry state, by loader:
 * - OpenSBI fw_dynamic (QEMU virt -bios default -kernel ELF): a0 = the
 *   boot hart's id (not always 0), a1 = the device tree (QEMU's, near the
 *   top of RAM); the other harts wait STOPPED in SBI HSM.
 * - U-Boot 2023.01 `bootelf -p ADDR ARG` (cmd/elf.c): called as a C
 *   function, a0 = argc, a1 = argv, argv[0] = ARG as text (so
 *   `${fdtcontroladdr}` gives the device tree's address in hex), ra = the
 *   return address.
 *
 * Nothing here trusts the loader's stack: a0 and a1 are kept, S-mode
 * interrupts masked, our own stack taken (PC-relative: the stub is linked
 * at 0 and runs wherever mkelfimage put it) and the BSS cleared before any
 * C runs.
 */
	.section .text.entry, "ax"
	.globl	stub_entry
stub_entry:
	csrci	sstatus, 0x2            /* SIE: no S-mode interrupts */
	csrw	sie, zero
	mv	s0, a0                  /* a hart id, or argc */
	mv	s1, a1                  /* a device tree, or argv */
	lla	t0, stub_bss_start      /* no stack yet: clear the BSS first */
	lla	t1, stub_bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:	lla	sp, stub_stack_top
	mv	a0, s0
	mv	a1, s1
	call	stub_main               /* does not return */
3:	wfi
	j	3b

/*
 * riscv64_enter_kernel(entry, hartid, dtb): boot.rst: a0 = the hart id,
 * a1 = the device tree, MMU off (satp 0: it already is, and U-Boot leaves
 * it so), instruction fetches coherent with what the loader wrote.
 */
	.text
	.globl	riscv64_enter_kernel
riscv64_enter_kernel:
	mv	t0, a0
	mv	a0, a1
	mv	a1, a2
	csrw	satp, zero
	fence	rw, rw
	fence.i
	jr	t0

	.section .bss.stack, "aw", @nobits
	.balign	16
	.space	16384
	.globl	stub_stack_top
stub_stack_top:
