/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <elf.h>

#include <stdlib.h>
#include <string.h>

#include "formats/elfnote.h"
#include "formats/stubparam.h"
#include "arch.h"
#include "stub.h"
#include "formats/ipsum.h"
#include "formats/le.h"
#include "imagesum.h"

/* e_ehsize and e_phentsize: where each class keeps them (System V ABI, "ELF Header") */
#define EHSIZE_AT(is64)     ((is64) ? 0x34 : 0x28)
#define PHENTSIZE_AT(is64)  ((is64) ? 0x36 : 0x2a)

/* The sum of `len` file bytes at `offset`, or of nothing past the end of the file */
static uint16_t sum_file(const struct image_read *img, uint64_t offset, uint64_t len)
{
	if (offset > img->size || len > img->size - offset)
		len = offset > img->size ? 0 : img->size - offset;
	return ipsum(img->map + offset, (size_t)len);
}

int imagesum_elfboot(const struct image_read *img, uint16_t *sum, uint16_t *noted)
{
	const struct notewalk_note *note = imageread_note(img, ELF_NOTE_BOOT, EIN_PROGRAM_CHECKSUM);
	int is64 = img->elf.elf_class == ELFCLASS64;
	uint64_t ehsize = le16_get(img->map + EHSIZE_AT(is64));
	uint64_t phsize = (uint64_t)img->elf.phnum * le16_get(img->map + PHENTSIZE_AT(is64));
	uint64_t bytes;
	size_t i;

	*sum = sum_file(img, 0, ehsize);
	bytes = ehsize;
	*sum = ipsum_combine(bytes, *sum, sum_file(img, img->elf.phoff, phsize));
	bytes += phsize;
	/* each PT_LOAD as it lies in memory: the zeros up to p_memsz add nothing but length */
	for (i = 0; i < img->elf.load_count; i++) {
		const struct elfimage_segment *seg = &img->elf.load[i];

		if (seg->memsz == 0)
			continue;
		*sum = ipsum_combine(bytes, *sum, sum_file(img, seg->offset, seg->filesz));
		bytes += seg->memsz;
	}
	*noted = note && note->descsz >= 2 ? le16_get(note->desc) : 0;
	return note && note->descsz >= 2;
}

/* Bytes of `have` that differ from `want` (`len` each); the first at *first */
static long count_differences(const uint8_t *want, const uint8_t *have, size_t len, uint64_t *first)
{
	long count = 0;
	size_t i;

	for (i = 0; i < len; i++)
		if (want[i] != have[i] && !count++)
			*first = i;
	return count;
}

/*
 * A device-tree stub (arm64, riscv64) is position independent: its bytes
 * are the blob's wherever it lies, the parameter block aside.
 */
static long fdt_stub_differs(const struct image_read *img, uint64_t *first)
{
	const struct elfimage_segment *seg = &img->elf.load[img->stub_segment];
	const struct arch *arch = arch_find_machine(64, img->elf.machine);
	const struct stub_header *h = &img->stub;
	const uint8_t *have = img->map + seg->offset;
	uint8_t *want;
	long count;

	if (!arch || !arch->stub->size || seg->filesz != arch->stub->size || h->params_offset > seg->filesz ||
	    h->params_size > seg->filesz - h->params_offset || !(want = malloc(arch->stub->size)))
		return -1;
	memcpy(want, arch->stub->bytes, arch->stub->size);
	memcpy(want + h->params_offset, have + h->params_offset, h->params_size);
	count = count_differences(want, have, (size_t)seg->filesz, first);
	free(want);
	return count;
}

long imagesum_stub_differs(const struct image_read *img, uint64_t *first)
{
	const struct elfimage_segment *seg;
	const struct stub_header *h = &img->stub;
	const uint8_t *have;
	uint8_t *want;
	long count;

	if (img->fdt_stub && img->stub_segment >= 0)
		return fdt_stub_differs(img, first);
	if (!img->has_params || img->stub_segment < 0 ||
	    (img->elf.machine != EM_386 && img->elf.machine != EM_X86_64))
		return -1;
	seg = &img->elf.load[img->stub_segment];
	if (seg->filesz != stub_x86_blob.size || h->params_offset > seg->filesz ||
	    h->params_size > seg->filesz - h->params_offset ||
	    h->multiboot_offset > seg->filesz - STUB_MULTIBOOT_FIELDS_SIZE ||
	    seg->paddr > UINT32_MAX || !(want = stub_relocated(&stub_x86_blob, (uint32_t)seg->paddr)))
		return -1;
	have = img->map + seg->offset;
	/* what a build fills in: the parameters, and the headers --no-multiboot[2] blank */
	memcpy(want + h->params_offset, have + h->params_offset, h->params_size);
	memcpy(want + h->multiboot_offset, have + h->multiboot_offset, STUB_MULTIBOOT_FIELDS_SIZE);
	if (h->multiboot2_offset) {
		/* its size from our own copy: the image's may be blanked */
		uint32_t size = stub_multiboot2_size(want, h);

		if (h->multiboot2_offset > seg->filesz || size > seg->filesz - h->multiboot2_offset) {
			free(want);
			return -1;
		}
		memcpy(want + h->multiboot2_offset, have + h->multiboot2_offset, size);
	}
	count = count_differences(want, have, (size_t)seg->filesz, first);
	free(want);
	return count;
}
