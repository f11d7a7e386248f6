/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A test loader for the entry paths no stock QEMU loader takes: it loads
 * boot.elf (its first multiboot module) as coreboot's elfboot would, checks
 * the image's ELFBoot checksum the way elfboot does, builds an ELF boot notes
 * block and/or a coreboot table from QEMU's multiboot memory map, and jumps
 * to e_entry with the registers and stack of the chosen loader.
 *
 * Its multiboot command line (QEMU -append) is "mode=MODE [-- TEXT]":
 *   bhdr-eax       EAX=0x0E1FB007, EBX=notes, [ESP+4]=notes (coreboot v2
 *                  elfboot); no memory note, a coreboot table at 0x500
 *                  forwarding to the real one gives the memory
 *   bhdr-stack     EAX=EBX=0, [ESP]=0, [ESP+4]=notes (kexec elf-x86,
 *                  Etherboot xstart32); Etherboot's EB_I386_MEMMAP note
 *   bhdr-nomem     as bhdr-stack with no memory information at all
 *   bare           EAX=EBX=0, [ESP+4]=0 and no table (iPXE's ELF loader)
 *   coreboot-arg   EAX=EBX=0, [ESP+4]=the coreboot table (selfboot.c)
 *   coreboot-scan  EAX=EBX=0, [ESP+4]=0; only the table at 0x500 (iPXE-like)
 *   pvh-high       the image's PVH entry (its Xen note) with EBX = an
 *                  hvm_start_info whose one module lies above 4 GiB (no
 *                  stock loader here can place one there)
 *   coreboot-many  as coreboot-arg, with the RAM from 1 MiB cut into
 *                  HARNESS_MANY_PIECES alternating RAM/reserved 4 KiB ranges
 *                  (more than the zero page's 128 e820 entries)
 *   mb2-efi        EAX=0x36d76289, EBX=a Multiboot2 information block as
 *                  GRUB EFI writes it (command line TEXT, memory map, an
 *                  EFI64 system table tag, an EFI memory map of 3
 *                  descriptors of 48 bytes), the system table made up
 *                  here: its configuration table has only the ACPI 1.0
 *                  GUID, naming the BIOS-area RSDP
 *   mb2-efi-bs     as mb2-efi plus tag 18 "EFI boot services not
 *                  terminated", which GRUB sends only to images asking for it
 * TEXT is the notes' EBN_COMMAND_LINE. It prints "harness_..." lines on COM1.
 *
 * Freestanding test code: it trusts QEMU's multiboot information.
 */
#include <stddef.h>
#include <stdint.h>

#include "formats/coreboot.h"
#include "formats/efi.h"
#include "formats/elfnote.h"
#include "formats/ipsum.h"
#include "formats/multiboot.h"
#include "formats/multiboot2.h"
#include "formats/pvh.h"

#define HARNESS_COM1          0x3f8
#define HARNESS_LOW_TABLE     0x500      /* where modern coreboot puts its forwarder */
#define HARNESS_RSDP_START    0xe0000    /* ACPI 6.4 5.2.5.1: the RSDP in the BIOS area */
#define HARNESS_RSDP_END      0x100000
#define HARNESS_MAX_RANGES    256
#define HARNESS_MODULE_HIGH   0x0c000000 /* a large module moves here, out of the way */
#define HARNESS_EXIT_PORT     0xf4       /* QEMU isa-debug-exit, as the probe uses it */
#define HARNESS_HIGH_MODULE   0x100300000ull  /* pvh-high: above 4 GiB */
#define HARNESS_HIGH_SIZE     0x1234
#define HARNESS_MANY_BASE     0x100000   /* QEMU's RAM range from 1 MiB */
#define HARNESS_MANY_PIECES   200

/* ELF32 (System V ABI), only what a loader reads */
struct harness_ehdr {
	uint8_t  e_ident[16];
	uint16_t e_type, e_machine;
	uint32_t e_version, e_entry, e_phoff, e_shoff, e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};
struct harness_phdr {
	uint32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
};
#define HARNESS_PT_LOAD 1
#define HARNESS_PT_NOTE 4

void harness_main(const struct multiboot_info *mbi) __attribute__((noreturn));
void harness_jump(uint32_t entry, uint32_t eax, uint32_t ebx, uint32_t esp)
	__attribute__((noreturn));
/* stubs/x86/lib.c, linked in: the stub's own freestanding helpers */
void *memset(void *dest, int value, size_t len);
void *memcpy(void *dest, const void *src, size_t len);
size_t strlen(const char *text);

extern char harness_end[];

static uint32_t harness_pvh_entry;    /* from the image's Xen note, 0 = none */
static struct hvm_start_info harness_start_info;
static struct hvm_modlist_entry harness_modlist[1];
static struct hvm_memmap_table_entry harness_memmap[HARNESS_MAX_RANGES];
static uint8_t harness_notes[4096] __attribute__((aligned(16)));
static uint8_t harness_table[8192] __attribute__((aligned(16)));
static uint32_t harness_stack[64];

static int harness_starts(const char *text, const char *prefix)
{
	while (*prefix)
		if (*text++ != *prefix++)
			return 0;
	return 1;
}

static void harness_putc(char c)
{
	uint8_t lsr;

	do
		__asm__ volatile("inb %1, %0" : "=a"(lsr) : "Nd"((uint16_t)(HARNESS_COM1 + 5)));
	while (!(lsr & 0x20));
	__asm__ volatile("outb %0, %1" : : "a"((uint8_t)c), "Nd"((uint16_t)HARNESS_COM1));
}

static void harness_puts(const char *text)
{
	while (*text)
		harness_putc(*text++);
}

static void harness_hex(const char *key, uint32_t value)
{
	int shift;

	harness_puts(key);
	harness_puts("=0x");
	for (shift = 28; shift > 0 && !(value >> shift); shift -= 4)
		;
	for (; shift >= 0; shift -= 4)
		harness_putc("0123456789abcdef"[(value >> shift) & 0xf]);
	harness_putc('\n');
}

static void __attribute__((noreturn)) harness_fail(const char *why)
{
	harness_puts("harness_error=");
	harness_puts(why);
	harness_putc('\n');
	__asm__ volatile("outl %0, %1" : : "a"(1u), "Nd"((uint16_t)HARNESS_EXIT_PORT));
	for (;;)
		__asm__ volatile("cli; hlt");
}

/* QEMU's multiboot memory map, in e820 form */
struct harness_range {
	uint64_t addr, size;
	uint32_t type;
};
static struct harness_range harness_ranges[HARNESS_MAX_RANGES];
static uint32_t harness_range_count;

static void harness_read_mmap(const struct multiboot_info *mbi)
{
	uint32_t offset = 0;

	if (!(mbi->flags & MULTIBOOT_INFO_MEM_MAP))
		harness_fail("no multiboot memory map");
	while (offset < mbi->mmap_length && harness_range_count < HARNESS_MAX_RANGES) {
		struct multiboot_mmap_entry entry;

		memcpy(&entry, (const uint8_t *)mbi->mmap_addr + offset, sizeof(entry));
		harness_ranges[harness_range_count++] =
			(struct harness_range){ entry.addr, entry.len, entry.type };
		offset += entry.size + 4;
	}
	harness_hex("harness_ranges", harness_range_count);
}

/* Cut the RAM range at 1 MiB into alternating RAM/reserved pages, then the rest */
static void harness_cut_ranges(void)
{
	uint32_t i, piece;

	for (i = 0; i < harness_range_count; i++)
		if (harness_ranges[i].addr == HARNESS_MANY_BASE && harness_ranges[i].type == 1)
			break;
	if (i == harness_range_count ||
	    harness_range_count + HARNESS_MANY_PIECES > HARNESS_MAX_RANGES)
		harness_fail("no RAM range at 1 MiB to cut");
	harness_ranges[i].addr += HARNESS_MANY_PIECES * 0x1000u;
	harness_ranges[i].size -= HARNESS_MANY_PIECES * 0x1000u;
	for (piece = 0; piece < HARNESS_MANY_PIECES; piece++)
		harness_ranges[harness_range_count++] = (struct harness_range){
			HARNESS_MANY_BASE + piece * 0x1000u, 0x1000, piece % 2 ? 2 : 1 };
	harness_hex("harness_ranges", harness_range_count);
}

/*
 * The checksum as elfboot's verify_ip_checksum defines it, computed here as
 * one stream (zeros to p_memsz only flip the byte parity) so it checks
 * mkelfimage's piecewise sum independently.
 */
static void harness_check_sum(const uint8_t *file, const struct harness_ehdr *ehdr,
			      const struct harness_phdr *phdr, uint16_t want)
{
	struct ipsum sum = { 0, 0 };
	uint32_t i;

	ipsum_add(&sum, file, ehdr->e_ehsize);
	ipsum_add(&sum, phdr, (size_t)ehdr->e_phnum * sizeof(*phdr));
	for (i = 0; i < ehdr->e_phnum; i++) {
		if (phdr[i].p_type != HARNESS_PT_LOAD || phdr[i].p_memsz == 0)
			continue;
		ipsum_add(&sum, file + phdr[i].p_offset, phdr[i].p_filesz);
		sum.odd ^= (phdr[i].p_memsz - phdr[i].p_filesz) & 1;
	}
	harness_hex("harness_checksum_note", want);
	harness_hex("harness_checksum_computed", ipsum_value(&sum));
}

/* The image's ELFBoot notes (phdr[0], as elfboot reads them) */
static void harness_read_image_notes(const uint8_t *file, const struct harness_ehdr *ehdr,
				     const struct harness_phdr *phdr)
{
	uint32_t offset = 0;

	if (phdr[0].p_type != HARNESS_PT_NOTE) {
		harness_puts("harness_notes=none\n");
		return;
	}
	while (offset + sizeof(struct elf_nhdr) <= phdr[0].p_filesz) {
		struct elf_nhdr note;
		const uint8_t *name, *desc;

		memcpy(&note, file + phdr[0].p_offset + offset, sizeof(note));
		name = file + phdr[0].p_offset + offset + sizeof(note);
		desc = name + ((note.n_namesz + 3) & ~3u);
		if (note.n_namesz == sizeof(XEN_ELFNOTE_NAME) &&
		    harness_starts((const char *)name, XEN_ELFNOTE_NAME) &&
		    note.n_type == XEN_ELFNOTE_PHYS32_ENTRY && note.n_descsz == 4)
			memcpy(&harness_pvh_entry, desc, 4);
		if (note.n_namesz == sizeof(ELF_NOTE_BOOT) && harness_starts((const char *)name, ELF_NOTE_BOOT)) {
			if (note.n_type == EIN_PROGRAM_NAME || note.n_type == EIN_PROGRAM_VERSION) {
				harness_puts(note.n_type == EIN_PROGRAM_NAME ? "harness_program="
					     : "harness_version=");
				harness_puts(desc[note.n_descsz - 1] == 0 ? (const char *)desc : "(no NUL)");
				harness_putc('\n');
			}
			if (note.n_type == EIN_PROGRAM_CHECKSUM && note.n_descsz == 2)
				harness_check_sum(file, ehdr, phdr, (uint16_t)(desc[0] | desc[1] << 8));
		}
		offset += sizeof(note) + ((note.n_namesz + 3) & ~3u) + ((note.n_descsz + 3) & ~3u);
	}
}

/* elfboot's load: every PT_LOAD at p_paddr, zeros up to p_memsz */
static uint32_t harness_load(const struct multiboot_info *mbi)
{
	const struct multiboot_module *module = (const struct multiboot_module *)mbi->mods_addr;
	const uint8_t *file;
	const struct harness_ehdr *ehdr;
	const struct harness_phdr *phdr;
	uint32_t i;

	if (!(mbi->flags & MULTIBOOT_INFO_MODS) || mbi->mods_count < 1)
		harness_fail("no module: pass boot.elf with -initrd");
	file = (const uint8_t *)module->mod_start;
	ehdr = (const struct harness_ehdr *)file;
	if (ehdr->e_ident[0] != 0x7f || ehdr->e_ident[1] != 'E' || ehdr->e_phentsize != sizeof(*phdr))
		harness_fail("module is not an ELF32 image");
	phdr = (const struct harness_phdr *)(file + ehdr->e_phoff);
	/* a real kernel's image is large: QEMU's module may reach its segments */
	for (i = 0; i < ehdr->e_phnum; i++)
		if (phdr[i].p_type == HARNESS_PT_LOAD && phdr[i].p_paddr < module->mod_end)
			break;
	if (i < ehdr->e_phnum) {
		if (module->mod_end - module->mod_start > HARNESS_MODULE_HIGH / 4)
			harness_fail("module too large to move");
		file = memcpy((void *)HARNESS_MODULE_HIGH, file, module->mod_end - module->mod_start);
		ehdr = (const struct harness_ehdr *)file;
		phdr = (const struct harness_phdr *)(file + ehdr->e_phoff);
		harness_puts("harness_module_moved=1\n");
	}
	harness_read_image_notes(file, ehdr, phdr);
	for (i = 0; i < ehdr->e_phnum; i++) {
		if (phdr[i].p_type != HARNESS_PT_LOAD)
			continue;
		if (phdr[i].p_paddr < (uint32_t)(uintptr_t)harness_end ||
		    (phdr[i].p_paddr < HARNESS_MODULE_HIGH + (HARNESS_MODULE_HIGH / 4) &&
		     phdr[i].p_paddr + phdr[i].p_memsz > HARNESS_MODULE_HIGH))
			harness_fail("a segment would overwrite the harness or the moved module");
		memcpy((void *)phdr[i].p_paddr, file + phdr[i].p_offset, phdr[i].p_filesz);
		memset((uint8_t *)phdr[i].p_paddr + phdr[i].p_filesz, 0,
		       phdr[i].p_memsz - phdr[i].p_filesz);
	}
	harness_hex("harness_entry", ehdr->e_entry);
	return ehdr->e_entry;
}

/* Append one note to the block at *offset (ELF note layout, 4-byte padding) */
static void harness_add_note(uint32_t *offset, const char *name, uint32_t type,
			     const void *desc, uint32_t descsz)
{
	struct elf_nhdr note = { name ? (uint32_t)strlen(name) + 1 : 0, descsz, type };

	memcpy(harness_notes + *offset, &note, sizeof(note));
	*offset += sizeof(note);
	if (name)
		memcpy(harness_notes + *offset, name, note.n_namesz);
	*offset += (note.n_namesz + 3) & ~3u;
	memcpy(harness_notes + *offset, desc, descsz);
	*offset += (descsz + 3) & ~3u;
}

static uint32_t harness_build_notes(const char *cmdline, int with_memmap)
{
	struct elf_bhdr bhdr = { ELF_BHDR_MAGIC, 0, 0, 0 };
	uint32_t offset = sizeof(bhdr);
	uint32_t i;

	harness_add_note(&offset, NULL, EBN_BOOTLOADER_NAME, "harness", 8);
	bhdr.b_records++;
	harness_add_note(&offset, NULL, EBN_COMMAND_LINE, cmdline, (uint32_t)strlen(cmdline) + 1);
	bhdr.b_records++;
	if (with_memmap) {
		struct eb_e820_entry entries[HARNESS_MAX_RANGES];

		for (i = 0; i < harness_range_count; i++)
			entries[i] = (struct eb_e820_entry){ harness_ranges[i].addr,
							     harness_ranges[i].size,
							     harness_ranges[i].type };
		harness_add_note(&offset, EB_NOTE_NAME, EB_I386_MEMMAP, entries,
				 harness_range_count * sizeof(entries[0]));
		bhdr.b_records++;
	}
	bhdr.b_size = offset;
	memcpy(harness_notes, &bhdr, sizeof(bhdr));
	bhdr.b_checksum = ipsum(harness_notes, offset);
	memcpy(harness_notes, &bhdr, sizeof(bhdr));
	return (uint32_t)(uintptr_t)harness_notes;
}

/* A header with its checksums over the `bytes` of records that follow it */
static void harness_seal_table(uint8_t *table, uint32_t bytes, uint32_t entries)
{
	struct lb_header header = { { 'L', 'B', 'I', 'O' }, sizeof(header), 0, bytes, 0, entries };

	header.table_checksum = ipsum(table + sizeof(header), bytes);
	memcpy(table, &header, sizeof(header));
	header.header_checksum = ipsum(table, sizeof(header));
	memcpy(table, &header, sizeof(header));
}

/* The firmware's RSDP ("RSD PTR " on a 16-byte boundary), for the table's RSDP record */
static uint32_t harness_find_rsdp(void)
{
	uint32_t addr;

	for (addr = HARNESS_RSDP_START; addr < HARNESS_RSDP_END; addr += 16)
		if (harness_starts((const char *)addr, "RSD PTR "))
			break;
	if (addr == HARNESS_RSDP_END)
		harness_fail("no ACPI RSDP in the BIOS area");
	harness_hex("harness_rsdp", addr);
	return addr;
}

/* The real table: memory ranges (plus one LB_MEM_TABLE) and an RSDP record */
static uint32_t harness_build_table(void)
{
	uint8_t *records = harness_table + sizeof(struct lb_header);
	struct lb_record memory = { LB_TAG_MEMORY, sizeof(struct lb_record) };
	struct lb_acpi_rsdp rsdp = { LB_TAG_ACPI_RSDP, sizeof(rsdp), harness_find_rsdp(), 0 };
	uint32_t i;

	for (i = 0; i <= harness_range_count; i++) {
		struct lb_memory_range range = { HARNESS_LOW_TABLE, 0, 0x100, 0, LB_MEM_TABLE };

		if (i < harness_range_count)
			range = (struct lb_memory_range){
				(uint32_t)harness_ranges[i].addr, (uint32_t)(harness_ranges[i].addr >> 32),
				(uint32_t)harness_ranges[i].size, (uint32_t)(harness_ranges[i].size >> 32),
				harness_ranges[i].type };
		memcpy(records + memory.size, &range, sizeof(range));
		memory.size += sizeof(range);
	}
	memcpy(records, &memory, sizeof(memory));
	memcpy(records + memory.size, &rsdp, sizeof(rsdp));
	harness_seal_table(harness_table, memory.size + sizeof(rsdp), 2);
	return (uint32_t)(uintptr_t)harness_table;
}

/* Xen start_info.h, version 1: command line, one module above 4 GiB, memory map, RSDP */
static uint32_t harness_build_start_info(const char *cmdline)
{
	uint32_t i;

	if (harness_pvh_entry == 0)
		harness_fail("the image has no PVH note");
	for (i = 0; i < harness_range_count; i++)
		harness_memmap[i] = (struct hvm_memmap_table_entry){
			harness_ranges[i].addr, harness_ranges[i].size, harness_ranges[i].type, 0 };
	harness_modlist[0] = (struct hvm_modlist_entry){ HARNESS_HIGH_MODULE, HARNESS_HIGH_SIZE, 0, 0 };
	harness_start_info = (struct hvm_start_info){
		.magic = XEN_HVM_START_MAGIC_VALUE,
		.version = 1,
		.nr_modules = 1,
		.modlist_paddr = (uint32_t)(uintptr_t)harness_modlist,
		.cmdline_paddr = (uint32_t)(uintptr_t)cmdline,
		.rsdp_paddr = harness_find_rsdp(),
		.memmap_paddr = (uint32_t)(uintptr_t)harness_memmap,
		.memmap_entries = harness_range_count,
	};
	harness_hex("harness_pvh_entry", harness_pvh_entry);
	return (uint32_t)(uintptr_t)&harness_start_info;
}

/* mb2-efi: a made-up 64-bit EFI system table and configuration table */
#define HARNESS_EFI_DESC_SIZE  48
#define HARNESS_EFI_DESCS      3
static struct efi_system_table_64 harness_systab __attribute__((aligned(8)));
static struct efi_config_table_64 harness_config[2] __attribute__((aligned(8)));
static uint8_t harness_mbi2[8192] __attribute__((aligned(8)));

/* One Multiboot2 tag at *offset (8-byte aligned), the offset moved past it */
static void harness_mbi2_tag(uint32_t *offset, uint32_t type, const void *data, uint32_t size)
{
	struct multiboot2_tag tag = { type, sizeof(tag) + size };

	memcpy(harness_mbi2 + *offset, &tag, sizeof(tag));
	memcpy(harness_mbi2 + *offset + sizeof(tag), data, size);
	*offset += (tag.size + 7) & ~7u;
}

static uint32_t harness_build_mbi2(const char *cmdline, int boot_services)
{
	static const uint8_t other_guid[EFI_GUID_SIZE] = { 1, 2, 3, 4 };
	static const uint8_t acpi10_guid[EFI_GUID_SIZE] = EFI_ACPI_TABLE_GUID_BYTES;
	static uint8_t buffer[HARNESS_MAX_RANGES * sizeof(struct multiboot2_mmap_entry) + 8];
	uint32_t offset = sizeof(struct multiboot2_info), i, words[2];
	uint64_t pointer;

	harness_mbi2_tag(&offset, MULTIBOOT2_TAG_TYPE_CMDLINE, cmdline, strlen(cmdline) + 1);
	words[0] = sizeof(struct multiboot2_mmap_entry);
	words[1] = 0;
	memcpy(buffer, words, 8);
	for (i = 0; i < harness_range_count; i++) {
		struct multiboot2_mmap_entry entry = { harness_ranges[i].addr, harness_ranges[i].size,
						       harness_ranges[i].type, 0 };

		memcpy(buffer + 8 + i * sizeof(entry), &entry, sizeof(entry));
	}
	harness_mbi2_tag(&offset, MULTIBOOT2_TAG_TYPE_MMAP, buffer, 8 + i * sizeof(struct multiboot2_mmap_entry));

	memcpy(harness_config[0].guid, other_guid, EFI_GUID_SIZE);
	harness_config[0].table = 0x12345678;
	memcpy(harness_config[1].guid, acpi10_guid, EFI_GUID_SIZE);
	harness_config[1].table = harness_find_rsdp();
	harness_systab.hdr.signature = EFI_SYSTEM_TABLE_SIGNATURE;
	harness_systab.nr_tables = 2;
	harness_systab.tables = (uint32_t)(uintptr_t)harness_config;
	pointer = (uint32_t)(uintptr_t)&harness_systab;
	harness_mbi2_tag(&offset, MULTIBOOT2_TAG_TYPE_EFI64, &pointer, sizeof(pointer));
	harness_hex("harness_efi_systab", (uint32_t)pointer);

	/* descr_size 48, descr_vers 1, then 3 descriptors with a recognisable first byte */
	words[0] = HARNESS_EFI_DESC_SIZE;
	words[1] = 1;
	memset(buffer, 0, 8 + HARNESS_EFI_DESCS * HARNESS_EFI_DESC_SIZE);
	memcpy(buffer, words, 8);
	for (i = 0; i < HARNESS_EFI_DESCS; i++)
		buffer[8 + i * HARNESS_EFI_DESC_SIZE] = (uint8_t)(0xa0 + i);
	harness_mbi2_tag(&offset, MULTIBOOT2_TAG_TYPE_EFI_MMAP, buffer, 8 + HARNESS_EFI_DESCS * HARNESS_EFI_DESC_SIZE);
	if (boot_services)
		harness_mbi2_tag(&offset, MULTIBOOT2_TAG_TYPE_EFI_BS, buffer, 0);
	harness_mbi2_tag(&offset, MULTIBOOT2_TAG_TYPE_END, buffer, 0);
	words[0] = offset;
	words[1] = 0;
	memcpy(harness_mbi2, words, 8);
	return (uint32_t)(uintptr_t)harness_mbi2;
}

/* Modern coreboot's low table: one LB_TAG_FORWARD record to the real one */
static void harness_build_forwarder(uint32_t table)
{
	uint8_t *low = (uint8_t *)HARNESS_LOW_TABLE;
	struct lb_forward forward = { LB_TAG_FORWARD, sizeof(forward), table, 0 };

	memcpy(low + sizeof(struct lb_header), &forward, sizeof(forward));
	harness_seal_table(low, sizeof(forward), 1);
}

void harness_main(const struct multiboot_info *mbi)
{
	const char *args = (mbi->flags & MULTIBOOT_INFO_CMDLINE) ? (const char *)mbi->cmdline : "";
	const char *mode = args, *text = "";
	uint32_t entry, arg = 0, eax = 0, ebx = 0;
	const char *p;

	for (p = args; *p; p++) {
		if (harness_starts(p, "mode="))
			mode = p + 5;
		if (harness_starts(p, " -- ")) {
			text = p + 4;
			break;
		}
	}
	harness_read_mmap(mbi);
	entry = harness_load(mbi);
	if (harness_starts(mode, "bhdr-eax")) {
		harness_build_forwarder(harness_build_table());
		arg = ebx = harness_build_notes(text, 0);
		eax = ELF_BHDR_MAGIC;
	} else if (harness_starts(mode, "bhdr-stack")) {
		arg = harness_build_notes(text, 1);
	} else if (harness_starts(mode, "bhdr-nomem")) {
		arg = harness_build_notes(text, 0);
	} else if (harness_starts(mode, "bare")) {
		arg = 0;
	} else if (harness_starts(mode, "pvh-high")) {
		ebx = harness_build_start_info(text);
		entry = harness_pvh_entry;
	} else if (harness_starts(mode, "coreboot-many")) {
		harness_cut_ranges();
		arg = harness_build_table();
	} else if (harness_starts(mode, "coreboot-arg")) {
		arg = harness_build_table();
	} else if (harness_starts(mode, "mb2-efi-bs")) {
		ebx = harness_build_mbi2(text, 1);
		eax = MULTIBOOT2_BOOTLOADER_MAGIC;
	} else if (harness_starts(mode, "mb2-efi")) {
		ebx = harness_build_mbi2(text, 0);
		eax = MULTIBOOT2_BOOTLOADER_MAGIC;
	} else if (harness_starts(mode, "coreboot-scan")) {
		harness_build_forwarder(harness_build_table());
	} else {
		harness_fail("unknown mode");
	}
	harness_puts("harness_jump=ok\n");
	/* [ESP] = 0, no return address; [ESP+4] = the argument */
	harness_stack[62] = 0;
	harness_stack[63] = arg;
	harness_jump(entry, eax, ebx, (uint32_t)(uintptr_t)&harness_stack[62]);
}
