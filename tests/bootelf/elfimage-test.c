/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * elfimage_parse / elfimage_validate on small inline ELF files, one vector
 * per rule of formats/elfimage.c. TAP output.
 */
#include "config.h"

#include <elf.h>
#include <stdio.h>
#include <string.h>

#include "formats/elfimage.h"
#include "tests/tap.h"

/* A segment of the vector: file bytes [offset, +filesz) loaded at paddr. */
struct vec_load {
	uint32_t type, offset, filesz, paddr, memsz;
};

#define VEC_SIZE 0x4000
static uint8_t file[VEC_SIZE];

/* An ELF32 EM_386 ET_EXEC with the given program headers right after the ELF header. */
static size_t make_elf32(uint16_t machine, const struct vec_load *loads, size_t count)
{
	Elf32_Ehdr ehdr;
	size_t i;

	memset(file, 0, sizeof(file));
	memset(&ehdr, 0, sizeof(ehdr));
	memcpy(ehdr.e_ident, ELFMAG, SELFMAG);
	ehdr.e_ident[EI_CLASS] = ELFCLASS32;
	ehdr.e_ident[EI_DATA] = ELFDATA2LSB;
	ehdr.e_ident[EI_VERSION] = EV_CURRENT;
	ehdr.e_type = ET_EXEC;
	ehdr.e_machine = machine;
	ehdr.e_version = EV_CURRENT;
	ehdr.e_entry = 0x100000;
	ehdr.e_phoff = sizeof(ehdr);
	ehdr.e_ehsize = sizeof(ehdr);
	ehdr.e_phentsize = sizeof(Elf32_Phdr);
	ehdr.e_phnum = (uint16_t)count;
	memcpy(file, &ehdr, sizeof(ehdr));
	for (i = 0; i < count; i++) {
		Elf32_Phdr phdr = {
			.p_type = loads[i].type, .p_offset = loads[i].offset,
			.p_vaddr = loads[i].paddr, .p_paddr = loads[i].paddr,
			.p_filesz = loads[i].filesz, .p_memsz = loads[i].memsz,
			.p_flags = PF_R | PF_X, .p_align = 0x1000,
		};
		memcpy(file + sizeof(ehdr) + i * sizeof(phdr), &phdr, sizeof(phdr));
	}
	return VEC_SIZE;
}

static size_t make_elf64(void)
{
	Elf64_Ehdr ehdr;
	Elf64_Phdr phdr;

	memset(file, 0, sizeof(file));
	memset(&ehdr, 0, sizeof(ehdr));
	memcpy(ehdr.e_ident, ELFMAG, SELFMAG);
	ehdr.e_ident[EI_CLASS] = ELFCLASS64;
	ehdr.e_ident[EI_DATA] = ELFDATA2LSB;
	ehdr.e_ident[EI_VERSION] = EV_CURRENT;
	ehdr.e_type = ET_EXEC;
	ehdr.e_machine = EM_X86_64;
	ehdr.e_version = EV_CURRENT;
	ehdr.e_entry = 0x100000000ull;
	ehdr.e_phoff = sizeof(ehdr);
	ehdr.e_ehsize = sizeof(ehdr);
	ehdr.e_phentsize = sizeof(phdr);
	ehdr.e_phnum = 1;
	memcpy(file, &ehdr, sizeof(ehdr));
	memset(&phdr, 0, sizeof(phdr));
	phdr.p_type = PT_LOAD;
	phdr.p_offset = 0x1000;
	phdr.p_filesz = 0x1000;
	phdr.p_paddr = phdr.p_vaddr = 0x100000000ull;
	phdr.p_memsz = 0x3000;
	memcpy(file + sizeof(ehdr), &phdr, sizeof(phdr));
	return VEC_SIZE;
}

static const uint16_t x86_machines[] = { EM_386, EM_X86_64 };
static const struct elfimage_rules rules = { x86_machines, 2, 4 };

static enum fmt_status parse_and_validate(size_t len, struct elfimage_info *info,
					  struct fmt_error *err)
{
	enum fmt_status status = elfimage_parse(file, len, info, err);

	return status != FMT_OK ? status : elfimage_validate(info, &rules, err);
}

