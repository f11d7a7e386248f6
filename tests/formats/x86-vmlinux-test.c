/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * formats/x86_vmlinux.c on small inline vmlinux files (ELF32 EM_386 and
 * ELF64 EM_X86_64 with a "Xen" XEN_ELFNOTE_PHYS32_ENTRY note), read first
 * by formats/elfimage.c as mkelfimage/vmlinux.c does. One vector per rule.
 * TAP output.
 */
#include "config.h"

#include <elf.h>
#include <stdio.h>
#include <string.h>

#include "formats/elfnote.h"
#include "formats/x86_vmlinux.h"
#include "tests/tap.h"

#define VEC_SIZE   0x4000
#define NOTE_AT    0x3000      /* the PT_NOTE's bytes in the file */

static uint8_t file[VEC_SIZE];

/* One program header of the vector (both classes) */
struct vec_phdr {
	uint32_t type;
	uint64_t offset, filesz, vaddr, paddr, memsz;
};

/* The note: an unrelated "GNU" one, then "Xen" type `type` with a desc of `descsz` bytes */
static size_t put_notes(uint32_t type, uint32_t descsz, uint64_t entry)
{
	static const uint8_t gnu[] = { 4, 0, 0, 0, 4, 0, 0, 0, 3, 0, 0, 0, 'G', 'N', 'U', 0, 1, 2, 3, 4 };
	struct elf_nhdr xen = { 4, descsz, type };
	size_t at = NOTE_AT;

	memcpy(file + at, gnu, sizeof(gnu));
	at += sizeof(gnu);
	memcpy(file + at, &xen, sizeof(xen));
	memcpy(file + at + sizeof(xen), XEN_ELFNOTE_NAME, 4);
	memcpy(file + at + sizeof(xen) + 4, &entry, descsz < 8 ? descsz : 8);
	return sizeof(gnu) + sizeof(xen) + 4 + ((descsz + 3) & ~3u);
}

/* An ET_EXEC of class `elf_class` with `count` program headers after the ELF header */
static void make_elf(unsigned elf_class, const struct vec_phdr *phdrs, size_t count)
{
	size_t i;

	memset(file, 0, NOTE_AT);
	memcpy(file, ELFMAG, SELFMAG);
	file[EI_CLASS] = (uint8_t)elf_class;
	file[EI_DATA] = ELFDATA2LSB;
	file[EI_VERSION] = EV_CURRENT;
	if (elf_class == ELFCLASS32) {
		Elf32_Ehdr *ehdr = (Elf32_Ehdr *)file;

		ehdr->e_type = ET_EXEC;
		ehdr->e_machine = EM_386;
		ehdr->e_version = EV_CURRENT;
		ehdr->e_phoff = sizeof(*ehdr);
		ehdr->e_ehsize = sizeof(*ehdr);
		ehdr->e_phentsize = sizeof(Elf32_Phdr);
		ehdr->e_phnum = (uint16_t)count;
		for (i = 0; i < count; i++) {
			Elf32_Phdr phdr = {
				.p_type = phdrs[i].type, .p_offset = (uint32_t)phdrs[i].offset,
				.p_vaddr = (uint32_t)phdrs[i].vaddr, .p_paddr = (uint32_t)phdrs[i].paddr,
				.p_filesz = (uint32_t)phdrs[i].filesz, .p_memsz = (uint32_t)phdrs[i].memsz,
				.p_align = 0x1000,
			};
			memcpy(file + sizeof(*ehdr) + i * sizeof(phdr), &phdr, sizeof(phdr));
		}
	} else {
		Elf64_Ehdr *ehdr = (Elf64_Ehdr *)file;

		ehdr->e_type = ET_EXEC;
		ehdr->e_machine = EM_X86_64;
		ehdr->e_version = EV_CURRENT;
		ehdr->e_phoff = sizeof(*ehdr);
		ehdr->e_ehsize = sizeof(*ehdr);
		ehdr->e_phentsize = sizeof(Elf64_Phdr);
		ehdr->e_phnum = (uint16_t)count;
		for (i = 0; i < count; i++) {
			Elf64_Phdr phdr = {
				.p_type = phdrs[i].type, .p_offset = phdrs[i].offset,
				.p_vaddr = phdrs[i].vaddr, .p_paddr = phdrs[i].paddr,
				.p_filesz = phdrs[i].filesz, .p_memsz = phdrs[i].memsz,
				.p_align = 0x1000,
			};
			memcpy(file + sizeof(*ehdr) + i * sizeof(phdr), &phdr, sizeof(phdr));
		}
	}
}

/* elfimage_parse, elfimage_validate, then the vmlinux rules */
static enum fmt_status check(size_t len, struct x86_vmlinux_info *out, struct fmt_error *err)
{
	static struct elfimage_info elf;
	enum fmt_status status = elfimage_parse(file, len, &elf, err);

	if (status == FMT_OK)
		status = elfimage_validate(&elf, &x86_vmlinux_rules, err);
	return status == FMT_OK ? x86_vmlinux_check(file, len, &elf, out, err) : status;
}

