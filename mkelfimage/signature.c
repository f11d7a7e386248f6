/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The signature note filled, the detached signature written (signature.h). */
#include "config.h"

#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "common/fdio.h"
#include "common/report.h"
#include "formats/digestnote.h"
#include "formats/le.h"
#include "formats/sha256_host.h"
#include "formats/signote.h"
#include "notes.h"
#include "signature.h"

/* One region of the table; payloads keep a zero hash (their digest records name them) */
static void add_region(uint8_t *table, uint32_t kind, uint32_t index, uint64_t offset, uint64_t size,
		       const uint8_t *map, int hash)
{
	uint32_t count = le32_get(table);
	uint8_t *r = table + sizeof(struct signote_table_header) + count * sizeof(struct signote_region);

	if (count >= SIGNOTE_MAX_REGIONS || !size)
		return;
	le32_put(r + offsetof(struct signote_region, kind), kind);
	le32_put(r + offsetof(struct signote_region, index), index);
	le_put(r + offsetof(struct signote_region, offset), offset, 8);
	le_put(r + offsetof(struct signote_region, size), size, 8);
	if (hash)
		sha256_digest_host(map + offset, (size_t)size, r + offsetof(struct signote_region, sha256));
	le32_put(table, count + 1);
}

static uint32_t region_kind(enum plan_segment_kind kind)
{
	switch (kind) {
	case SEG_KERNEL: return SIGNOTE_REGION_KERNEL;
	case SEG_STUB: return SIGNOTE_REGION_STUB;
	case SEG_CMDLINE: return SIGNOTE_REGION_CMDLINE;
	case SEG_INITRD: return SIGNOTE_REGION_INITRDS;
	case SEG_DTB: return SIGNOTE_REGION_DTB;
	case SEG_RECORDS: return SIGNOTE_REGION_RECORDS;
	}
	return 0;
}

/* Where each part of the file is, and the SHA-256 of each small one */
static void fill_table(uint8_t *table, const struct plan *plan, const uint8_t *map)
{
	int is64 = plan->elf_class == ELFCLASS64;
	uint64_t headers = (is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr)) +
		plan_phdr_count(plan) * (is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr));
	uint32_t kernels = 0, notes = 0;
	unsigned i;

	add_region(table, SIGNOTE_REGION_HEADERS, 0, 0, headers, map, 1);
	if (plan->notes_head)
		add_region(table, SIGNOTE_REGION_NOTES, notes++, plan->notes_offset,
			   notes_size_range(&plan->notes, 0, plan->notes_head), map, 1);
	if (plan->notes.count > plan->notes_head)
		add_region(table, SIGNOTE_REGION_NOTES, notes++, plan->notes_tail_offset,
			   notes_size_range(&plan->notes, plan->notes_head, plan->notes.count - plan->notes_head),
			   map, 1);
	for (i = 0; i < plan->segment_count; i++) {
		const struct plan_segment *seg = &plan->segments[i];
		int payload = seg->kind == SEG_KERNEL || seg->kind == SEG_INITRD;

		add_region(table, region_kind(seg->kind), seg->kind == SEG_KERNEL ? kernels++ : 0,
			   seg->file_offset, seg->file_size, map, !payload);
	}
	add_region(table, SIGNOTE_REGION_SIGNATURE, 0, plan->signature_offset,
		   SIGNOTE_NOTE_SIZE - SIGNOTE_SLOT_SIZE, map, 1);
}

/* The note's header and desc header: covered, so written before the signing */
static int write_note_header(int fd, const char *path, const struct plan *plan)
{
	uint8_t head[SIGNOTE_NOTE_SIZE - SIGNOTE_SLOT_SIZE] = { 0 };

	le32_put(head, sizeof(MKELFIMAGE_NOTE_NAME));
	le32_put(head + 4, SIGNOTE_DESC_HEADER + SIGNOTE_SLOT_SIZE);
	le32_put(head + 8, MKELFIMAGE_NOTE_SIGNATURE);
	memcpy(head + 12, MKELFIMAGE_NOTE_NAME, sizeof(MKELFIMAGE_NOTE_NAME));
	le32_put(head + 24, SIGNOTE_VERSION);
	le32_put(head + 28, SIGNOTE_SLOT_SIZE);
	return fdio_write_at(fd, "output", path, head, sizeof(head), plan->signature_offset);
}

/* The file's first `size` bytes, mapped read-only (the kernel's page cache: no copy) */
static const uint8_t *map_output(int fd, const char *path, uint64_t size)
{
	void *map = size <= SIZE_MAX ? mmap(NULL, (size_t)size, PROT_READ, MAP_SHARED, fd, 0) : MAP_FAILED;

	if (map == MAP_FAILED) {
		report_print_errno("output", path, "cannot map it to sign it");
		return NULL;
	}
	return map;
}

int signature_embed(int fd, const char *path, const struct plan *plan, const struct signer *signer)
{
	uint64_t covered = plan->file_size - SIGNOTE_SLOT_SIZE;
	uint8_t *slot = calloc(1, SIGNOTE_SLOT_SIZE), *der = NULL;
	const uint8_t *map = NULL;
	size_t der_size = 0;
	int status;

	if (!slot)
		return report_error(EXIT_IO, "out of memory");
	status = write_note_header(fd, path, plan);
	if (status == EXIT_OK && !(map = map_output(fd, path, covered)))
		status = EXIT_IO;
	if (status == EXIT_OK) {
		fill_table(slot + SIGNOTE_TABLE_OFFSET, plan, map);
		status = signer_sign(signer, map, covered, &der, &der_size, path);
	}
	if (status == EXIT_OK && der_size > SIGNOTE_TABLE_OFFSET)
		status = report_error(EXIT_BAD_INPUT, "--sign-cert: the signature is %zu bytes, more than its slot's %u "
				      "(a smaller certificate, or an EC key)", der_size, SIGNOTE_TABLE_OFFSET);
	if (status == EXIT_OK) {
		memcpy(slot, der, der_size);
		status = fdio_write_at(fd, "output", path, slot, SIGNOTE_SLOT_SIZE, covered);
	}
	if (map)
		munmap((void *)map, (size_t)covered);
	free(der);
	free(slot);
	return status;
}

int signature_write_detached(int fd, const char *path, uint64_t size, const struct signer *signer,
			     int out_fd, const char *out_path)
{
	const uint8_t *map = map_output(fd, path, size);
	uint8_t *der = NULL;
	size_t der_size = 0;
	int status = map ? signer_sign(signer, map, size, &der, &der_size, path) : EXIT_IO;

	if (status == EXIT_OK)
		status = fdio_write_at(out_fd, "detached signature", out_path, der, der_size, 0);
	if (map)
		munmap((void *)map, (size_t)size);
	free(der);
	return status;
}
