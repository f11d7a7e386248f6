/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A Linux/Alpha kernel as built: vmlinux, an ELF64 little-endian EM_ALPHA
 * executable whose PT_LOAD segments are linked in KSEG (formats/alpha.h) and
 * whose entry is __start, at START_ADDR, its lowest address.
 *
 * The ELF file itself is read by formats/elfimage.c (class, PT_LOAD bounds
 * against the file, overlaps); this file adds Linux/Alpha's rules, from
 * arch/alpha/include/asm/setup.h and arch/alpha/kernel/vmlinux.lds.S.
 */
#ifndef FORMATS_ALPHA_VMLINUX_H
#define FORMATS_ALPHA_VMLINUX_H

#include <stdint.h>

#include "elfimage.h"
#include "fmt_error.h"

#define ALPHA_VMLINUX_EM_ALPHA      0x9026   /* EM_ALPHA, binutils include/elf/common.h */
/* A kernel has one or two PT_LOAD; a few more are accepted, the image keeps room for its own */
#define ALPHA_VMLINUX_MAX_LOADS     6

struct alpha_vmlinux_load {
	uint64_t offset;             /* p_offset: file bytes at [offset, offset + filesz) */
	uint64_t vaddr;              /* p_vaddr, a KSEG address */
	uint64_t filesz;
	uint64_t memsz;              /* >= filesz; the rest is zeroed by the loader */
	uint32_t flags;              /* p_flags */
};

struct alpha_vmlinux_info {
	uint64_t entry;              /* e_entry */
	uint64_t start;              /* lowest PT_LOAD address: START_ADDR */
	uint64_t end;                /* end of the highest PT_LOAD (memsz) */
	unsigned load_count;
	struct alpha_vmlinux_load loads[ALPHA_VMLINUX_MAX_LOADS];  /* ascending vaddr */
};

/* What elfimage_validate checks for a vmlinux: EM_ALPHA, 1 to 6 PT_LOAD. */
extern const struct elfimage_rules alpha_vmlinux_rules;

/*
 * Linux/Alpha's rules on a parsed and validated ELF image: ELF64, PT_LOAD in
 * ascending order with p_vaddr == p_paddr, 8 KiB aligned, in KSEG, the
 * lowest at or above START_ADDR of the legacy KERNEL_START_PHYS 0x300000
 * (below is console memory), the entry inside a segment's file bytes.
 * Returns FMT_OK and fills *out, or a status with *err.
 */
enum fmt_status alpha_vmlinux_check(const struct elfimage_info *elf, struct alpha_vmlinux_info *out,
				    struct fmt_error *err);

#endif
