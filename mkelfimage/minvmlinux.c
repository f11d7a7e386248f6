/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A minimal vmlinux from an image's kernel PT_LOADs (minvmlinux.h). */
#include "config.h"

#include <elf.h>
#include <stddef.h>
#include <string.h>

#include "formats/elfnote.h"
#include "formats/le.h"
#include "minvmlinux.h"

_Static_assert(sizeof(Elf32_Ehdr) == 0x34 && sizeof(Elf32_Phdr) == 0x20, "ELF32 header sizes");

#define EHDR(field) (head + offsetof(Elf32_Ehdr, field))
#define PHDR(index, field) (head + sizeof(Elf32_Ehdr) + (index) * sizeof(Elf32_Phdr) + offsetof(Elf32_Phdr, field))

/* The Xen note (System V ABI "Note Section"): 12-byte header, "Xen\0", 4-byte desc */
#define MINVMLINUX_NOTE_SIZE  (12 + 4 + 4)

static uint64_t page_up(uint64_t value)
{
	return (value + MINVMLINUX_PAGE - 1) & ~(uint64_t)(MINVMLINUX_PAGE - 1);
}

static void put_phdr(uint8_t *head, unsigned index, uint32_t type, uint32_t offset, uint32_t addr,
		     uint32_t filesz, uint32_t memsz, uint32_t flags, uint32_t align)
{
	le32_put(PHDR(index, p_type), type);
	le32_put(PHDR(index, p_offset), offset);
	le32_put(PHDR(index, p_vaddr), addr);
	le32_put(PHDR(index, p_paddr), addr);
	le32_put(PHDR(index, p_filesz), filesz);
	le32_put(PHDR(index, p_memsz), memsz);
	le32_put(PHDR(index, p_flags), flags);
	le32_put(PHDR(index, p_align), align);
}

size_t minvmlinux_head(uint8_t head[MINVMLINUX_HEAD_MAX], struct minvmlinux_load *loads,
		       unsigned count, uint32_t pvh_entry)
{
	uint32_t note_offset = (uint32_t)(sizeof(Elf32_Ehdr) + (count + 1) * sizeof(Elf32_Phdr));
	uint64_t offset = page_up(note_offset + MINVMLINUX_NOTE_SIZE);
	uint8_t *note = head + note_offset;
	unsigned i;

	memset(head, 0, MINVMLINUX_HEAD_MAX);
	memcpy(EHDR(e_ident), ELFMAG, SELFMAG);
	head[EI_CLASS] = ELFCLASS32;
	head[EI_DATA] = ELFDATA2LSB;
	head[EI_VERSION] = EV_CURRENT;
	le_put(EHDR(e_type), ET_EXEC, 2);
	le_put(EHDR(e_machine), EM_386, 2);
	le32_put(EHDR(e_version), EV_CURRENT);
	le32_put(EHDR(e_entry), pvh_entry);
	le32_put(EHDR(e_phoff), sizeof(Elf32_Ehdr));
	le_put(EHDR(e_ehsize), sizeof(Elf32_Ehdr), 2);
	le_put(EHDR(e_phentsize), sizeof(Elf32_Phdr), 2);
	le_put(EHDR(e_phnum), count + 1, 2);
	le_put(EHDR(e_shentsize), sizeof(Elf32_Shdr), 2);
	put_phdr(head, 0, PT_NOTE, note_offset, 0, MINVMLINUX_NOTE_SIZE, 0, PF_R, 4);
	le32_put(note, sizeof(XEN_ELFNOTE_NAME));            /* namesz, NUL included */
	le32_put(note + 4, 4);                               /* descsz */
	le32_put(note + 8, XEN_ELFNOTE_PHYS32_ENTRY);
	memcpy(note + 12, XEN_ELFNOTE_NAME, sizeof(XEN_ELFNOTE_NAME));
	le32_put(note + 16, pvh_entry);
	for (i = 0; i < count; i++) {
		if (offset + loads[i].filesz > UINT32_MAX)
			return 0;   /* an ELF32 p_offset */
		loads[i].offset = (uint32_t)offset;
		put_phdr(head, i + 1, PT_LOAD, loads[i].offset, loads[i].paddr, loads[i].filesz, loads[i].memsz,
			 PF_R | PF_W | PF_X, MINVMLINUX_PAGE);
		offset = page_up(offset + loads[i].filesz);
	}
	return note_offset + MINVMLINUX_NOTE_SIZE;
}