int main(void)
{
	struct x86_vmlinux_info info;
	struct fmt_error err;
	/* i386: data (with BSS) listed before text, a PT_LOAD without memory, the note last */
	struct vec_phdr i386[] = {
		{ PT_LOAD, 0x2000, 0x100, 0xc1002000, 0x1002000, 0x2000 },
		{ PT_LOAD, 0x1000, 0x1000, 0xc1000000, 0x1000000, 0x1000 },
		{ PT_LOAD, 0x2000, 0, 0, 0x800000, 0 },
		{ PT_NOTE, NOTE_AT, 0, 0, 0, 0 },
	};
	struct vec_phdr x64[] = {
		{ PT_LOAD, 0x1000, 0x2000, 0xffffffff81000000ull, 0x1000000, 0x2000 },
		{ PT_NOTE, NOTE_AT, 0, 0, 0, 0 },
	};

	i386[3].filesz = x64[1].filesz = put_notes(XEN_ELFNOTE_PHYS32_ENTRY, 4, 0x1000040);
	make_elf(ELFCLASS32, i386, 4);
	tap_ok(check(VEC_SIZE, &info, &err) == FMT_OK && info.pvh_entry == 0x1000040 &&
	       info.elf_class == ELFCLASS32 && info.machine == EM_386,
	       "an i386 vmlinux with a 4-byte PVH note is accepted, its entry read");
	tap_ok(info.load_count == 2 && info.loads[0].paddr == 0x1000000 &&
	       info.loads[1].paddr == 0x1002000 && info.loads[1].memsz == 0x2000 &&
	       info.start == 0x1000000 && info.end == 0x1004000 && info.file_bytes == 0x1100,
	       "PT_LOADs kept in ascending p_paddr, one without memory skipped, start and end");

	x64[1].filesz = put_notes(XEN_ELFNOTE_PHYS32_ENTRY, 8, 0x1000850);
	make_elf(ELFCLASS64, x64, 2);
	tap_ok(check(VEC_SIZE, &info, &err) == FMT_OK && info.pvh_entry == 0x1000850 &&
	       info.loads[0].paddr == 0x1000000,
	       "an x86_64 vmlinux: p_paddr, not the virtual p_vaddr; an 8-byte desc (_ASM_PTR)");

	x64[1].filesz = put_notes(XEN_ELFNOTE_PHYS32_ENTRY - 1, 4, 0x1000040);
	make_elf(ELFCLASS64, x64, 2);
	tap_ok(check(VEC_SIZE, &info, &err) == FMT_UNSUPPORTED && err.where == NULL &&
	       strstr(err.why, "no Xen PVH entry note") && strstr(err.why, "CONFIG_PVH=y"),
	       "without XEN_ELFNOTE_PHYS32_ENTRY the kernel is refused, naming CONFIG_PVH");
	x64[1].filesz = 0;
	make_elf(ELFCLASS64, x64, 2);
	tap_ok(check(VEC_SIZE, &info, &err) == FMT_UNSUPPORTED && err.where == NULL,
	       "an empty PT_NOTE has no PVH note");

	x64[1].filesz = put_notes(XEN_ELFNOTE_PHYS32_ENTRY, 2, 0x1000850);
	make_elf(ELFCLASS64, x64, 2);
	tap_ok(check(VEC_SIZE, &info, &err) == FMT_BAD_FIELD && strstr(err.why, "2 bytes"),
	       "a PVH note desc of 2 bytes is refused");
	x64[1].filesz = put_notes(XEN_ELFNOTE_PHYS32_ENTRY, 8, 0x1002000);
	make_elf(ELFCLASS64, x64, 2);
	tap_ok(check(VEC_SIZE, &info, &err) == FMT_BAD_FIELD && strstr(err.why, "0x1002000"),
	       "a PVH entry past the PT_LOAD's file bytes is refused");
	x64[1].filesz = put_notes(XEN_ELFNOTE_PHYS32_ENTRY, 8, 0x101000000ull);
	make_elf(ELFCLASS64, x64, 2);
	tap_ok(check(VEC_SIZE, &info, &err) == FMT_BAD_FIELD, "a PVH entry above 4 GiB is refused");

	x64[1].filesz = put_notes(XEN_ELFNOTE_PHYS32_ENTRY, 8, 0x1000850);
	memset(file + NOTE_AT + 20, 0xff, 4);   /* the Xen note's n_namesz */
	make_elf(ELFCLASS64, x64, 2);
	tap_ok(check(VEC_SIZE, &info, &err) == FMT_TRUNCATED && err.offset == NOTE_AT + 20,
	       "a note whose name runs past the PT_NOTE is truncated, at its offset in the file");

	put_notes(XEN_ELFNOTE_PHYS32_ENTRY, 8, 0x1000850);
	x64[0].paddr = 0xff000;
	make_elf(ELFCLASS64, x64, 2);
	tap_ok(check(VEC_SIZE, &info, &err) == FMT_BAD_FIELD && strstr(err.why, "below 1 MiB"),
	       "a PT_LOAD below 1 MiB is refused");
	x64[0].paddr = 0x1000800;
	make_elf(ELFCLASS64, x64, 2);
	tap_ok(check(VEC_SIZE, &info, &err) == FMT_UNSUPPORTED && strstr(err.why, "page aligned"),
	       "a PT_LOAD not page aligned is refused");
	x64[0].paddr = 0xfffff000;
	make_elf(ELFCLASS64, x64, 2);
	tap_ok(check(VEC_SIZE, &info, &err) == FMT_UNSUPPORTED && strstr(err.why, "4 GiB"),
	       "a PT_LOAD running past 4 GiB is refused (paging is off at the PVH entry)");
	x64[0].paddr = 0x1000000;

	x64[1].offset = VEC_SIZE - 8;
	make_elf(ELFCLASS64, x64, 2);
	tap_ok(check(VEC_SIZE, &info, &err) == FMT_TRUNCATED && strcmp(err.where, "PT_NOTE") == 0,
	       "a PT_NOTE past the end of the file is truncated (elfimage.c)");
	x64[1].offset = NOTE_AT;

	i386[0].paddr = 0x1000800;
	make_elf(ELFCLASS32, i386, 4);
	tap_ok(check(VEC_SIZE, &info, &err) == FMT_BAD_FIELD && strstr(err.why, "overlaps"),
	       "overlapping PT_LOADs are refused (elfimage_validate)");
	return tap_done();
}
