/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Alpha probe kernel's entry, shaped like Linux's arch/alpha/kernel/head.S
 * __start: it is the lowest address of the image (START_ADDR), expects no
 * register arguments, finds its own GP and takes its own stack.
 */
	.set	noreorder

	.section .text.entry, "ax"
	.globl	_start
	.ent	_start
_start:
	br	$27, 1f
1:	ldgp	$29, 0($27)
	lda	$30, probe_stack_top
	jsr	$26, probe_main
	ldgp	$29, 0($26)
2:	call_pal 0                      /* PAL_halt: QEMU's clipper then exits */
	br	2b
	.end	_start

	.section .bss.stack, "aw", @nobits
	.balign	16
	.space	16384
probe_stack_top:
