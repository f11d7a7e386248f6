/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The image's notes for its loaders (bootnotes.h). The PVH note names the
 * stub's PVH entry; the ELFBoot notes name the program ("Linux") and its
 * version (the kernel's version text), and carry the IP checksum
 * coreboot's elfboot and Etherboot verify after loading (elfboot_sum.c).
 */
#include "config.h"

#include <elf.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "bootnotes.h"
#include "elfboot_sum.h"
#include "formats/elfnote.h"
#include "common/report.h"

#define BOOTNOTES_PROGRAM_NAME     "Linux"

static int bootnotes_out_of_memory(void)
{
	return report_error(EXIT_IO, "out of memory");
}

/*
 * Xen public/elfnote.h: desc is the 32-bit physical PVH entry, "numeric"
 * (4 or 8 bytes). 4 in ELF32, where QEMU reads 4 bytes; 8 (zero-extended,
 * as Linux's x86_64 vmlinux has it) in ELF64, where QEMU up to 9.1 reads a
 * size_t and rust-vmm linux-loader the low 4 bytes.
 */
static int bootnotes_add_pvh(struct plan *plan, const struct stub_header *stub)
{
	uint32_t entry = (uint32_t)(plan->stub_addr + stub->pvh_entry_offset);
	uint8_t desc[8] = { (uint8_t)entry, (uint8_t)(entry >> 8), (uint8_t)(entry >> 16),
			    (uint8_t)(entry >> 24), 0, 0, 0, 0 };
	size_t desc_size = plan->elf_class == ELFCLASS64 ? 8 : 4;

	if (stub->pvh_entry_offset == 0)
		return report_error(EXIT_IO, "internal error: the embedded stub has no PVH entry");
	if (notes_add(&plan->notes, XEN_ELFNOTE_NAME, XEN_ELFNOTE_PHYS32_ENTRY, desc, desc_size))
		return bootnotes_out_of_memory();
	return EXIT_OK;
}

/* The version is the kernel's own text (kernel.h), "" when it has none. */
static int bootnotes_add_elfboot(struct plan *plan, const char *version)
{
	static const uint8_t checksum[2];   /* patched by bootnotes_finish */

	if (notes_add(&plan->notes, ELF_NOTE_BOOT, EIN_PROGRAM_NAME, BOOTNOTES_PROGRAM_NAME,
		      sizeof(BOOTNOTES_PROGRAM_NAME)) ||
	    notes_add(&plan->notes, ELF_NOTE_BOOT, EIN_PROGRAM_VERSION, version,
		      strlen(version) + 1) ||
	    notes_add(&plan->notes, ELF_NOTE_BOOT, EIN_PROGRAM_CHECKSUM, checksum,
		      sizeof(checksum)))
		return bootnotes_out_of_memory();
	return EXIT_OK;
}

int bootnotes_add(struct plan *plan, const struct image_spec *spec,
		  const struct stub_header *stub)
{
	int status = EXIT_OK;

	/* ELFBoot first: old loaders read only the first notes they find */
	if (spec->headers & IMAGE_HEADER_ELF_NOTES)
		status = bootnotes_add_elfboot(plan, plan->kernel->version);
	if (status == EXIT_OK && (spec->headers & IMAGE_HEADER_PVH))
		status = bootnotes_add_pvh(plan, stub);
	return status;
}

int bootnotes_has_checksum(const struct plan *plan)
{
	return notes_find(&plan->notes, ELF_NOTE_BOOT, EIN_PROGRAM_CHECKSUM) != NULL;
}

int bootnotes_finish(int fd, const char *out_path, const struct plan *plan,
		     const struct elfboot_sum *pieces)
{
	const struct note *note = notes_find(&plan->notes, ELF_NOTE_BOOT, EIN_PROGRAM_CHECKSUM);
	uint16_t sum;
	uint8_t bytes[2];
	int status;

	if (!note || !pieces)
		return EXIT_OK;
	if ((status = elfboot_sum_image(fd, out_path, pieces, &sum)) != EXIT_OK)
		return status;
	bytes[0] = (uint8_t)sum;
	bytes[1] = (uint8_t)(sum >> 8);
	if (pwrite(fd, bytes, sizeof(bytes), (off_t)note->desc_file_offset) != 2)
		return report_errno(EXIT_IO, "output", out_path, "cannot write");
	return EXIT_OK;
}
