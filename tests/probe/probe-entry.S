/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Entry of the probe kernel, reached through the Linux 32-bit boot protocol
 * (Documentation/arch/x86/boot.rst, "32-bit Boot Protocol"):
 *
 *   protected mode, paging off, interrupts off (IF=0)
 *   CS = __BOOT_CS (0x10), DS = ES = SS = __BOOT_DS (0x18), flat 4 GiB
 *   ESI = address of struct boot_params
 *   EBX = EBP = EDI = 0
 *   ESP undefined: there is no stack
 *
 * or, linked as an ELF vmlinux (probe-vmlinux.lds), through its PVH entry
 * probe_pvh_entry, named by the Xen note below (Xen docs/misc/pvh.pandoc):
 *
 *   protected mode, paging off, IF=0, flat CS and DS/ES (selectors unspecified)
 *   EBX = address of struct hvm_start_info; no stack
 *
 * The probe reports what it got, so the registers are saved before anything
 * changes them. It trusts the loader's DS (flat, base 0) for these stores: a
 * wrong DS shows in the report as ds=, if the probe survives it at all.
 */
#include "probe.h"

	.code32
	.section .text.entry, "ax"
	.globl	probe_entry
probe_entry:
	jmp	probe_common

	/* The probe header (probe.h): mkprobe reads it from the flat binary. */
	.balign	4
	.long	PROBE_IMAGE_MAGIC
	.long	probe_load_addr
	.long	probe_mem_size

probe_common:
	/* No stack yet: absolute stores only. */
	movl	%esi, probe_entry_esi
	movl	%ebx, probe_entry_ebx
	movl	%ebp, probe_entry_ebp
	movl	%edi, probe_entry_edi
	movw	%cs, probe_entry_cs
	movw	%ds, probe_entry_ds
	movw	%es, probe_entry_es
	movw	%ss, probe_entry_ss

	/* Our own stack, then EFLAGS (pushf needs the stack). */
	movl	$probe_stack_top, %esp
	pushfl
	popl	probe_entry_eflags

	/* BSS is not cleared yet: the loader only copied the file bytes. */
	cld
	movl	$probe_bss_start, %edi
	movl	$probe_bss_end, %ecx
	subl	%edi, %ecx
	xorl	%eax, %eax
	rep	stosb

	call	probe_main

	/* probe_main does not return; stop here if it ever does. */
2:	cli
	hlt
	jmp	2b

	/* PVH: record which entry ran (only DS is known flat), then the common path */
	.globl	probe_pvh_entry
probe_pvh_entry:
	movl	$1, probe_entry_pvh
	jmp	probe_common

/*
 * Xen public/elfnote.h XEN_ELFNOTE_PHYS32_ENTRY (18), name "Xen", a 4-byte
 * desc: the physical address of the PVH entry. probe.lds discards it (the
 * bzImage probe has no notes); probe-vmlinux.lds keeps it in a PT_NOTE.
 */
	.pushsection .note.Xen, "a", @note
	.balign	4
	.long	4                       /* n_namesz: "Xen" and its NUL */
	.long	4                       /* n_descsz */
	.long	18                      /* n_type: XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz	"Xen"
	.long	probe_pvh_entry
	.popsection

	/* Written before BSS is cleared, so they live in .data. */
	.section .data
	.balign	4
	.globl	probe_entry_esi, probe_entry_ebx, probe_entry_ebp, probe_entry_edi
	.globl	probe_entry_eflags
	.globl	probe_entry_cs, probe_entry_ds, probe_entry_es, probe_entry_ss
	.globl	probe_entry_pvh
probe_entry_pvh:	.long 0
probe_entry_esi:	.long 0
probe_entry_ebx:	.long 0
probe_entry_ebp:	.long 0
probe_entry_edi:	.long 0
probe_entry_eflags:	.long 0
probe_entry_cs:		.word 0
probe_entry_ds:		.word 0
probe_entry_es:		.word 0
probe_entry_ss:		.word 0

	.section .note.GNU-stack, "", @progbits
