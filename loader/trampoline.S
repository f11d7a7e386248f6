/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bootelf's trampoline: from the state the running kernel's relocate_kernel
 * leaves to the Multiboot v1 entry state of the image (see trampoline.h).
 * Leaving long mode follows Intel SDM vol. 3, 10.8.5.4 "Switching Out of
 * IA-32e Mode Operation": compatibility mode first, then CR0.PG = 0, then
 * EFER.LME = 0. %ebp holds the trampoline's own address from the start, so
 * the 32-bit code needs no absolute address of its own.
 */
#include "loader/trampoline.h"

#define MSR_EFER      0xc0000080
#define EFER_LME      0x00000100
#define CR0_PG        0x80000000
#define CR4_PAE       0x00000020
#define MULTIBOOT_BOOTLOADER_MAGIC 0x2badb002

	.text
trampoline_start:
	/* struct trampoline_header */
	.long TRAMPOLINE_MAGIC_LO, TRAMPOLINE_MAGIC_HI
	.long TRAMPOLINE_VERSION
	.long trampoline_end - trampoline_start
	.long entry64 - trampoline_start
	.long entry32 - trampoline_start
	.long TRAMPOLINE_PARAMS
	.long 0
	/* struct trampoline_params, filled by bootelf */
params_entry:
	.long 0
params_mbi:
	.long 0

	/* Flat segments: 0x10 32-bit code, 0x18 data (the selectors the stub also uses) */
	.balign 8
gdt:
	.quad 0
	.quad 0
	.quad 0x00cf9a000000ffff
	.quad 0x00cf92000000ffff
gdt_end:
	/* lgdt operand: the 64-bit form reads 2 + 8 bytes, the 32-bit form 2 + 4 */
	.balign 4
	.word 0
gdtr:
	.word gdt_end - gdt - 1
gdtr_base:
	.quad 0

	.code64
entry64:
	/* Long mode, paging on, RAM identity mapped: addresses here are physical. */
	cli
	lea	trampoline_start(%rip), %rbp
	lea	stack_top(%rip), %rsp
	lea	gdt(%rip), %rax
	mov	%rax, gdtr_base(%rip)
	lgdt	gdtr(%rip)
	/* Far return into compatibility mode: CS = 0x10 has L = 0, D = 1. */
	lea	compat32(%rip), %rax
	pushq	$TRAMPOLINE_CODE_SEG
	pushq	%rax
	lretq

	.code32
compat32:
	/* Paging off ends IA-32e mode (the code runs from identity-mapped memory);
	 * no memory access until the data segments are loaded. */
	mov	%cr0, %eax
	and	$~CR0_PG, %eax
	mov	%eax, %cr0
	mov	$MSR_EFER, %ecx
	rdmsr
	and	$~EFER_LME, %eax
	wrmsr
	mov	%cr4, %eax
	and	$~CR4_PAE, %eax
	mov	%eax, %cr4
	jmp	load_data_segments

entry32:
	/* Protected mode, paging off, a stack from the kernel: find our address. */
	cli
	call	1f
1:	pop	%ebp
	sub	$(1b - trampoline_start), %ebp
	lea	(gdt - trampoline_start)(%ebp), %eax
	mov	%eax, (gdtr_base - trampoline_start)(%ebp)
	lgdt	(gdtr - trampoline_start)(%ebp)
	lea	(load_data_segments - trampoline_start)(%ebp), %eax
	pushl	$TRAMPOLINE_CODE_SEG
	pushl	%eax
	lret
load_data_segments:
	/* Both entries: flat data segments from our GDT, then the jump. */
	mov	$TRAMPOLINE_DATA_SEG, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	mov	%eax, %fs
	mov	%eax, %gs

enter_image:
	/* Multiboot v1 3.2: EAX magic, EBX info; the image sets its own stack. */
	lea	(stack_top - trampoline_start)(%ebp), %esp
	mov	(params_entry - trampoline_start)(%ebp), %ecx
	mov	(params_mbi - trampoline_start)(%ebp), %ebx
	mov	$MULTIBOOT_BOOTLOADER_MAGIC, %eax
	xor	%edx, %edx
	xor	%esi, %esi
	xor	%edi, %edi
	xor	%ebp, %ebp
	jmp	*%ecx

	.balign 16
stack:
	.fill 256, 1, 0
stack_top:
trampoline_end:
