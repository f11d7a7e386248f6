/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <string.h>

#include "elfimage.h"

/* ELF header field offsets (System V ABI, "ELF Header"), for error messages */
#define ELFIMAGE_OFF_TYPE     0x10
#define ELFIMAGE_OFF_MACHINE  0x12
#define ELFIMAGE_OFF_PHOFF32  0x1c
#define ELFIMAGE_OFF_PHOFF64  0x20
#define ELFIMAGE_OFF_PHNUM32  0x2c
#define ELFIMAGE_OFF_PHNUM64  0x38

const char *elfimage_machine_name(uint16_t machine)
{
	switch (machine) {
	case EM_386:    return "EM_386";
	case EM_X86_64: return "EM_X86_64";
	case EM_ALPHA:  return "EM_ALPHA";
	case EM_AARCH64: return "EM_AARCH64";
	case EM_RISCV:  return "EM_RISCV";
	default:        return NULL;
	}
}

/* The identification bytes, read before libelf so a non-ELF file says so plainly. */
static enum fmt_status check_ident(const uint8_t *buf, size_t len, struct elfimage_info *out,
				   struct fmt_error *err)
{
	if (len < EI_NIDENT || memcmp(buf, ELFMAG, SELFMAG) != 0)
		return fmt_fail(err, FMT_NOT_THIS_FORMAT, "ELF header", 0,
				"no ELF magic (\\177ELF): not an ELF file");
	if (buf[EI_CLASS] != ELFCLASS32 && buf[EI_CLASS] != ELFCLASS64)
		return fmt_fail(err, FMT_BAD_FIELD, "ELF header", EI_CLASS,
				"class %u is neither ELFCLASS32 (1) nor ELFCLASS64 (2)", buf[EI_CLASS]);
	if (buf[EI_DATA] != ELFDATA2LSB)
		return fmt_fail(err, FMT_UNSUPPORTED, "ELF header", EI_DATA,
				"data encoding %u is not ELFDATA2LSB (1, little endian)", buf[EI_DATA]);
	out->elf_class = buf[EI_CLASS];
	if (len < (out->elf_class == ELFCLASS32 ? sizeof(Elf32_Ehdr) : sizeof(Elf64_Ehdr)))
		return fmt_fail(err, FMT_TRUNCATED, "ELF header", 0,
				"the file (%zu bytes) ends inside the ELF header", len);
	return FMT_OK;
}

/* The program header table [e_phoff, e_phoff + phnum * e_phentsize) lies in the file. */
static enum fmt_status check_phdr_table(const GElf_Ehdr *ehdr, size_t phnum, size_t len,
					unsigned elf_class, struct fmt_error *err)
{
	uint64_t entsize = elf_class == ELFCLASS32 ? sizeof(Elf32_Phdr) : sizeof(Elf64_Phdr);
	uint64_t phoff_at = elf_class == ELFCLASS32 ? ELFIMAGE_OFF_PHOFF32 : ELFIMAGE_OFF_PHOFF64;

	if (phnum == 0)
		return FMT_OK;
	if (ehdr->e_phentsize != entsize)
		return fmt_fail(err, FMT_BAD_FIELD, "ELF header", phoff_at + 0x0e,
				"e_phentsize %u is not %llu", ehdr->e_phentsize,
				(unsigned long long)entsize);
	if (ehdr->e_phoff > len || phnum > (len - ehdr->e_phoff) / entsize)
		return fmt_fail(err, FMT_TRUNCATED, "program header table", ehdr->e_phoff,
				"%zu program headers of %llu bytes at offset 0x%llx end past the file (%zu bytes)",
				phnum, (unsigned long long)entsize,
				(unsigned long long)ehdr->e_phoff, len);
	return FMT_OK;
}

