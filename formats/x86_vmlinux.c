/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Linux x86 vmlinux: an ELF image (formats/elfimage.c) checked for a PVH entry. */
#include "config.h"

#include <elf.h>
#include <string.h>

#include "elfnote.h"
#include "le.h"
#include "notewalk.h"
#include "x86_vmlinux.h"

static const uint16_t x86_machines[] = { EM_386, EM_X86_64 };

const struct elfimage_rules x86_vmlinux_rules = {
	.machines = x86_machines,
	.machine_count = 2,
	.max_loads = X86_VMLINUX_MAX_LOADS,
};

/* One PT_LOAD: page aligned (the image keeps p_offset = p_paddr mod page), in [1 MiB, 4 GiB). */
static enum fmt_status check_load(const struct elfimage_segment *seg, struct fmt_error *err)
{
	if (seg->paddr % X86_VMLINUX_PAGE)
		return fmt_fail(err, FMT_UNSUPPORTED, "PT_LOAD", seg->phdr_offset,
				"p_paddr 0x%llx is not page aligned", (unsigned long long)seg->paddr);
	if (seg->paddr < X86_VMLINUX_LOW_LIMIT)
		return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD", seg->phdr_offset,
				"p_paddr 0x%llx is below 1 MiB (BIOS and real-mode memory)",
				(unsigned long long)seg->paddr);
	if (seg->paddr >= X86_VMLINUX_HIGH_LIMIT || seg->memsz > X86_VMLINUX_HIGH_LIMIT - seg->paddr)
		return fmt_fail(err, FMT_UNSUPPORTED, "PT_LOAD", seg->phdr_offset,
				"[0x%llx, +0x%llx) is not below 4 GiB (the PVH entry runs with paging off)",
				(unsigned long long)seg->paddr, (unsigned long long)seg->memsz);
	return FMT_OK;
}

/* Keep the PT_LOADs in ascending p_paddr (the file order need not be). */
static void insert_load(struct x86_vmlinux_info *out, const struct elfimage_segment *seg)
{
	unsigned at = out->load_count;

	while (at > 0 && out->loads[at - 1].paddr > seg->paddr) {
		out->loads[at] = out->loads[at - 1];
		at--;
	}
	out->loads[at] = (struct x86_vmlinux_load){
		.offset = seg->offset, .paddr = seg->paddr,
		.filesz = seg->filesz, .memsz = seg->memsz,
	};
	out->load_count++;
}

/* Xen public/elfnote.h XEN_ELFNOTE_PHYS32_ENTRY in any PT_NOTE: 1 found, 0 none, -1 error. */
static int find_pvh_note(const uint8_t *buf, const struct elfimage_info *elf, uint64_t *entry,
			 uint64_t *where, struct fmt_error *err)
{
	size_t i;

	for (i = 0; i < elf->note_count; i++) {
		const uint8_t *notes = buf + elf->note[i].offset;
		size_t len = (size_t)elf->note[i].filesz, cursor = 0;
		struct notewalk_note note;
		enum fmt_status status;

		while ((status = notewalk_next(notes, len, &cursor, &note, err)) == FMT_OK) {
			if (!notewalk_is(&note, XEN_ELFNOTE_NAME, XEN_ELFNOTE_PHYS32_ENTRY))
				continue;
			*where = elf->note[i].offset + note.offset;
			if (note.descsz == 4) {
				*entry = le32_get(note.desc);
			} else if (note.descsz == 8) {
				*entry = le64_get(note.desc);
			} else {
				fmt_fail(err, FMT_BAD_FIELD, "Xen note", *where,
					 "XEN_ELFNOTE_PHYS32_ENTRY desc of %u bytes, not 4 or 8", note.descsz);
				return -1;
			}
			return 1;
		}
		if (status != FMT_NOT_THIS_FORMAT) {
			err->offset += elf->note[i].offset;
			return -1;
		}
	}
	return 0;
}

/* The entry must be code the loader puts in memory: inside a PT_LOAD's file bytes. */
static int entry_loaded(const struct x86_vmlinux_info *out, uint64_t entry)
{
	unsigned i;

	for (i = 0; i < out->load_count; i++)
		if (entry >= out->loads[i].paddr && entry - out->loads[i].paddr < out->loads[i].filesz)
			return 1;
	return 0;
}

enum fmt_status x86_vmlinux_check(const uint8_t *buf, size_t len, const struct elfimage_info *elf,
				  struct x86_vmlinux_info *out, struct fmt_error *err)
{
	enum fmt_status status;
	uint64_t entry = 0, where = 0;
	size_t i;
	int found;

	(void)len;   /* elfimage_parse checked every PT_LOAD and PT_NOTE against it */
	memset(out, 0, sizeof(*out));
	out->elf_class = elf->elf_class;
	out->machine = elf->machine;
	for (i = 0; i < elf->load_count; i++) {
		const struct elfimage_segment *seg = &elf->load[i];

		if (seg->memsz == 0)
			continue;
		if ((status = check_load(seg, err)) != FMT_OK)
			return status;
		if (out->load_count == X86_VMLINUX_MAX_LOADS)
			return fmt_fail(err, FMT_UNSUPPORTED, "PT_LOAD", seg->phdr_offset,
					"more than %d PT_LOAD segments", X86_VMLINUX_MAX_LOADS);
		insert_load(out, seg);
		out->file_bytes += seg->filesz;
	}
	if (out->load_count == 0)
		return fmt_fail(err, FMT_BAD_FIELD, "program header table", elf->phoff,
				"no PT_LOAD segment with memory: nothing to load");
	out->start = out->loads[0].paddr;
	for (i = 0; i < out->load_count; i++)
		if (out->loads[i].paddr + out->loads[i].memsz > out->end)
			out->end = out->loads[i].paddr + out->loads[i].memsz;
	found = find_pvh_note(buf, elf, &entry, &where, err);
	if (found < 0)
		return err->status;
	if (!found)
		return fmt_fail(err, FMT_UNSUPPORTED, NULL, 0,
				"ELF kernel has no Xen PVH entry note (XEN_ELFNOTE_PHYS32_ENTRY); build it with CONFIG_PVH=y");
	if (entry >= X86_VMLINUX_HIGH_LIMIT || !entry_loaded(out, entry))
		return fmt_fail(err, FMT_BAD_FIELD, "Xen note", where,
				"PVH entry 0x%llx is not inside a PT_LOAD's file bytes",
				(unsigned long long)entry);
	out->pvh_entry = (uint32_t)entry;
	return FMT_OK;
}
