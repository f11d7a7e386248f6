/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Linux/Alpha vmlinux (ELF64, EM_ALPHA): program headers in, a checked description out. */
#include "config.h"

#include <string.h>

#include "alpha.h"
#include "alpha_vmlinux.h"

/* e_ident and header field offsets (ELF-64 Object File Format, Elf64_Ehdr) */
#define EI_CLASS_OFF     4
#define EI_DATA_OFF      5
#define ELFCLASS64_VAL   2
#define ELFDATA2LSB_VAL  1
#define E_TYPE_OFF       0x10
#define E_MACHINE_OFF    0x12
#define E_ENTRY_OFF      0x18
#define E_PHOFF_OFF      0x20
#define E_PHENTSIZE_OFF  0x36
#define E_PHNUM_OFF      0x38
#define ET_EXEC_VAL      2
/* Elf64_Phdr */
#define P_TYPE_OFF       0x00
#define P_FLAGS_OFF      0x04
#define P_OFFSET_OFF     0x08
#define P_VADDR_OFF      0x10
#define P_FILESZ_OFF     0x20
#define P_MEMSZ_OFF      0x28
#define PT_LOAD_VAL      1
#define PT_DYNAMIC_VAL   2
#define PT_INTERP_VAL    3

static uint16_t get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get_le64(const uint8_t *p)
{
	return (uint64_t)get_le32(p) | (uint64_t)get_le32(p + 4) << 32;
}

static enum fmt_status parse_ident(const uint8_t *buf, size_t len, struct fmt_error *err)
{
	if (len < 4 || memcmp(buf, "\177ELF", 4) != 0)
		return fmt_fail(err, FMT_NOT_THIS_FORMAT, "ELF header", 0,
				"no ELF magic: --arch alpha takes a vmlinux (ELF64), not a compressed or x86 kernel");
	if (len < ALPHA_VMLINUX_EHDR_SIZE)
		return fmt_fail(err, FMT_TRUNCATED, "ELF header", 0,
				"%zu bytes, shorter than the 64-byte ELF64 header", len);
	if (buf[EI_CLASS_OFF] != ELFCLASS64_VAL)
		return fmt_fail(err, FMT_UNSUPPORTED, "e_ident[EI_CLASS]", EI_CLASS_OFF,
				"class %u; a Linux/Alpha kernel is ELF64 (2)", buf[EI_CLASS_OFF]);
	if (buf[EI_DATA_OFF] != ELFDATA2LSB_VAL)
		return fmt_fail(err, FMT_UNSUPPORTED, "e_ident[EI_DATA]", EI_DATA_OFF,
				"data encoding %u; Alpha is little endian (1)", buf[EI_DATA_OFF]);
	if (get_le16(buf + E_MACHINE_OFF) != ALPHA_VMLINUX_EM_ALPHA)
		return fmt_fail(err, FMT_UNSUPPORTED, "e_machine", E_MACHINE_OFF,
				"machine 0x%x is not EM_ALPHA (0x9026)", get_le16(buf + E_MACHINE_OFF));
	if (get_le16(buf + E_TYPE_OFF) != ET_EXEC_VAL)
		return fmt_fail(err, FMT_UNSUPPORTED, "e_type", E_TYPE_OFF,
				"type %u; a kernel is an executable (ET_EXEC 2)", get_le16(buf + E_TYPE_OFF));
	return FMT_OK;
}

/* One PT_LOAD: its file bytes inside the file, memsz covering filesz, no wrap. */
static enum fmt_status parse_load(const uint8_t *ph, uint64_t ph_off, uint64_t file_size,
				  struct alpha_vmlinux_info *out, struct fmt_error *err)
{
	struct alpha_vmlinux_load load = {
		.offset = get_le64(ph + P_OFFSET_OFF),
		.vaddr = get_le64(ph + P_VADDR_OFF),
		.filesz = get_le64(ph + P_FILESZ_OFF),
		.memsz = get_le64(ph + P_MEMSZ_OFF),
		.flags = get_le32(ph + P_FLAGS_OFF),
	};

