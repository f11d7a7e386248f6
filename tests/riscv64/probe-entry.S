/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The riscv64 probe's Image header (boot-image-header.rst,
 * formats/riscv64_image.h) and entry: a tiny RISC-V Image, text_offset
 * 2 MiB, image_size from the link. Linked at 0 and position independent
 * (medany, no relaxation) like the stub: it reports where it runs.
 */
	.option	norvc
	.section .text.head, "ax"
	.globl	_head
_head:
	j	probe_entry             /* 0x00 code0 */
	.long	0                       /* 0x04 code1 */
	.quad	0x200000                /* 0x08 text_offset */
	.quad	probe_image_size        /* 0x10 image_size */
	.quad	0                       /* 0x18 flags: little endian */
	.long	0x2                     /* 0x20 version 0.2 */
	.long	0                       /* 0x24 res1 */
	.quad	0                       /* 0x28 res2 */
	.ascii	"RISCV\0\0\0"           /* 0x30 magic */
	.ascii	"RSC\x05"               /* 0x38 magic2 */
	.long	0                       /* 0x3c res3 */

probe_entry:
	mv	s0, a0
	mv	s1, a1
	lla	t0, probe_bss_start
	lla	t1, probe_bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:	lla	sp, probe_stack_top
	mv	a0, s0
	mv	a1, s1
	csrr	a2, satp
	call	probe_main
3:	wfi
	j	3b

	.section .bss.stack, "aw", @nobits
	.balign	16
	.space	8192
probe_stack_top:
