/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A Linux x86 kernel as the build leaves it: vmlinux, an ELF32 EM_386 or
 * ELF64 EM_X86_64 little-endian executable, entered here only through its
 * PVH entry (Xen docs/misc/pvh.pandoc, "x86/HVM direct boot ABI"): the
 * "Xen" note XEN_ELFNOTE_PHYS32_ENTRY (formats/elfnote.h) gives the physical
 * address of a 32-bit entry that runs with paging off. Linux has it with
 * CONFIG_PVH=y (arch/x86/platform/pvh/head.S); its desc is 4 bytes (.long)
 * or, in older x86_64 kernels, 8 (_ASM_PTR).
 *
 * The ELF file is read by formats/elfimage.c (PT_LOAD and PT_NOTE inside
 * the file, no wrap, no overlap); this file adds the loader's rules: the
 * PT_LOADs are placed at p_paddr (p_vaddr is a virtual address on x86_64),
 * page aligned, in [1 MiB, 4 GiB), and the PVH entry lies in a PT_LOAD's
 * file bytes.
 */
#ifndef FORMATS_X86_VMLINUX_H
#define FORMATS_X86_VMLINUX_H

#include <stddef.h>
#include <stdint.h>

#include "elfimage.h"
#include "fmt_error.h"

/* Linux has 2 (i386) to 5 (x86_64) PT_LOAD; the image adds stub, command line, initrd */
#define X86_VMLINUX_MAX_LOADS       7
#define X86_VMLINUX_LOW_LIMIT       0x100000ull      /* below 1 MiB: BIOS, real-mode data */
#define X86_VMLINUX_HIGH_LIMIT      0x100000000ull   /* the PVH entry runs with paging off */
#define X86_VMLINUX_PAGE            0x1000ull

struct x86_vmlinux_load {
	uint64_t offset;             /* p_offset: file bytes at [offset, offset + filesz) */
	uint64_t paddr;              /* p_paddr: where it is loaded */
	uint64_t filesz;
	uint64_t memsz;              /* >= filesz; the rest is zeroed by the loader */
};

struct x86_vmlinux_info {
	unsigned elf_class;          /* ELFCLASS32 or ELFCLASS64 */
	uint16_t machine;            /* EM_386 or EM_X86_64 */
	uint32_t pvh_entry;          /* XEN_ELFNOTE_PHYS32_ENTRY, a physical address */
	uint64_t start;              /* lowest p_paddr */
	uint64_t end;                /* end of the highest p_paddr + p_memsz */
	uint64_t file_bytes;         /* sum of p_filesz */
	unsigned load_count;
	struct x86_vmlinux_load loads[X86_VMLINUX_MAX_LOADS];  /* ascending p_paddr */
};

/* What elfimage_validate checks for a vmlinux: EM_386 or EM_X86_64, 1 to 7 PT_LOAD. */
extern const struct elfimage_rules x86_vmlinux_rules;

/*
 * The loader's rules on a parsed and validated ELF image held in buf[0,
 * len) (the buffer elfimage_parse read): PT_LOADs page aligned in [1 MiB,
 * 4 GiB), the PVH note present in a PT_NOTE with a 4- or 8-byte desc below
 * 4 GiB, inside a PT_LOAD's file bytes. Returns FMT_OK and fills *out, or a
 * status with *err (FMT_UNSUPPORTED when the note is missing).
 */
enum fmt_status x86_vmlinux_check(const uint8_t *buf, size_t len, const struct elfimage_info *elf,
				  struct x86_vmlinux_info *out, struct fmt_error *err);

#endif
