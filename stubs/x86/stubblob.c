/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * stubblob: turns the x86 stub's ELF file into the C definition of
 * stub_x86_blob (mkelfimage/stub_blob.h). Run at build time:
 *
 *     stubblob stub.elf stub_x86_blob.c
 *
 * The stub is linked at 0 with --emit-relocs (-Wl,-q), so its file keeps the
 * relocations the linker applied. Each R_386_32 names a 32-bit word holding an
 * address inside the stub: mkelfimage adds the load address to it. In an
 * ET_EXEC file r_offset is a virtual address (not a section offset, as in a
 * relocatable object); with the segment at 0 it is the blob offset. Words
 * against SHN_ABS symbols (the header's offsets, from stub.lds) and
 * PC-relative ones stay as they are; any other type is an error.
 *
 * Every check fails loudly; the output is written to a temporary file and
 * renamed, so a failed run leaves no partial file. Same input, same output.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "formats/multiboot.h"
#include "formats/multiboot2.h"
#include "formats/stubparam.h"

#define STUBBLOB_SYMBOL "stub_x86_blob"

struct stubblob {
	const char *path;
	Elf *elf;
	const uint8_t *bytes;          /* the PT_LOAD's file bytes */
	uint32_t file_size;            /* p_filesz */
	uint32_t mem_size;             /* p_memsz */
	uint64_t file_offset;          /* p_offset */
	uint32_t *relocs;
	size_t reloc_count;
};

static void stubblob_die(const struct stubblob *blob, const char *format, ...)
	__attribute__((noreturn, format(printf, 2, 3)));

static void stubblob_die(const struct stubblob *blob, const char *format, ...)
{
	va_list args;

	fprintf(stderr, "stubblob: %s: ", blob->path);
	va_start(args, format);
	vfprintf(stderr, format, args);
	va_end(args);
	fputc('\n', stderr);
	exit(1);
}

static uint32_t stubblob_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t stubblob_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

/* ELF32 i386 executable with exactly one PT_LOAD at 0 */
static void stubblob_read_segment(struct stubblob *blob)
{
	GElf_Ehdr ehdr;
	size_t phnum, index, raw_size, loads = 0;
	const char *raw;

	if (elf_kind(blob->elf) != ELF_K_ELF || gelf_getclass(blob->elf) != ELFCLASS32)
		stubblob_die(blob, "not an ELF32 file");
	if (!gelf_getehdr(blob->elf, &ehdr) || ehdr.e_machine != EM_386 || ehdr.e_type != ET_EXEC)
		stubblob_die(blob, "not an i386 ET_EXEC file");
	if (ehdr.e_ident[EI_DATA] != ELFDATA2LSB)
		stubblob_die(blob, "not little endian");
	if (elf_getphdrnum(blob->elf, &phnum) != 0)
		stubblob_die(blob, "program headers: %s", elf_errmsg(-1));
	raw = elf_rawfile(blob->elf, &raw_size);
	if (!raw)
		stubblob_die(blob, "cannot read the file: %s", elf_errmsg(-1));

	for (index = 0; index < phnum; index++) {
		GElf_Phdr phdr;

		if (!gelf_getphdr(blob->elf, (int)index, &phdr))
			stubblob_die(blob, "program header %zu: %s", index, elf_errmsg(-1));
		if (phdr.p_type != PT_LOAD)
			continue;
		if (++loads > 1)
			stubblob_die(blob, "more than one PT_LOAD (stub.lds must make one)");
		if (phdr.p_vaddr != 0 || phdr.p_paddr != 0)
			stubblob_die(blob, "PT_LOAD at 0x%llx, not linked at 0",
				     (unsigned long long)phdr.p_vaddr);
		if (phdr.p_filesz > phdr.p_memsz || phdr.p_memsz > UINT32_MAX)
			stubblob_die(blob, "PT_LOAD sizes 0x%llx/0x%llx",
				     (unsigned long long)phdr.p_filesz,
				     (unsigned long long)phdr.p_memsz);
		if (phdr.p_offset > raw_size || phdr.p_filesz > raw_size - phdr.p_offset)
			stubblob_die(blob, "PT_LOAD beyond the end of the file");
		blob->bytes = (const uint8_t *)raw + phdr.p_offset;
		blob->file_offset = phdr.p_offset;
		blob->file_size = (uint32_t)phdr.p_filesz;
		blob->mem_size = (uint32_t)phdr.p_memsz;
	}
	if (loads == 0)
		stubblob_die(blob, "no PT_LOAD");
}

/*
 * Multiboot2 3.1.1: 8-byte aligned in the first 32 KiB, magic, architecture
 * i386, header_length covering at least the end tag, checksum; and no tag 7
 * (EFI boot services): the stub's entry is 32-bit, GRUB must exit them.
 */
static void stubblob_check_multiboot2(const struct stubblob *blob, uint32_t file_size)
{
	const uint8_t *b = blob->bytes;
	uint32_t at = stubblob_le32(b + offsetof(struct stub_header, multiboot2_offset));
	uint32_t length, tag;

	if (at == 0)
		return;
	if (at % MULTIBOOT2_HEADER_ALIGN != 0 || at > file_size - sizeof(struct multiboot2_header) ||
	    at > MULTIBOOT2_SEARCH - sizeof(struct multiboot2_header))
		stubblob_die(blob, "multiboot2 header at 0x%x misplaced", at);
	length = stubblob_le32(b + at + 8);
	if (stubblob_le32(b + at) != MULTIBOOT2_HEADER_MAGIC ||
	    stubblob_le32(b + at + 4) != MULTIBOOT2_ARCHITECTURE_I386 ||
	    (uint32_t)(stubblob_le32(b + at) + stubblob_le32(b + at + 4) + length +
		       stubblob_le32(b + at + 12)) != 0)
		stubblob_die(blob, "multiboot2 header at 0x%x: bad magic, architecture or checksum", at);
	if (length < sizeof(struct multiboot2_header) + 8 || length > file_size - at ||
	    length > MULTIBOOT2_SEARCH - at)
		stubblob_die(blob, "multiboot2 header at 0x%x: header_length 0x%x", at, length);
	for (tag = sizeof(struct multiboot2_header); tag + 8 <= length;) {
		uint16_t type = stubblob_le16(b + at + tag);
		uint32_t size = stubblob_le32(b + at + tag + 4);

		if (type == MULTIBOOT2_HEADER_TAG_EFI_BS)
			stubblob_die(blob, "multiboot2 header asks GRUB to keep EFI boot services");
		if (type == MULTIBOOT2_HEADER_TAG_END)
			return;
		if (size < 8 || size > length - tag)
			break;
		tag += (size + MULTIBOOT2_TAG_ALIGN - 1) & ~(uint32_t)(MULTIBOOT2_TAG_ALIGN - 1);
	}
	stubblob_die(blob, "multiboot2 header at 0x%x: no end tag", at);
}

/* struct stub_header agrees with the segment; the offsets it gives are sane */
static void stubblob_check_header(const struct stubblob *blob)
{
	const uint8_t *b = blob->bytes;
	uint32_t file_size, mem_size, entry, params, params_size, multiboot;

	if (blob->file_size < sizeof(struct stub_header) ||
	    memcmp(b, STUB_HEADER_MAGIC, STUB_HEADER_MAGIC_LEN) != 0)
		stubblob_die(blob, "no stub header magic \"%s\" at offset 0", STUB_HEADER_MAGIC);
	if (stubblob_le16(b + offsetof(struct stub_header, version)) != STUB_HEADER_VERSION ||
	    stubblob_le16(b + offsetof(struct stub_header, header_size)) != sizeof(struct stub_header))
		stubblob_die(blob, "stub header version or header_size wrong");

	file_size = stubblob_le32(b + offsetof(struct stub_header, file_size));
	mem_size = stubblob_le32(b + offsetof(struct stub_header, mem_size));
	entry = stubblob_le32(b + offsetof(struct stub_header, entry_offset));
	params = stubblob_le32(b + offsetof(struct stub_header, params_offset));
	params_size = stubblob_le32(b + offsetof(struct stub_header, params_size));
	multiboot = stubblob_le32(b + offsetof(struct stub_header, multiboot_offset));

	if (file_size != blob->file_size)
		stubblob_die(blob, "header file_size 0x%x != p_filesz 0x%x", file_size, blob->file_size);
	if (mem_size != blob->mem_size)
		stubblob_die(blob, "header mem_size 0x%x != p_memsz 0x%x", mem_size, blob->mem_size);
	if (mem_size % 16 != 0)
		stubblob_die(blob, "mem_size 0x%x is not a multiple of 16", mem_size);
	if (entry < sizeof(struct stub_header) || entry >= file_size)
		stubblob_die(blob, "entry_offset 0x%x outside the blob", entry);
	if (params_size != sizeof(struct stub_params) || params > file_size ||
	    params_size > file_size - params || params % 4 != 0)
		stubblob_die(blob, "params at 0x%x size 0x%x do not fit", params, params_size);
	if (stubblob_le32(b + params + offsetof(struct stub_params, magic)) != STUB_PARAMS_MAGIC ||
	    stubblob_le16(b + params + offsetof(struct stub_params, version)) != STUB_PARAMS_VERSION ||
	    stubblob_le16(b + params + offsetof(struct stub_params, size)) != params_size)
		stubblob_die(blob, "params at 0x%x: magic, version or size not initialised", params);
	if (multiboot != 0) {
		uint32_t magic, flags, checksum;

		if (multiboot % MULTIBOOT_HEADER_ALIGN != 0 || multiboot > MULTIBOOT_SEARCH - 12 ||
		    multiboot > file_size - 12)
			stubblob_die(blob, "multiboot header at 0x%x misplaced", multiboot);
		magic = stubblob_le32(b + multiboot);
		flags = stubblob_le32(b + multiboot + 4);
		checksum = stubblob_le32(b + multiboot + 8);
		if (magic != MULTIBOOT_HEADER_MAGIC || (uint32_t)(magic + flags + checksum) != 0)
			stubblob_die(blob, "multiboot header at 0x%x: bad magic or checksum", multiboot);
		if (flags & MULTIBOOT_AOUT_KLUDGE)
			stubblob_die(blob, "multiboot header sets the a.out kludge");
	}
	stubblob_check_multiboot2(blob, file_size);
}

static void stubblob_add(struct stubblob *blob, uint32_t offset)
{
	uint32_t *grown = realloc(blob->relocs, (blob->reloc_count + 1) * sizeof(*grown));

	if (!grown)
		stubblob_die(blob, "out of memory");
	blob->relocs = grown;
	blob->relocs[blob->reloc_count++] = offset;
}

/* One SHT_REL section applying to an allocated section of the segment */
static void stubblob_read_rel(struct stubblob *blob, Elf_Scn *rel_scn, const GElf_Shdr *rel_shdr)
{
	Elf_Scn *target_scn = elf_getscn(blob->elf, rel_shdr->sh_info);
	Elf_Scn *symtab_scn = elf_getscn(blob->elf, rel_shdr->sh_link);
	Elf_Data *rel_data, *sym_data;
	GElf_Shdr target, symtab;
	size_t index, count;

	if (!target_scn || !gelf_getshdr(target_scn, &target) ||
	    !symtab_scn || !gelf_getshdr(symtab_scn, &symtab))
		stubblob_die(blob, "relocation section with bad sh_info/sh_link");
	if (!(target.sh_flags & SHF_ALLOC))
		return;         /* debug information: never loaded */
	if (target.sh_type == SHT_NOBITS ||
	    target.sh_addr > blob->file_size || target.sh_size > blob->file_size - target.sh_addr ||
	    target.sh_offset - blob->file_offset != target.sh_addr)
		stubblob_die(blob, "relocated section at 0x%llx is not file bytes of the segment",
			     (unsigned long long)target.sh_addr);
	rel_data = elf_getdata(rel_scn, NULL);
	sym_data = elf_getdata(symtab_scn, NULL);
	if (!rel_data || !sym_data || rel_shdr->sh_entsize == 0)
		stubblob_die(blob, "cannot read relocations: %s", elf_errmsg(-1));
	count = rel_shdr->sh_size / rel_shdr->sh_entsize;

	for (index = 0; index < count; index++) {
		GElf_Rel rel;
		GElf_Sym sym;
		uint64_t where;
		uint32_t value;

		if (!gelf_getrel(rel_data, (int)index, &rel))
			stubblob_die(blob, "relocation %zu: %s", index, elf_errmsg(-1));
		switch (GELF_R_TYPE(rel.r_info)) {
		case R_386_NONE:
		case R_386_PC32:
		case R_386_PLT32:
			continue;   /* relative: right wherever the stub is */
		case R_386_32:
			break;
		default:
			stubblob_die(blob, "relocation type %u at 0x%llx: only R_386_32 and "
				     "PC-relative ones can be moved",
				     (unsigned)GELF_R_TYPE(rel.r_info),
				     (unsigned long long)rel.r_offset);
		}
		if (GELF_R_SYM(rel.r_info) == STN_UNDEF ||
		    !gelf_getsym(sym_data, (int)GELF_R_SYM(rel.r_info), &sym))
			stubblob_die(blob, "R_386_32 at 0x%llx without a symbol",
				     (unsigned long long)rel.r_offset);
		if (sym.st_shndx == SHN_ABS)
			continue;   /* a number (stub.lds ABSOLUTE()), not an address */
		if (sym.st_shndx == SHN_UNDEF)
			stubblob_die(blob, "R_386_32 at 0x%llx against an undefined symbol",
				     (unsigned long long)rel.r_offset);

		/* ET_EXEC: r_offset is the word's virtual address, i.e. its blob offset */
		where = rel.r_offset;
		if (where < target.sh_addr || where - target.sh_addr > target.sh_size - 4 ||
		    where > blob->file_size - 4)
			stubblob_die(blob, "R_386_32 at 0x%llx outside its section",
				     (unsigned long long)where);
		value = stubblob_le32(blob->bytes + where);
		if (value > blob->mem_size)
			stubblob_die(blob, "R_386_32 at 0x%llx holds 0x%x, not an address in the stub",
				     (unsigned long long)where, value);
		stubblob_add(blob, (uint32_t)where);
	}
}

static int stubblob_compare(const void *left, const void *right)
{
	uint32_t a = *(const uint32_t *)left, b = *(const uint32_t *)right;

	return a < b ? -1 : a > b;
}

static void stubblob_read_relocs(struct stubblob *blob)
{
	Elf_Scn *scn = NULL;
	size_t index;

	while ((scn = elf_nextscn(blob->elf, scn)) != NULL) {
		GElf_Shdr shdr;

		if (!gelf_getshdr(scn, &shdr))
			stubblob_die(blob, "section header: %s", elf_errmsg(-1));
		if (shdr.sh_type == SHT_RELA)
			stubblob_die(blob, "SHT_RELA section: i386 uses SHT_REL");
		if (shdr.sh_type == SHT_REL)
			stubblob_read_rel(blob, scn, &shdr);
	}
	if (blob->reloc_count == 0)
		stubblob_die(blob, "no R_386_32 relocations: was the stub linked with -Wl,-q?");
	qsort(blob->relocs, blob->reloc_count, sizeof(*blob->relocs), stubblob_compare);
	for (index = 1; index < blob->reloc_count; index++)
		if (blob->relocs[index] - blob->relocs[index - 1] < 4)
			stubblob_die(blob, "relocated words at 0x%x and 0x%x overlap",
				     blob->relocs[index - 1], blob->relocs[index]);
}

static void stubblob_write_c(const struct stubblob *blob, FILE *out)
{
	uint32_t index;

	fprintf(out, "/* Generated by stubblob from the x86 stub's ELF file: do not edit. */\n"
		"#include \"mkelfimage/stub_blob.h\"\n\n");
	fprintf(out, "static const uint8_t stub_x86_bytes[%u] = {", blob->file_size);
	for (index = 0; index < blob->file_size; index++)
		fprintf(out, "%s0x%02x,", index % 12 ? " " : "\n\t", blob->bytes[index]);
	fprintf(out, "\n};\n\nstatic const uint32_t stub_x86_relocs[%zu] = {", blob->reloc_count);
	for (index = 0; index < blob->reloc_count; index++)
		fprintf(out, "%s0x%05x,", index % 6 ? " " : "\n\t", blob->relocs[index]);
	fprintf(out, "\n};\n\nconst struct stub_blob " STUBBLOB_SYMBOL " = {\n"
		"\t.bytes = stub_x86_bytes,\n"
		"\t.size = sizeof(stub_x86_bytes),\n"
		"\t.relocs = stub_x86_relocs,\n"
		"\t.reloc_count = sizeof(stub_x86_relocs) / sizeof(stub_x86_relocs[0]),\n"
		"};\n");
}

/* A temporary file beside the output, renamed over it only when complete */
static void stubblob_write(const struct stubblob *blob, const char *out_path)
{
	size_t len = strlen(out_path);
	char *tmp_path = malloc(len + sizeof(".tmpXXXXXX"));
	FILE *out;
	int fd;

	if (!tmp_path) {
		fprintf(stderr, "stubblob: out of memory\n");
		exit(2);
	}
	memcpy(tmp_path, out_path, len);
	memcpy(tmp_path + len, ".tmpXXXXXX", sizeof(".tmpXXXXXX"));
	fd = mkstemp(tmp_path);
	if (fd < 0 || !(out = fdopen(fd, "w"))) {
		fprintf(stderr, "stubblob: %s: %s\n", out_path, strerror(errno));
		if (fd >= 0)
			unlink(tmp_path);
		exit(2);
	}
	stubblob_write_c(blob, out);
	if (fflush(out) != 0 || ferror(out) || fclose(out) != 0 ||
	    chmod(tmp_path, 0644) != 0 || rename(tmp_path, out_path) != 0) {
		fprintf(stderr, "stubblob: %s: %s\n", out_path, strerror(errno));
		unlink(tmp_path);
		exit(2);
	}
	free(tmp_path);
}

int main(int argc, char **argv)
{
	struct stubblob blob = { 0 };
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: stubblob STUB.elf OUTPUT.c\n");
		return 1;
	}
	blob.path = argv[1];
	if (elf_version(EV_CURRENT) == EV_NONE)
		stubblob_die(&blob, "libelf: %s", elf_errmsg(-1));
	fd = open(blob.path, O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "stubblob: %s: %s\n", blob.path, strerror(errno));
		return 2;
	}
	blob.elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!blob.elf)
		stubblob_die(&blob, "libelf: %s", elf_errmsg(-1));

	stubblob_read_segment(&blob);
	stubblob_check_header(&blob);
	stubblob_read_relocs(&blob);
	stubblob_write(&blob, argv[2]);

	elf_end(blob.elf);
	close(fd);
	free(blob.relocs);
	return 0;
}