	if (out->load_count == ALPHA_VMLINUX_MAX_LOADS)
		return fmt_fail(err, FMT_UNSUPPORTED, "program header", ph_off,
				"more than %u PT_LOAD segments", ALPHA_VMLINUX_MAX_LOADS);
	if (load.offset > file_size || load.filesz > file_size - load.offset)
		return fmt_fail(err, FMT_TRUNCATED, "PT_LOAD p_offset", ph_off + P_OFFSET_OFF,
				"segment bytes [0x%llx, +0x%llx) end past the file's %llu bytes",
				(unsigned long long)load.offset, (unsigned long long)load.filesz,
				(unsigned long long)file_size);
	if (load.memsz < load.filesz || load.memsz == 0)
		return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD p_memsz", ph_off + P_MEMSZ_OFF,
				"p_memsz 0x%llx is 0 or below p_filesz 0x%llx",
				(unsigned long long)load.memsz, (unsigned long long)load.filesz);
	if (load.vaddr > UINT64_MAX - load.memsz)
		return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD p_vaddr", ph_off + P_VADDR_OFF,
				"segment at 0x%llx of 0x%llx bytes wraps past the top of memory",
				(unsigned long long)load.vaddr, (unsigned long long)load.memsz);
	if (out->load_count && load.vaddr < out->end)
		return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD p_vaddr", ph_off + P_VADDR_OFF,
				"segment at 0x%llx overlaps or precedes the one ending at 0x%llx (ELF: ascending p_vaddr)",
				(unsigned long long)load.vaddr, (unsigned long long)out->end);
	if (!out->load_count)
		out->start = load.vaddr;
	out->end = load.vaddr + load.memsz;
	out->loads[out->load_count++] = load;
	return FMT_OK;
}

enum fmt_status alpha_vmlinux_parse(const uint8_t *buf, size_t len, uint64_t file_size,
				    struct alpha_vmlinux_info *out, struct fmt_error *err)
{
	uint64_t phoff;
	unsigned phnum, i;
	enum fmt_status status;

	memset(out, 0, sizeof(*out));
	if (len > file_size)
		len = (size_t)file_size;
	if ((status = parse_ident(buf, len, err)) != FMT_OK)
		return status;
	out->entry = get_le64(buf + E_ENTRY_OFF);
	phoff = get_le64(buf + E_PHOFF_OFF);
	phnum = get_le16(buf + E_PHNUM_OFF);
	if (get_le16(buf + E_PHENTSIZE_OFF) != ALPHA_VMLINUX_PHDR_SIZE)
		return fmt_fail(err, FMT_BAD_FIELD, "e_phentsize", E_PHENTSIZE_OFF,
				"%u, not the 56 bytes of an Elf64_Phdr", get_le16(buf + E_PHENTSIZE_OFF));
	if (phnum == 0)
		return fmt_fail(err, FMT_BAD_FIELD, "e_phnum", E_PHNUM_OFF, "no program headers");
	if (phoff > len || (uint64_t)phnum * ALPHA_VMLINUX_PHDR_SIZE > len - phoff)
		return fmt_fail(err, phoff + (uint64_t)phnum * ALPHA_VMLINUX_PHDR_SIZE > file_size
				? FMT_TRUNCATED : FMT_UNSUPPORTED, "e_phoff", E_PHOFF_OFF,
				"%u program headers at 0x%llx end past the first %zu bytes read",
				phnum, (unsigned long long)phoff, len);
	for (i = 0; i < phnum; i++) {
		const uint8_t *ph = buf + phoff + (uint64_t)i * ALPHA_VMLINUX_PHDR_SIZE;
		uint64_t ph_off = phoff + (uint64_t)i * ALPHA_VMLINUX_PHDR_SIZE;
		uint32_t type = get_le32(ph + P_TYPE_OFF);

		if (type == PT_INTERP_VAL || type == PT_DYNAMIC_VAL)
			return fmt_fail(err, FMT_UNSUPPORTED, "program header", ph_off,
					"PT_INTERP or PT_DYNAMIC: a dynamic program, not a kernel");
		if (type == PT_LOAD_VAL && (status = parse_load(ph, ph_off, file_size, out, err)) != FMT_OK)
			return status;
	}
	if (!out->load_count)
		return fmt_fail(err, FMT_BAD_FIELD, "program headers", phoff, "no PT_LOAD segment");
	return FMT_OK;
}

enum fmt_status alpha_vmlinux_validate(const struct alpha_vmlinux_info *info, struct fmt_error *err)
{
	uint64_t lowest = ALPHA_PAGE_OFFSET + ALPHA_KERNEL_START_LEGACY + ALPHA_START_ADDR_OFFSET;
	unsigned i;

	if (info->start < lowest)
		return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD p_vaddr", 0,
				"kernel starts at 0x%llx, below START_ADDR 0x%llx of the lowest KERNEL_START_PHYS "
				"(0x300000, asm/setup.h) or outside KSEG",
				(unsigned long long)info->start, (unsigned long long)lowest);
	for (i = 0; i < info->load_count; i++)
		if (info->loads[i].vaddr % ALPHA_PAGE_SIZE)
			return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD p_vaddr", 0,
					"segment at 0x%llx is not aligned to the 8 KiB Alpha page",
					(unsigned long long)info->loads[i].vaddr);
	for (i = 0; i < info->load_count; i++)
		if (info->entry >= info->loads[i].vaddr &&
		    info->entry - info->loads[i].vaddr < info->loads[i].filesz)
			return FMT_OK;
	return fmt_fail(err, FMT_BAD_FIELD, "e_entry", E_ENTRY_OFF,
			"entry 0x%llx lies in no PT_LOAD's file bytes", (unsigned long long)info->entry);
}
