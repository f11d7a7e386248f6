/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Alpha stub's entry: the image's ELF entry point, in KSEG.
 *
 * Entry state, by loader (the same state Linux's own head.S __start expects):
 * - QEMU clipper: qemu-palcode's do_start switches to the OSF/1 PALcode
 *   (CALL_PAL swppal) and starts here in kernel mode with the KSEG superpage
 *   usable, SP on the PALcode's one-page stack, no argument in any register.
 *   QEMU has already put its -append text at PARAM (kernel_low - 0x6000).
 * - aboot and MILO: kernel mode, KSEG, PARAM filled, no register arguments.
 * So nothing is saved: the stub needs no input but its own parameter block.
 *
 * The stub is linked at 0 and runs wherever mkelfimage placed it: it finds
 * itself with `br`, and reaches its stack and parameters GP-relative (GPDISP
 * and GPREL relocations are differences fixed at link time). No GOT: the
 * linker script refuses one.
 */
	.set	noreorder
	.set	noat

	.section .text.entry, "ax"
	.globl	stub_entry
	.ent	stub_entry
stub_entry:
	.frame	$30, 0, $26
	br	$27, 1f                  /* $27 = our own address, as ldgp needs */
1:	ldgp	$29, 0($27)
	.prologue 1
	/* No stack of ours yet: the loader's may be tiny, so take our own. */
	ldah	$30, stub_stack_top($29) !gprelhigh
	lda	$30, stub_stack_top($30) !gprellow
	ldah	$16, stub_params($29) !gprelhigh
	lda	$16, stub_params($16) !gprellow
	bsr	$26, stub_main !samegp   /* returns the kernel entry in $0 */
	/* Linux's __start finds its own GP and stack; it wants $27 = entry. */
	mov	$0, $27
	jmp	$31, ($27)
	.end	stub_entry

	.section .bss.stack, "aw", @nobits
	.balign	16
	.space	8192
	.globl	stub_stack_top
stub_stack_top:
