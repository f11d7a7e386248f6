/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The arm64 stub's entry: the image's ELF entry point (e_entry).
 *
 * Entry state, by loader:
 * - QEMU virt -kernel with an ELF that is not a Linux Image
 *   (hw/arm/boot.c): the highest EL QEMU emulates without firmware (EL2
 *   with virtualization=on, else EL1), MMU and caches off, x0 = 0; the
 *   device tree (with -append as /chosen/bootargs and -initrd as
 *   linux,initrd-start/end) at the start of RAM, 0x40000000.
 * - U-Boot 2023.01 `bootelf -p ADDR ARG` (cmd/elf.c): called as a C
 *   function, x0 = argc, x1 = argv, argv[0] = ARG as text (so
 *   `${fdtcontroladdr}` gives the device tree's address in hex), at EL1 or
 *   EL2 with the MMU and D-cache on (identity map), x30 = return address.
 * - A loader that follows booting.rst for us: x0 = a device tree.
 *
 * Nothing here trusts the loader's stack: x0 and x1 are kept, interrupts
 * masked, our own stack taken (PC-relative: the stub is linked at 0 and runs
 * wherever mkelfimage put it) and the BSS cleared before any C runs.
 */
	.section .text.entry, "ax"
	.globl	stub_entry
stub_entry:
	msr	daifset, #0xf           /* booting.rst: "All forms of interrupts must be masked" */
	mov	x19, x0                 /* the loader's x0: a device tree, argc or 0 */
	mov	x20, x1                 /* argv under U-Boot */
	adr	x2, stub_bss_start      /* no stack yet: clear the BSS first */
	adr	x3, stub_bss_end
1:	cmp	x2, x3
	b.hs	2f
	str	xzr, [x2], #8
	b	1b
2:	adr	x2, stub_stack_top
	mov	sp, x2
	mov	x0, x19
	mov	x1, x20
	bl	stub_main               /* does not return */
3:	wfi
	b	3b

/*
 * arm64_enter_kernel(entry, dtb): caches cleaned by the caller; turn the
 * MMU and D-cache off at the current EL (booting.rst: "The MMU must be
 * off", "Instruction cache may be on or off") and jump with x0 = dtb,
 * x1 = x2 = x3 = 0. The code runs identity mapped, so it survives the
 * MMU going off.
 */
	.text
	.globl	arm64_enter_kernel
arm64_enter_kernel:
	mov	x19, x0
	mov	x20, x1
	mrs	x2, CurrentEL
	cmp	x2, #(2 << 2)
	b.ne	1f
	mrs	x3, sctlr_el2
	bic	x3, x3, #1              /* M */
	bic	x3, x3, #(1 << 2)       /* C */
	msr	sctlr_el2, x3
	b	2f
1:	mrs	x3, sctlr_el1
	bic	x3, x3, #1
	bic	x3, x3, #(1 << 2)
	msr	sctlr_el1, x3
2:	isb
	ic	iallu
	dsb	sy
	isb
	mov	x0, x20
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x19

	.section .bss.stack, "aw", @nobits
	.balign	16
	.space	16384
	.globl	stub_stack_top
stub_stack_top:
