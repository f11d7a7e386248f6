/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Entry of the test harness loader: a multiboot v1 kernel (QEMU -kernel)
 * that gets boot.elf as its first module and starts it the way an ELF boot
 * notes or coreboot loader would (harness.c). Multiboot 0.6.96 3.2: EAX =
 * 0x2BADB002, EBX = multiboot info, flat segments, no stack.
 */
#define HARNESS_MULTIBOOT_MAGIC   0x1badb002
#define HARNESS_MULTIBOOT_FLAGS   0x00000003   /* page-aligned modules, memory info */

	.section .text.entry, "ax"
	.code32
	.balign	4
harness_multiboot_header:
	.long	HARNESS_MULTIBOOT_MAGIC
	.long	HARNESS_MULTIBOOT_FLAGS
	.long	-(HARNESS_MULTIBOOT_MAGIC + HARNESS_MULTIBOOT_FLAGS)

	.globl	harness_entry
harness_entry:
	movl	%ebx, harness_mbi
	movl	$harness_stack_top, %esp
	cld
	movl	$harness_bss_start, %edi
	movl	$harness_bss_end, %ecx
	subl	%edi, %ecx
	xorl	%eax, %eax
	rep	stosb
	pushl	harness_mbi
	call	harness_main
1:	cli
	hlt
	jmp	1b

/*
 * harness_jump(entry, eax, ebx, esp): the loader's last step. The stack it
 * leaves is the caller's choice ([ESP] a fake return address of 0, [ESP+4]
 * the argument), as coreboot's elfboot and kexec's purgatory leave it.
 */
	.text
	.globl	harness_jump
harness_jump:
	movl	4(%esp), %edx                   /* entry */
	movl	8(%esp), %eax
	movl	12(%esp), %ebx
	movl	16(%esp), %esp
	cli
	jmp	*%edx

	.data
	.balign	4
	.globl	harness_mbi
harness_mbi:	.long 0

	.section .note.GNU-stack, "", @progbits
