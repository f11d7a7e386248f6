/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkelf: write a small ELF executable from a readable description, for the
 * bootelf tests (make-bad-images.sh says what each one breaks).
 *
 *   mkelf OUT CLASS MACHINE FILE_SIZE [PADDR:MEMSZ:OFFSET:FILESZ]...
 *
 * CLASS 32 or 64, MACHINE the e_machine number, FILE_SIZE the bytes written
 * (so a segment may end past the file). One PT_LOAD per segment argument,
 * right after the ELF header, p_vaddr = p_paddr, entry = the first PADDR.
 * Segment bytes are 0xAA (the rest of the file 0).
 */
#include "config.h"

#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MKELF_MAX_SIZE (16u << 20)

static int usage(void)
{
	fprintf(stderr, "usage: mkelf OUT CLASS MACHINE FILE_SIZE [PADDR:MEMSZ:OFFSET:FILESZ]...\n");
	return 1;
}

int main(int argc, char **argv)
{
	unsigned long long paddr[64], memsz[64], offset[64], filesz[64];
	unsigned long class, machine, size;
	size_t count = (size_t)argc - 5, i, header_end;
	unsigned char *file;
	FILE *out;

	if (argc < 5 || count > 64)
		return usage();
	class = strtoul(argv[2], NULL, 0);
	machine = strtoul(argv[3], NULL, 0);
	size = strtoul(argv[4], NULL, 0);
	if ((class != 32 && class != 64) || size > MKELF_MAX_SIZE)
		return usage();
	for (i = 0; i < count; i++)
		if (sscanf(argv[5 + i], "%lli:%lli:%lli:%lli", &paddr[i], &memsz[i], &offset[i],
			   &filesz[i]) != 4)
			return usage();
	header_end = class == 32 ? sizeof(Elf32_Ehdr) + count * sizeof(Elf32_Phdr)
				 : sizeof(Elf64_Ehdr) + count * sizeof(Elf64_Phdr);
	file = calloc(1, size > header_end ? size : header_end);
	if (!file)
		return 1;
	for (i = 0; i < count; i++)
		if (offset[i] < size)
			memset(file + offset[i], 0xaa,
			       filesz[i] < size - offset[i] ? filesz[i] : size - offset[i]);
	if (class == 32) {
		Elf32_Ehdr ehdr = { .e_type = ET_EXEC, .e_machine = (Elf32_Half)machine,
				    .e_version = EV_CURRENT, .e_entry = count ? (Elf32_Addr)paddr[0] : 0,
				    .e_phoff = sizeof(Elf32_Ehdr), .e_ehsize = sizeof(Elf32_Ehdr),
				    .e_phentsize = sizeof(Elf32_Phdr), .e_phnum = (Elf32_Half)count };

		memcpy(ehdr.e_ident, ELFMAG, SELFMAG);
		ehdr.e_ident[EI_CLASS] = ELFCLASS32;
		ehdr.e_ident[EI_DATA] = ELFDATA2LSB;
		ehdr.e_ident[EI_VERSION] = EV_CURRENT;
		memcpy(file, &ehdr, sizeof(ehdr));
		for (i = 0; i < count; i++) {
			Elf32_Phdr phdr = { .p_type = PT_LOAD, .p_offset = (Elf32_Off)offset[i],
					    .p_vaddr = (Elf32_Addr)paddr[i], .p_paddr = (Elf32_Addr)paddr[i],
					    .p_filesz = (Elf32_Word)filesz[i], .p_memsz = (Elf32_Word)memsz[i],
					    .p_flags = PF_R | PF_W | PF_X, .p_align = 0x1000 };

			memcpy(file + sizeof(ehdr) + i * sizeof(phdr), &phdr, sizeof(phdr));
		}
	} else {
		Elf64_Ehdr ehdr = { .e_type = ET_EXEC, .e_machine = (Elf64_Half)machine,
				    .e_version = EV_CURRENT, .e_entry = count ? paddr[0] : 0,
				    .e_phoff = sizeof(Elf64_Ehdr), .e_ehsize = sizeof(Elf64_Ehdr),
				    .e_phentsize = sizeof(Elf64_Phdr), .e_phnum = (Elf64_Half)count };

		memcpy(ehdr.e_ident, ELFMAG, SELFMAG);
		ehdr.e_ident[EI_CLASS] = ELFCLASS64;
		ehdr.e_ident[EI_DATA] = ELFDATA2LSB;
		ehdr.e_ident[EI_VERSION] = EV_CURRENT;
		memcpy(file, &ehdr, sizeof(ehdr));
		for (i = 0; i < count; i++) {
			Elf64_Phdr phdr = { .p_type = PT_LOAD, .p_offset = offset[i],
					    .p_vaddr = paddr[i], .p_paddr = paddr[i],
					    .p_filesz = filesz[i], .p_memsz = memsz[i],
					    .p_flags = PF_R | PF_W | PF_X, .p_align = 0x1000 };

			memcpy(file + sizeof(ehdr) + i * sizeof(phdr), &phdr, sizeof(phdr));
		}
	}
	out = fopen(argv[1], "wb");
	if (!out || fwrite(file, 1, size, out) != size || fclose(out) != 0) {
		perror(argv[1]);
		return 1;
	}
	free(file);
	return 0;
}
