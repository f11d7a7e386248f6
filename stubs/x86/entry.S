/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The first bytes of the x86 stub: its header, the multiboot header, the
 * 32-bit entry every loader jumps to, and the jump into the kernel.
 *
 * Entry state left by each loader, register by register:
 *
 *   multiboot v1 (QEMU -kernel, GRUB, iPXE, kexec multiboot-x86)
 *     Multiboot 0.6.96 section 3.2 "Machine state":
 *     EAX  0x2BADB002
 *     EBX  physical address of struct multiboot_info
 *     CS   32-bit flat read/execute, offset 0 limit 4 GiB (selector unspecified)
 *     DS ES FS GS SS  32-bit flat read/write, offset 0 limit 4 GiB
 *     ESP  undefined: there is no stack
 *     GDTR may be invalid: reload segments only after our own lgdt
 *     IDTR undefined; EFLAGS IF=0, VM=0; CR0 PG=0 PE=1; A20 enabled
 *   Multiboot2 (GRUB `multiboot2`, BIOS and EFI)
 *     Multiboot2 2.0 section 3.3 "I386 machine state", the same as v1 but:
 *     EAX  0x36D76289
 *     EBX  physical address of the information block (8-byte aligned)
 *     GRUB EFI without header tag 7 (this header never has it) calls
 *     ExitBootServices first and enters here in 32-bit protected mode with
 *     paging off (grub_relocator32_boot; CR0 0x10033 measured under OVMF)
 *   PVH (Xen; QEMU -kernel on an image without a multiboot header)
 *     Xen docs/misc/pvh.pandoc; enters stub_pvh_entry (below), named by the
 *     image's "Xen" note XEN_ELFNOTE_PHYS32_ENTRY, which mkelfimage writes
 *     from stub_header.pvh_entry_offset:
 *     EBX  physical address of struct hvm_start_info (formats/pvh.h)
 *     CS   32-bit flat code; DS ES 32-bit flat data (selectors unspecified)
 *     SS ESP and every other register unspecified: no stack
 *     EFLAGS IF=0 TF=0 VM=0; CR0 PE=1 PG=0; CR4 0
 *   ELF boot notes (coreboot v1/v2 elfboot, until about 2009)
 *     EAX  0x0E1FB007, EBX the notes block (struct elf_bhdr, formats/elfnote.h)
 *     the same pointer as the first stack argument; flat 32-bit segments
 *   kexec-tools elf-x86 (--args-elf), Etherboot xstart32
 *     EAX EBX 0 (kexec's entry32_regs); [ESP] 0 (no return address),
 *     [ESP+4] the notes block
 *   coreboot SELF payload (selfboot.c)
 *     a C call: [ESP+4] the coreboot table (struct lb_header, formats/coreboot.h)
 *   iPXE ELF loader: nothing at all; only a table scan can find memory
 * The entry saves EAX, EBX and ESP before anything else; stub_main reads
 * [ESP+4] through the saved ESP only after checking it (a multiboot ESP is
 * undefined), and decides which of these it was (stub_main.c).
 *
 * The stub is linked at 0 and placed by mkelfimage anywhere page-aligned at or
 * above 1 MiB; mkelfimage adds the load address to each absolute 32-bit word
 * (R_386_32). So only absolute 32-bit and PC-relative references appear here;
 * without a stack there is no call/pop trick to find our own address.
 */
#include "stub.h"

/*
 * struct stub_header (formats/stubparam.h). Every field is an offset from the
 * blob start, never an address: the values come from ABSOLUTE() symbols of
 * stub.lds, so the linker emits nothing mkelfimage would relocate here.
 */
	.section .stub.header, "a"
	.globl	stub_header
stub_header:
	.ascii	"MKELFSTB"                       /* 0x00 magic */
	.word	STUB_HEADER_VERSION_ASM          /* 0x08 version */
	.word	STUB_HEADER_SIZE_ASM             /* 0x0a header_size */
	.long	stub_file_size                   /* 0x0c file_size */
	.long	stub_mem_size                    /* 0x10 mem_size */
	.long	stub_entry_offset                /* 0x14 entry_offset */
	.long	stub_params_offset               /* 0x18 params_offset */
	.long	STUB_PARAMS_SIZE_ASM             /* 0x1c params_size */
	.long	stub_multiboot_offset            /* 0x20 multiboot_offset */
	.long	stub_pvh_entry_offset            /* 0x24 pvh_entry_offset */
	.long	stub_multiboot2_offset           /* 0x28 multiboot2_offset */
	.long	0                                /* 0x2c reserved */
.if (. - stub_header) != STUB_HEADER_SIZE_ASM
	.error	"struct stub_header must be 0x30 bytes"
.endif

/*
 * Multiboot 0.6.96 section 3.1.1: 4-byte aligned in the first 8 KiB. Flags:
 * page-aligned modules and memory info; never the a.out kludge (bit 16), or
 * QEMU and GRUB would ignore the program headers.
 */
	.section .stub.multiboot, "a"
	.balign	4
	.globl	stub_multiboot_header
stub_multiboot_header:
	.long	STUB_MULTIBOOT_MAGIC
	.long	STUB_MULTIBOOT_FLAGS
	.long	-(STUB_MULTIBOOT_MAGIC + STUB_MULTIBOOT_FLAGS)

/*
 * Multiboot2 2.0 section 3.1.1: 8-byte aligned in the first 32 KiB. No
 * address tag: GRUB loads the program headers, as for v1. Never tag 7 (EFI
 * boot services): GRUB would then enter a 64-bit EFI entry with boot
 * services running, and this entry is 32-bit. GRUB passes the EFI system
 * table and memory map tags unasked (multiboot_mbi2.c).
 */
	.balign	8
	.globl	stub_multiboot2_header
stub_multiboot2_header:
	.long	STUB_MULTIBOOT2_MAGIC                          /* magic */
	.long	STUB_MULTIBOOT2_ARCHITECTURE                   /* architecture: i386 */
	.long	stub_multiboot2_end - stub_multiboot2_header   /* header_length */
	.long	-(STUB_MULTIBOOT2_MAGIC + STUB_MULTIBOOT2_ARCHITECTURE + \
		  (stub_multiboot2_end - stub_multiboot2_header))  /* checksum */
	/*
	 * 3.1.10 framebuffer, optional, no preferred width, height or depth:
	 * GRUB keeps or sets a linear framebuffer when it has a video driver
	 * (GRUB EFI: `insmod efi_gop` or all_video) and passes tag 8, which
	 * becomes screen_info; without one it goes on in text mode.
	 */
	.word	STUB_MULTIBOOT2_TAG_FRAMEBUFFER, STUB_MULTIBOOT2_TAG_OPTIONAL
	.long	20                                             /* size */
	.long	0, 0, 0                                        /* width, height, depth */
	.balign	8
	.word	0, 0                                           /* end tag: type, flags */
	.long	8                                              /* size */
	.globl	stub_multiboot2_end
stub_multiboot2_end:

	.section .text.entry, "ax"
	.code32
/*
 * PVH: no stack and no magic in EAX, so the entry point itself says who
 * called. DS is flat (pvh.pandoc): record it, then share the common path.
 */
	.globl	stub_pvh_entry
stub_pvh_entry:
	movl	$STUB_ENTRY_PATH_PVH, stub_entry_path
	/* fall through */
	.globl	stub_entry
stub_entry:
	/* No stack yet; DS is flat (multiboot 3.2): save the registers first */
	movl	%eax, stub_entry_eax
	movl	%ebx, stub_entry_ebx
	movl	%esp, stub_entry_esp
	movl	%edx, stub_entry_edx
	cli

	/* The loader's GDT may be gone: load ours before touching a segment */
	lgdt	stub_gdt_descriptor
	ljmp	$STUB_BOOT_CS, $1f
1:	movl	$STUB_BOOT_DS, %eax
	movw	%ax, %ds
	movw	%ax, %es
	movw	%ax, %fs
	movw	%ax, %gs
	movw	%ax, %ss
	movl	$stub_stack_top, %esp

	/* Clear BSS (the stack is in it, still unused; saved registers are in .data) */
	cld
	movl	$stub_bss_start, %edi
	movl	$stub_bss_end, %ecx
	subl	%edi, %ecx
	shrl	$2, %ecx
	xorl	%eax, %eax
	rep stosl

	call	stub_main
2:	cli
	hlt
	jmp	2b

/*
 * stub_enter_kernel(boot_params, entry): the Linux 32-bit boot protocol
 * (boot.rst, "32-bit Boot Protocol"): flat CS=__BOOT_CS, DS=ES=SS=__BOOT_DS
 * (loaded above), interrupts off, ESI = boot_params, EBX = EBP = EDI = 0.
 */
	.text
	.globl	stub_enter_kernel
	.type	stub_enter_kernel, @function
stub_enter_kernel:
	cli
	movl	4(%esp), %esi
	movl	8(%esp), %eax
	xorl	%ebx, %ebx
	xorl	%ebp, %ebp
	xorl	%edi, %edi
	jmp	*%eax
	.size	stub_enter_kernel, . - stub_enter_kernel

/*
 * stub_enter_pvh(start_info, entry): a vmlinux's PVH entry (pvh.pandoc, the
 * state described above for PVH): our flat CS and DS/ES/SS, paging off,
 * interrupts off, EBX = struct hvm_start_info; no stack promised.
 */
	.globl	stub_enter_pvh
	.type	stub_enter_pvh, @function
stub_enter_pvh:
	cli
	cld
	movl	4(%esp), %ebx
	movl	8(%esp), %eax
	xorl	%esi, %esi
	xorl	%edi, %edi
	xorl	%ebp, %ebp
	jmp	*%eax
	.size	stub_enter_pvh, . - stub_enter_pvh

	.data
	.balign	4
/* struct stub_entry_state (stub.h): the loader's registers, untouched */
	.globl	stub_entry_state
stub_entry_state:
stub_entry_eax:	.long 0
stub_entry_ebx:	.long 0
stub_entry_esp:	.long 0
stub_entry_path: .long STUB_ENTRY_PATH_ELF
stub_entry_edx:	.long 0

/*
 * Our GDT. The accessed bits are preset so the CPU never writes the table.
 * The kernel keeps using these selectors until it loads its own GDT.
 */
	.balign	8
stub_gdt:
	.quad	0                               /* 0x00 null */
	.quad	0                               /* 0x08 unused */
	.quad	0x00cf9b000000ffff              /* 0x10 code: base 0, 4 GiB, 32-bit, exec/read */
	.quad	0x00cf93000000ffff              /* 0x18 data: base 0, 4 GiB, read/write */
stub_gdt_end:
	.balign	4
	.word	0
stub_gdt_descriptor:
	.word	stub_gdt_end - stub_gdt - 1
	.long	stub_gdt

	.bss
	.balign	16
stub_stack:
	.skip	STUB_STACK_SIZE
stub_stack_top:

	.section .note.GNU-stack, "", @progbits
