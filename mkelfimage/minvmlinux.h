/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The smallest x86 vmlinux that vmlinux.c accepts, made from what an image
 * of a vmlinux keeps: the kernel's PT_LOADs (p_paddr, p_filesz, p_memsz and
 * their file bytes) and the PVH entry. The edits rebuild a vmlinux image
 * through the normal build from it, and `extract --vmlinux` writes it.
 *
 * Layout (System V ABI, ELF32; Xen public/elfnote.h for the note):
 *   0x00  Elf32_Ehdr   ET_EXEC, EM_386, e_entry = the PVH entry
 *   0x34  Elf32_Phdr   one PT_NOTE, then one PT_LOAD per load in address order
 *         note         namesz 4, descsz 4, type XEN_ELFNOTE_PHYS32_ENTRY,
 *                      "Xen\0", the 32-bit entry
 *         zeros        up to the next page
 *   then each load's file bytes from a page boundary (p_offset = p_vaddr
 *   mod p_align), p_vaddr = p_paddr, zeros up to the next page.
 * ELF32 EM_386 whatever the original was: the loads and the entry lie below
 * 4 GiB (formats/x86_vmlinux.c), and the plan reads only these fields.
 */
#ifndef MKELFIMAGE_MINVMLINUX_H
#define MKELFIMAGE_MINVMLINUX_H

#include <stddef.h>
#include <stdint.h>

#include "formats/x86_vmlinux.h"

#define MINVMLINUX_PAGE       0x1000u
/* Headers and the note of MINVMLINUX_MAX_LOADS loads: 0x34 + 8 * 0x20 + 0x14 */
#define MINVMLINUX_MAX_LOADS  X86_VMLINUX_MAX_LOADS
#define MINVMLINUX_HEAD_MAX   (0x34 + (MINVMLINUX_MAX_LOADS + 1) * 0x20 + 0x14)

struct minvmlinux_load {
	uint32_t paddr;
	uint32_t filesz;
	uint32_t memsz;
	uint32_t offset;             /* out: p_offset in the file minvmlinux_head laid out */
};

/*
 * Lay out the file for `count` loads (1 to MINVMLINUX_MAX_LOADS, ascending
 * paddr) and write its headers and note into head[MINVMLINUX_HEAD_MAX].
 * Fills each load's offset. Returns the header bytes written (the caller
 * pads them with zeros to loads[0].offset), or 0 when the file would not
 * fit the 32-bit offsets of ELF32.
 */
size_t minvmlinux_head(uint8_t head[MINVMLINUX_HEAD_MAX], struct minvmlinux_load *loads,
		       unsigned count, uint32_t pvh_entry);

#endif
