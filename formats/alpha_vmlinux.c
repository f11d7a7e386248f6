/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Linux/Alpha vmlinux: an ELF image (formats/elfimage.c) checked against the Alpha boot rules. */
#include "config.h"

#include <string.h>

#include "alpha.h"
#include "alpha_vmlinux.h"

#define ELF64_CLASS         2        /* ELFCLASS64 */
#define ELF_OFF_CLASS       4        /* e_ident[EI_CLASS] */
#define ELF64_OFF_ENTRY     0x18     /* Elf64_Ehdr.e_entry */

static const uint16_t alpha_machines[] = { ALPHA_VMLINUX_EM_ALPHA };

const struct elfimage_rules alpha_vmlinux_rules = {
	.machines = alpha_machines,
	.machine_count = 1,
	.max_loads = ALPHA_VMLINUX_MAX_LOADS,
};

/* One segment: where vmlinux links it is where it runs and where it is loaded. */
static enum fmt_status check_load(const struct elfimage_segment *seg, const struct alpha_vmlinux_info *out,
				  struct fmt_error *err)
{
	if (seg->vaddr != seg->paddr)
		return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD", seg->phdr_offset,
				"p_vaddr 0x%llx differs from p_paddr 0x%llx; vmlinux has them equal, in KSEG",
				(unsigned long long)seg->vaddr, (unsigned long long)seg->paddr);
	if (seg->vaddr % ALPHA_PAGE_SIZE)
		return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD", seg->phdr_offset,
				"p_vaddr 0x%llx is not aligned to the 8 KiB Alpha page",
				(unsigned long long)seg->vaddr);
	if (out->load_count && seg->vaddr < out->end)
		return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD", seg->phdr_offset,
				"p_vaddr 0x%llx is below the end 0x%llx of the one before (ELF: ascending p_vaddr)",
				(unsigned long long)seg->vaddr, (unsigned long long)out->end);
	return FMT_OK;
}

enum fmt_status alpha_vmlinux_check(const struct elfimage_info *elf, struct alpha_vmlinux_info *out,
				    struct fmt_error *err)
{
	uint64_t lowest = ALPHA_PAGE_OFFSET + ALPHA_KERNEL_START_LEGACY + ALPHA_START_ADDR_OFFSET;
	enum fmt_status status;
	unsigned i;

	memset(out, 0, sizeof(*out));
	if (elf->elf_class != ELF64_CLASS)
		return fmt_fail(err, FMT_UNSUPPORTED, "ELF header", ELF_OFF_CLASS,
				"class %u; a Linux/Alpha kernel is ELF64 (2)", elf->elf_class);
	if (elf->load_count == 0 || elf->load_count > ALPHA_VMLINUX_MAX_LOADS)
		return fmt_fail(err, FMT_UNSUPPORTED, "program header table", 0,
				"%zu PT_LOAD segments, not 1 to %d", elf->load_count, ALPHA_VMLINUX_MAX_LOADS);
	for (i = 0; i < elf->load_count; i++) {
		const struct elfimage_segment *seg = &elf->load[i];

		if ((status = check_load(seg, out, err)) != FMT_OK)
			return status;
		out->loads[out->load_count++] = (struct alpha_vmlinux_load){
			.offset = seg->offset, .vaddr = seg->vaddr, .filesz = seg->filesz,
			.memsz = seg->memsz, .flags = seg->flags,
		};
		out->end = seg->vaddr + seg->memsz;
	}
	out->start = out->loads[0].vaddr;
	out->entry = elf->entry;
	if (out->start < lowest)
		return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD", elf->load[0].phdr_offset,
				"kernel starts at 0x%llx, below START_ADDR 0x%llx of the lowest KERNEL_START_PHYS "
				"(0x300000, asm/setup.h) or outside KSEG",
				(unsigned long long)out->start, (unsigned long long)lowest);
	for (i = 0; i < out->load_count; i++)
		if (out->entry >= out->loads[i].vaddr && out->entry - out->loads[i].vaddr < out->loads[i].filesz)
			return FMT_OK;
	return fmt_fail(err, FMT_BAD_FIELD, "ELF header", ELF64_OFF_ENTRY,
			"e_entry 0x%llx lies in no PT_LOAD's file bytes", (unsigned long long)out->entry);
}
