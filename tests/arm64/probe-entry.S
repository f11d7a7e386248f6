/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The arm64 probe's Image header (booting.rst, formats/arm64_image.h) and
 * entry. It is a tiny arm64 Image: text_offset 0, image_size from the link,
 * flags 0xa (little endian, 4K pages, anywhere). Linked at 0 and position
 * independent like the stub: it reports where it runs.
 */
	.section .text.head, "ax"
	.globl	_head
_head:
	b	probe_entry             /* 0x00 code0 */
	.long	0                       /* 0x04 code1 */
	.quad	0                       /* 0x08 text_offset */
	.quad	probe_image_size        /* 0x10 image_size */
	.quad	0xa                     /* 0x18 flags */
	.quad	0, 0, 0                 /* 0x20 res2 .. res4 */
	.ascii	"ARM\x64"               /* 0x38 magic */
	.long	0                       /* 0x3c res5 */

probe_entry:
	mov	x19, x0
	mov	x20, x1
	mov	x21, x2
	mov	x22, x3
	adr	x4, probe_bss_start
	adr	x5, probe_bss_end
1:	cmp	x4, x5
	b.hs	2f
	str	xzr, [x4], #8
	b	1b
2:	adr	x4, probe_stack_top
	mov	sp, x4
	mov	x0, x19
	mov	x1, x20
	mov	x2, x21
	mov	x3, x22
	mrs	x4, CurrentEL
	lsr	x4, x4, #2
	mrs	x5, sctlr_el1
	bl	probe_main
3:	wfi
	b	3b

	.globl	psci_call
psci_call:                              /* psci_call(function, use_smc) */
	cbnz	x1, 1f
	hvc	#0
	ret
1:	smc	#0
	ret

	.section .bss.stack, "aw", @nobits
	.balign	16
	.space	8192
probe_stack_top:
