/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The trampoline bootelf adds as its own kexec segment: the running kernel
 * jumps to it, and it enters the image's 32-bit entry as a Multiboot v1
 * loader would (Multiboot Specification 0.6.96, 3.2 "Machine state"):
 * EAX = 0x2BADB002, EBX = physical address of the multiboot information,
 * CS a flat 32-bit code segment, DS/ES/SS/FS/GS flat data, paging off,
 * interrupts off.
 *
 * Entry states (what the kernel's relocate_kernel leaves):
 *   x86_64 kernel (KEXEC_ARCH_X86_64): long mode, paging on with an
 *     identity map of RAM -> entry64 drops to compatibility mode, turns
 *     paging off, clears EFER.LME and CR4.PAE.
 *   i386 kernel (KEXEC_ARCH_386): 32-bit protected mode, paging off, a
 *     stack at the end of the kernel's control page -> entry32.
 * The code is position independent (RIP-relative, or call/pop on i386);
 * bootelf only fills `struct trampoline_params`.
 *
 * The blob (loader/trampoline.S, assembled at make time, linked at 0):
 *   0x00  struct trampoline_header
 *   0x20  struct trampoline_params
 *   ...   code, GDT, stack
 *
 * Shared by the assembler source and bootelf: fixed-width types only, the
 * offsets below are what trampoline.S uses.
 */
#ifndef LOADER_TRAMPOLINE_H
#define LOADER_TRAMPOLINE_H

#define TRAMPOLINE_MAGIC_LO     0x544f4f42   /* "BOOT" */
#define TRAMPOLINE_MAGIC_HI     0x54464c45   /* "ELFT" */
#define TRAMPOLINE_VERSION      1
#define TRAMPOLINE_PARAMS       0x20         /* offset of struct trampoline_params */
#define TRAMPOLINE_PARAM_ENTRY  0x20         /* image entry (32-bit physical) */
#define TRAMPOLINE_PARAM_MBI    0x24         /* multiboot information address */
#define TRAMPOLINE_CODE_SEG     0x10         /* the flat 32-bit code selector */
#define TRAMPOLINE_DATA_SEG     0x18         /* the flat data selector */

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

struct trampoline_header {
	uint32_t magic[2];             /* 0x00  "BOOTELFT" */
	uint32_t version;              /* 0x08  TRAMPOLINE_VERSION */
	uint32_t size;                 /* 0x0c  bytes to load, stack included */
	uint32_t entry64;              /* 0x10  offset of the long-mode entry */
	uint32_t entry32;              /* 0x14  offset of the 32-bit entry */
	uint32_t params;               /* 0x18  offset of struct trampoline_params */
	uint32_t reserved;             /* 0x1c */
};

struct trampoline_params {
	uint32_t entry;                /* 0x00  jump target, the image's e_entry */
	uint32_t mbi;                  /* 0x04  loaded into EBX */
};

_Static_assert(sizeof(struct trampoline_header) == TRAMPOLINE_PARAMS, "trampoline header");
_Static_assert(TRAMPOLINE_PARAMS + __builtin_offsetof(struct trampoline_params, entry) ==
	       TRAMPOLINE_PARAM_ENTRY, "trampoline params.entry");
_Static_assert(TRAMPOLINE_PARAMS + __builtin_offsetof(struct trampoline_params, mbi) ==
	       TRAMPOLINE_PARAM_MBI, "trampoline params.mbi");
_Static_assert(sizeof(struct trampoline_params) == 8, "trampoline params");

/* The assembled blob, generated at make time (trampoline_blob.c) */
extern const uint8_t trampoline_blob[];
extern const size_t trampoline_blob_size;
#endif

#endif
