/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ELF boot notes block a loader passes (formats/elfnote.h): coreboot's
 * old elfboot (EAX = 0x0E1FB007, EBX = the block), kexec-tools' elf-x86 and
 * Etherboot (the block as the first stack argument). Read into a struct
 * boot_info: the command line (EBN_COMMAND_LINE) and, from Etherboot, its
 * memory map (EB_I386_MEMMAP). Loaders that give no memory map leave it to
 * the coreboot table scan (stub_main.c).
 */
#include "stub.h"
#include "formats/ipsum.h"

/* A block larger than this is not believed */
#define ELFNOTES_MAX_BYTES         0x10000u

static uint32_t elfnotes_pad(uint32_t len)
{
	return (len + 3) & ~3u;
}

/*
 * The block at addr is one: signature, a size that holds its header and is
 * readable, a checksum that is 0 ("not computed") or sums the block to 0.
 */
int elfnotes_valid(uint32_t addr)
{
	struct elf_bhdr bhdr;

	if (addr == 0 || bootinfo_span(addr, sizeof(bhdr)) < sizeof(bhdr))
		return 0;
	memcpy(&bhdr, (const void *)(uintptr_t)addr, sizeof(bhdr));
	if (bhdr.b_signature != ELF_BHDR_MAGIC || bhdr.b_size < sizeof(bhdr) ||
	    bhdr.b_size > ELFNOTES_MAX_BYTES || bootinfo_span(addr, bhdr.b_size) < bhdr.b_size)
		return 0;
	return bhdr.b_checksum == 0 || ipsum((const void *)(uintptr_t)addr, bhdr.b_size) == 0;
}

static int elfnotes_name_is(const uint8_t *name, uint32_t namesz, const char *want)
{
	uint32_t len = (uint32_t)strlen(want) + 1;

	return namesz == len && memcmp(name, want, len) == 0;
}

/* Etherboot's memory map: e820 entries of 20 bytes */
static void elfnotes_read_memmap(const uint8_t *desc, uint32_t descsz, struct boot_info *info)
{
	uint32_t offset;

	for (offset = 0; descsz - offset >= sizeof(struct eb_e820_entry);
	     offset += sizeof(struct eb_e820_entry)) {
		struct eb_e820_entry entry;

		memcpy(&entry, desc + offset, sizeof(entry));
		bootinfo_add_range(info, entry.addr, entry.size, entry.type);
	}
}

static void elfnotes_read_note(const struct elf_nhdr *note, const uint8_t *name,
			       const uint8_t *desc, struct boot_info *info)
{
	if (note->n_namesz == 0 && note->n_type == EBN_COMMAND_LINE && note->n_descsz) {
		info->cmdline = (const char *)desc;
		info->cmdline_len = (uint32_t)strnlen((const char *)desc, note->n_descsz);
	} else if (elfnotes_name_is(name, note->n_namesz, EB_NOTE_NAME) &&
		   note->n_type == EB_I386_MEMMAP) {
		elfnotes_read_memmap(desc, note->n_descsz, info);
	}
}

/* Walk at most b_records notes, each inside b_size; a note that does not fit ends the walk */
int elfnotes_read(uint32_t addr, struct boot_info *info)
{
	struct elf_bhdr bhdr;
	const uint8_t *base = (const uint8_t *)(uintptr_t)addr;
	uint32_t offset = sizeof(bhdr);
	uint32_t record;

	if (!elfnotes_valid(addr))
		return -1;
	memcpy(&bhdr, base, sizeof(bhdr));
	for (record = 0; record < bhdr.b_records; record++) {
		struct elf_nhdr note;
		uint32_t name_room, desc_room;

		if (bhdr.b_size - offset < sizeof(note))
			break;
		memcpy(&note, base + offset, sizeof(note));
		name_room = elfnotes_pad(note.n_namesz);
		desc_room = elfnotes_pad(note.n_descsz);
		if (note.n_namesz > ELFNOTES_MAX_BYTES || note.n_descsz > ELFNOTES_MAX_BYTES ||
		    bhdr.b_size - offset - sizeof(note) < name_room ||
		    bhdr.b_size - offset - sizeof(note) - name_room < desc_room)
			break;
		elfnotes_read_note(&note, base + offset + sizeof(note),
				   base + offset + sizeof(note) + name_room, info);
		offset += sizeof(note) + name_room + desc_room;
	}
	return 0;
}