/* One PT_LOAD: its file bytes inside the file, memsz covering filesz, no wrap. */
static enum fmt_status check_load(const GElf_Phdr *phdr, uint64_t at, size_t len,
				  unsigned elf_class, struct fmt_error *err)
{
	uint64_t limit = elf_class == ELFCLASS32 ? UINT64_C(0x100000000) : UINT64_MAX;

	if (phdr->p_offset > len || phdr->p_filesz > len - phdr->p_offset)
		return fmt_fail(err, FMT_TRUNCATED, "PT_LOAD", at,
				"file bytes [0x%llx, +0x%llx) end past the file (%zu bytes)",
				(unsigned long long)phdr->p_offset,
				(unsigned long long)phdr->p_filesz, len);
	if (phdr->p_filesz > phdr->p_memsz)
		return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD", at,
				"p_filesz 0x%llx is larger than p_memsz 0x%llx",
				(unsigned long long)phdr->p_filesz,
				(unsigned long long)phdr->p_memsz);
	if (phdr->p_memsz > limit - phdr->p_paddr)
		return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD", at,
				"p_paddr 0x%llx + p_memsz 0x%llx runs past the end of the address space",
				(unsigned long long)phdr->p_paddr,
				(unsigned long long)phdr->p_memsz);
	return FMT_OK;
}

/* One PT_NOTE: its bytes inside the file; the notes themselves are walked by notewalk.c. */
static enum fmt_status add_note(const GElf_Phdr *phdr, uint64_t at, size_t len,
				struct elfimage_info *out, struct fmt_error *err)
{
	struct elfimage_note_segment *note;

	if (phdr->p_offset > len || phdr->p_filesz > len - phdr->p_offset)
		return fmt_fail(err, FMT_TRUNCATED, "PT_NOTE", at,
				"note bytes [0x%llx, +0x%llx) end past the file (%zu bytes)",
				(unsigned long long)phdr->p_offset,
				(unsigned long long)phdr->p_filesz, len);
	if (out->note_count == ELFIMAGE_MAX_NOTES)
		return fmt_fail(err, FMT_UNSUPPORTED, "PT_NOTE", at,
				"more than %d PT_NOTE segments", ELFIMAGE_MAX_NOTES);
	note = &out->note[out->note_count++];
	note->offset = phdr->p_offset;
	note->filesz = phdr->p_filesz;
	note->phdr_offset = at;
	return FMT_OK;
}

static enum fmt_status read_loads(Elf *elf, const GElf_Ehdr *ehdr, size_t phnum, size_t len,
				  struct elfimage_info *out, struct fmt_error *err)
{
	uint64_t entsize = out->elf_class == ELFCLASS32 ? sizeof(Elf32_Phdr) : sizeof(Elf64_Phdr);
	enum fmt_status status;
	size_t i;

	for (i = 0; i < phnum; i++) {
		uint64_t at = ehdr->e_phoff + i * entsize;
		struct elfimage_segment *seg;
		GElf_Phdr phdr;

		if (!gelf_getphdr(elf, (int)i, &phdr))
			return fmt_fail(err, FMT_BAD_FIELD, "program header", at,
					"libelf cannot read it: %s", elf_errmsg(-1));
		if (phdr.p_type == PT_NOTE) {
			status = add_note(&phdr, at, len, out, err);
			if (status != FMT_OK)
				return status;
			continue;
		}
		if (phdr.p_type != PT_LOAD)
			continue;
		status = check_load(&phdr, at, len, out->elf_class, err);
		if (status != FMT_OK)
			return status;
		if (out->load_count == ELFIMAGE_MAX_LOADS)
			return fmt_fail(err, FMT_UNSUPPORTED, "PT_LOAD", at,
					"more than %d PT_LOAD segments", ELFIMAGE_MAX_LOADS);
		seg = &out->load[out->load_count++];
		seg->phdr_index = (uint32_t)i;
		seg->phdr_offset = at;
		seg->flags = phdr.p_flags;
		seg->offset = phdr.p_offset;
		seg->filesz = phdr.p_filesz;
		seg->vaddr = phdr.p_vaddr;
		seg->paddr = phdr.p_paddr;
		seg->memsz = phdr.p_memsz;
		seg->align = phdr.p_align;
	}
	return FMT_OK;
}

enum fmt_status elfimage_parse(const uint8_t *buf, size_t len, struct elfimage_info *out,
			       struct fmt_error *err)
{
	enum fmt_status status;
	GElf_Ehdr ehdr;
	size_t phnum;
	Elf *elf;

	memset(out, 0, sizeof(*out));
	out->file_size = len;
	status = check_ident(buf, len, out, err);
	if (status != FMT_OK)
		return status;

