/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ELF notes the image carries for its loaders, and the ELF boot notes block
 * a loader may hand the entry point.
 *
 * Note encoding: System V ABI "Note Section" (namesz, descsz, type, name and
 * desc each padded to 4 bytes); mkelfimage/notes.h writes it.
 *
 * In the image (one PT_NOTE, first program header, p_align 4):
 *   "Xen" XEN_ELFNOTE_PHYS32_ENTRY: desc = the 32-bit PVH entry address
 *     (Xen public/elfnote.h; QEMU reads it as 4 bytes for ELF32 images).
 *   "ELFBoot" EIN_*: the ELF boot proposal (Eric Biederman, 2002, as in
 *     coreboot's elf_boot.h and elfboot.c): program name and version
 *     (NUL-terminated: coreboot's elfboot ignores a desc without the NUL),
 *     and a 2-byte IP checksum of the loaded image that elfboot and
 *     Etherboot recompute (mkelfimage/elfboot_sum.c states the rule).
 *
 * At boot (EAX = ELF_BHDR_MAGIC, EBX = the block; or kexec-tools' elf-x86 and
 * Etherboot's xstart32: the block as the first cdecl stack argument):
 *
 *  0 +-------------+
 *    | b_signature |  ELF_BHDR_MAGIC
 *  4 | b_size      |  bytes of the whole block, this header included
 *  8 | b_checksum  |  IP checksum of b_size bytes, or 0 = not computed
 * 10 | b_records   |  notes that follow
 * 12 +-------------+  notes: n_namesz 0 for the EBN_* records, "Etherboot"
 *                     for Etherboot's own
 */
#ifndef FORMATS_ELFNOTE_H
#define FORMATS_ELFNOTE_H

#include <stdint.h>

/* Xen public/elfnote.h */
#define XEN_ELFNOTE_NAME           "Xen"
#define XEN_ELFNOTE_PHYS32_ENTRY   18

/* ELF boot proposal: image notes, name "ELFBoot" */
#define ELF_NOTE_BOOT              "ELFBoot"
#define EIN_PROGRAM_NAME           1    /* NUL-terminated string */
#define EIN_PROGRAM_VERSION        2    /* NUL-terminated string */
#define EIN_PROGRAM_CHECKSUM       3    /* uint16_t, little endian */

/* ELF boot proposal: the block a loader passes */
#define ELF_BHDR_MAGIC             0x0e1fb007u

struct elf_bhdr {
	uint32_t b_signature;          /* 0x00 */
	uint32_t b_size;               /* 0x04 */
	uint16_t b_checksum;           /* 0x08 */
	uint16_t b_records;            /* 0x0a */
};                                     /* 0x0c */

struct elf_nhdr {
	uint32_t n_namesz;             /* 0x00  with the NUL; 0 = no name */
	uint32_t n_descsz;             /* 0x04 */
	uint32_t n_type;               /* 0x08 */
};                                     /* 0x0c */

/* Boot-time notes with no name (n_namesz 0) */
#define EBN_FIRMWARE_TYPE          1    /* "PCBIOS", "LinuxBIOS", "coreboot" */
#define EBN_BOOTLOADER_NAME        2
#define EBN_BOOTLOADER_VERSION     3
#define EBN_COMMAND_LINE           4    /* NUL-terminated */
#define EBN_NOP                    5
#define EBN_LOADED_IMAGE           6

/* Etherboot's notes (name "Etherboot"): its memory map, e820 entries of 20 bytes */
#define EB_NOTE_NAME               "Etherboot"
#define EB_I386_MEMMAP             8

struct eb_e820_entry {
	uint64_t addr;                 /* 0x00 */
	uint64_t size;                 /* 0x08 */
	uint32_t type;                 /* 0x10  e820 type */
} __attribute__((packed));             /* 0x14 */

_Static_assert(sizeof(struct elf_bhdr) == 12, "Elf_Bhdr layout");
_Static_assert(__builtin_offsetof(struct elf_bhdr, b_checksum) == 8, "Elf_Bhdr.b_checksum");
_Static_assert(sizeof(struct elf_nhdr) == 12, "Elf_Nhdr layout");
_Static_assert(sizeof(struct eb_e820_entry) == 20, "Etherboot e820 entry layout");

#endif