int main(void)
{
	static struct elfimage_info info;
	struct fmt_error err;
	const struct vec_load two[] = {
		{ PT_NOTE, 0x100, 0x20, 0, 0x20 },
		{ PT_LOAD, 0x1000, 0x1000, 0x100000, 0x2000 },
		{ PT_LOAD, 0x2000, 0x800, 0x102000, 0x800 },
	};
	struct vec_load bad[5];
	size_t i;

	tap_ok(parse_and_validate(make_elf32(EM_386, two, 3), &info, &err) == FMT_OK,
	   "an ELF32 EM_386 image with two PT_LOAD is accepted");
	tap_ok(info.elf_class == ELFCLASS32 && info.machine == EM_386 && info.entry == 0x100000 &&
	   info.phnum == 3 && info.load_count == 2, "class, machine, entry and counts are read");
	tap_ok(info.load[0].phdr_index == 1 && info.load[0].paddr == 0x100000 &&
	   info.load[0].filesz == 0x1000 && info.load[0].memsz == 0x2000 &&
	   info.load[1].offset == 0x2000 && info.load[1].phdr_offset == 0x34 + 2 * 0x20,
	   "PT_LOAD fields and the header offset are read, other types skipped");

	tap_ok(parse_and_validate(make_elf64(), &info, &err) == FMT_OK &&
	   info.elf_class == ELFCLASS64 && info.load[0].paddr == 0x100000000ull,
	   "an ELF64 EM_X86_64 image with a segment above 4 GiB is accepted");

	memcpy(file, "MZ\x90\0", 4);
	tap_ok(elfimage_parse(file, VEC_SIZE, &info, &err) == FMT_NOT_THIS_FORMAT,
	   "a file without the ELF magic is not this format");
	tap_ok(elfimage_parse(file, 3, &info, &err) == FMT_NOT_THIS_FORMAT,
	   "a 3-byte file is not this format");

	make_elf32(EM_386, two, 3);
	tap_ok(elfimage_parse(file, 0x40, &info, &err) == FMT_TRUNCATED &&
	   strcmp(err.where, "program header table") == 0,
	   "a program header table past the end of the file is truncated");
	tap_ok(elfimage_parse(file, 0x1800, &info, &err) == FMT_TRUNCATED &&
	   strcmp(err.where, "PT_LOAD") == 0 && err.offset == 0x54,
	   "a PT_LOAD whose file bytes end past the file is truncated");

	file[EI_DATA] = ELFDATA2MSB;
	tap_ok(elfimage_parse(file, VEC_SIZE, &info, &err) == FMT_UNSUPPORTED,
	   "a big-endian ELF is unsupported");
	make_elf32(EM_386, two, 3);
	file[0x10] = ET_DYN;
	tap_ok(elfimage_parse(file, VEC_SIZE, &info, &err) == FMT_UNSUPPORTED &&
	   err.offset == 0x10, "an ET_DYN file is not a boot image");

	tap_ok(parse_and_validate(make_elf32(EM_ARM, two, 3), &info, &err) == FMT_UNSUPPORTED &&
	   err.offset == 0x12, "e_machine EM_ARM is refused by the x86 rules");

	memcpy(bad, two, sizeof(two));
	bad[2].paddr = 0x101fff;
	tap_ok(parse_and_validate(make_elf32(EM_386, bad, 3), &info, &err) == FMT_BAD_FIELD &&
	   strstr(err.why, "overlaps") != NULL,
	   "two PT_LOAD sharing one byte of physical memory overlap");
	bad[2].paddr = 0x102000;
	tap_ok(parse_and_validate(make_elf32(EM_386, bad, 3), &info, &err) == FMT_OK,
	   "two PT_LOAD that only touch do not overlap");

	bad[1].filesz = 0x3000;
	tap_ok(elfimage_parse(file, make_elf32(EM_386, bad, 3), &info, &err) == FMT_BAD_FIELD &&
	   strstr(err.why, "p_filesz") != NULL, "p_filesz above p_memsz is refused");
	bad[1].filesz = 0x1000;
	bad[1].paddr = 0xfffff000;
	tap_ok(elfimage_parse(file, make_elf32(EM_386, bad, 3), &info, &err) == FMT_BAD_FIELD,
	   "an ELF32 segment running past 4 GiB is refused");

	for (i = 0; i < 5; i++)
		bad[i] = (struct vec_load){ PT_LOAD, 0x1000, 0x100, 0x100000 + (uint32_t)i * 0x1000, 0x100 };
	tap_ok(parse_and_validate(make_elf32(EM_386, bad, 5), &info, &err) == FMT_UNSUPPORTED &&
	   strstr(err.why, "5 PT_LOAD") != NULL, "five PT_LOAD are more than the rules' four");
	tap_ok(parse_and_validate(make_elf32(EM_386, bad, 4), &info, &err) == FMT_OK,
	   "four PT_LOAD are accepted");
	tap_ok(parse_and_validate(make_elf32(EM_386, two, 1), &info, &err) == FMT_BAD_FIELD, "an image with no PT_LOAD is refused");

	return tap_done();
}