	elf_version(EV_CURRENT);
	/* Read-only use: libelf does not write to a buffer opened for reading. */
	elf = elf_memory((char *)(uintptr_t)buf, len);
	if (!elf || elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &ehdr)) {
		status = fmt_fail(err, FMT_BAD_FIELD, "ELF header", 0, "libelf cannot read it: %s",
				  elf_errmsg(-1));
		goto out;
	}
	out->type = ehdr.e_type;
	out->machine = ehdr.e_machine;
	out->entry = ehdr.e_entry;
	if (ehdr.e_type != ET_EXEC) {
		status = fmt_fail(err, FMT_UNSUPPORTED, "ELF header", ELFIMAGE_OFF_TYPE,
				  "e_type %u is not ET_EXEC (2): a boot image is an executable",
				  ehdr.e_type);
		goto out;
	}
	/* elfutils clamps elf_getphdrnum to the headers that fit in the file:
	 * take e_phnum itself so a cut table is reported, not hidden. */
	phnum = ehdr.e_phnum;
	/* PN_XNUM: the count is sh_info of section header 0 ("Extended Program Header Numbering") */
	if (phnum == PN_XNUM && ehdr.e_shoff == 0) {
		status = fmt_fail(err, FMT_BAD_FIELD, "ELF header",
				  out->elf_class == ELFCLASS32 ? ELFIMAGE_OFF_PHNUM32 : ELFIMAGE_OFF_PHNUM64,
				  "e_phnum 0xffff (PN_XNUM) puts the count in section header 0, but e_shoff is 0 (no section headers)");
		goto out;
	}
	if (phnum == PN_XNUM && elf_getphdrnum(elf, &phnum) != 0) {
		status = fmt_fail(err, FMT_BAD_FIELD, "ELF header", 0,
				  "libelf cannot count the program headers: %s", elf_errmsg(-1));
		goto out;
	}
	out->phnum = phnum;
	out->phoff = ehdr.e_phoff;
	status = check_phdr_table(&ehdr, phnum, len, out->elf_class, err);
	if (status == FMT_OK)
		status = read_loads(elf, &ehdr, phnum, len, out, err);
out:
	elf_end(elf);
	return status;
}

/* Any two PT_LOAD whose physical ranges share a byte (n is small: pairwise). */
static enum fmt_status check_overlaps(const struct elfimage_info *info, struct fmt_error *err)
{
	size_t i, j;

	for (i = 0; i < info->load_count; i++) {
		const struct elfimage_segment *a = &info->load[i];

		for (j = i + 1; j < info->load_count; j++) {
			const struct elfimage_segment *b = &info->load[j];

			if (a->memsz && b->memsz && a->paddr < b->paddr + b->memsz &&
			    b->paddr < a->paddr + a->memsz)
				return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD", b->phdr_offset,
						"program header %u [0x%llx, 0x%llx) overlaps program header %u [0x%llx, 0x%llx)",
						b->phdr_index, (unsigned long long)b->paddr,
						(unsigned long long)(b->paddr + b->memsz),
						a->phdr_index, (unsigned long long)a->paddr,
						(unsigned long long)(a->paddr + a->memsz));
		}
	}
	return FMT_OK;
}

enum fmt_status elfimage_validate(const struct elfimage_info *info,
				  const struct elfimage_rules *rules, struct fmt_error *err)
{
	size_t i;

	for (i = 0; i < rules->machine_count; i++)
		if (rules->machines[i] == info->machine)
			break;
	if (i == rules->machine_count) {
		char names[96] = "";
		size_t used = 0;

		for (i = 0; i < rules->machine_count && used < sizeof(names); i++) {
			const char *name = elfimage_machine_name(rules->machines[i]);

			used += (size_t)snprintf(names + used, sizeof(names) - used, "%s%s",
						 i ? ", " : "", name ? name : "?");
		}
		return fmt_fail(err, FMT_UNSUPPORTED, "ELF header", ELFIMAGE_OFF_MACHINE,
				"e_machine %u is not one of %s", info->machine, names);
	}
	if (info->load_count == 0)
		return fmt_fail(err, FMT_BAD_FIELD, "program header table", info->phoff,
				"no PT_LOAD segment: nothing to load");
	if (info->load_count > rules->max_loads)
		return fmt_fail(err, FMT_UNSUPPORTED, "program header table", info->phoff,
				"%zu PT_LOAD segments, more than the %zu this loader takes", info->load_count,
				rules->max_loads);
	return check_overlaps(info, err);
}
