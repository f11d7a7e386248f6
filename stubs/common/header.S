/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * struct stub_header (formats/stubparam.h, version 1) at blob offset 0 of
 * the device-tree stubs (arm64, riscv64), in
 * assembly because its fields are link-time offsets stored as 32-bit words.
 * The numbers come from stub.lds; mkelfimage checks them (stub_read_header).
 */
	.section .stub.header, "ax"
#ifdef __riscv
	/*
	 * RISC-V firmware may enter the image at its lowest address, which is
	 * the stub's first byte (formats/stubparam.h STUB_HEADER_JUMP_SIZE):
	 * jump over the header to the entry.
	 */
	.option	push
	.option	norvc
	j	stub_entry
	nop
	.option	pop
#endif
	.globl	stub_header
stub_header:
	.ascii	"MKELFSTB"              /* 0x00 STUB_HEADER_MAGIC */
	.short	1                       /* 0x08 STUB_HEADER_VERSION */
	.short	0x30                    /* 0x0a sizeof(struct stub_header) */
	.long	stub_file_size          /* 0x0c */
	.long	stub_mem_size           /* 0x10 */
	.long	stub_entry_offset       /* 0x14 */
	.long	stub_params_offset      /* 0x18 struct fdt_stub_params */
	.long	stub_params_size        /* 0x1c */
	.long	0                       /* 0x20 no multiboot header (x86 only) */
	.long	0                       /* 0x24 no PVH entry */
	.long	0, 0                    /* 0x28 reserved */
