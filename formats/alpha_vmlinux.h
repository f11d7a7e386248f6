/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A Linux/Alpha kernel as built: vmlinux, an ELF64 little-endian EM_ALPHA
 * executable whose PT_LOAD segments are linked in KSEG (formats/alpha.h) and
 * whose entry is __start.
 *
 * Specification: System V ABI, "ELF Header" and "Program Header" (ELF-64
 * Object File Format 1.5: Elf64_Ehdr 64 bytes, Elf64_Phdr 56 bytes);
 * EM_ALPHA 0x9026 from the Alpha ELF supplement as binutils uses it.
 * Only the program headers are read; no section, symbol or payload byte.
 */
#ifndef FORMATS_ALPHA_VMLINUX_H
#define FORMATS_ALPHA_VMLINUX_H

#include <stddef.h>
#include <stdint.h>

#include "fmt_error.h"

#define ALPHA_VMLINUX_EM_ALPHA      0x9026
#define ALPHA_VMLINUX_EHDR_SIZE     64
#define ALPHA_VMLINUX_PHDR_SIZE     56
/* Bytes a caller reads from offset 0: vmlinux's program headers follow the ELF header */
#define ALPHA_VMLINUX_HEADER_BYTES  4096
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

/*
 * Parse the ELF and program headers from the first `len` bytes of a file of
 * `file_size` bytes. Returns FMT_OK and fills *out, or a status with *err.
 */
enum fmt_status alpha_vmlinux_parse(const uint8_t *buf, size_t len, uint64_t file_size,
				    struct alpha_vmlinux_info *out, struct fmt_error *err);

/*
 * The boot protocol's rules (formats/alpha.h): every segment in KSEG and
 * page aligned, START_ADDR at least 0x10000 above a KERNEL_START_PHYS that is
 * not below the legacy 0x300000, the entry inside a segment.
 */
enum fmt_status alpha_vmlinux_validate(const struct alpha_vmlinux_info *info, struct fmt_error *err);

#endif
