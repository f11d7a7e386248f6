/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The ELFBoot image checksum of a written image (elfboot_sum.h states the rule). */
#include "config.h"

#include <errno.h>
#include <gelf.h>
#include <stdlib.h>
#include <unistd.h>

#include "elfboot_sum.h"
#include "formats/ipsum.h"
#include "common/report.h"

/* The headers are read back in pieces of this size */
#define ELFBOOT_SUM_CHUNK  4096

static void elfboot_piece_feed(struct copy_sink *sink, const uint8_t *bytes, size_t len)
{
	ipsum_add_bulk(&((struct elfboot_piece *)sink)->sum, bytes, len);
}

void elfboot_sum_begin(struct elfboot_sum *sum, struct plan *plan)
{
	unsigned i;

	for (i = 0; i < plan->segment_count; i++) {
		sum->pieces[i].sink.feed = elfboot_piece_feed;
		sum->pieces[i].sum = (struct ipsum){ 0, 0 };
		plan_hang_sink(plan->segments[i].sinks, &sum->pieces[i].sink);
	}
}

/* Checksum `len` header bytes at `offset` (read back: they are small) */
static int elfboot_sum_file(int fd, const char *path, uint64_t offset, uint64_t len,
			    uint16_t *out)
{
	struct ipsum piece = { 0, 0 };
	uint8_t buf[ELFBOOT_SUM_CHUNK];
	int status = EXIT_OK;

	while (len) {
		size_t chunk = len < ELFBOOT_SUM_CHUNK ? (size_t)len : ELFBOOT_SUM_CHUNK;
		ssize_t got = pread(fd, buf, chunk, (off_t)offset);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			status = got < 0 ? report_errno(EXIT_IO, "output", path, "cannot read back")
				: report_error(EXIT_IO, "output '%s': shorter than its headers say", path);
			break;
		}
		ipsum_add(&piece, buf, (size_t)got);
		offset += (uint64_t)got;
		len -= (uint64_t)got;
	}
	*out = ipsum_value(&piece);
	return status;
}

int elfboot_sum_image(int fd, const char *path, const struct elfboot_sum *pieces, uint16_t *sum)
{
	Elf *elf;
	GElf_Ehdr ehdr;
	GElf_Phdr phdr;
	uint64_t bytes;
	uint16_t piece;
	size_t count, i, load = 0;
	int status;

	if (elf_version(EV_CURRENT) == EV_NONE || !(elf = elf_begin(fd, ELF_C_READ, NULL)))
		return report_error(EXIT_IO, "output '%s': libelf: %s", path, elf_errmsg(-1));
	if (!gelf_getehdr(elf, &ehdr) || elf_getphdrnum(elf, &count) != 0) {
		status = report_error(EXIT_IO, "output '%s': libelf: %s", path, elf_errmsg(-1));
		goto out;
	}
	if ((status = elfboot_sum_file(fd, path, 0, ehdr.e_ehsize, sum)) != EXIT_OK)
		goto out;
	bytes = ehdr.e_ehsize;
	status = elfboot_sum_file(fd, path, ehdr.e_phoff, (uint64_t)count * ehdr.e_phentsize, &piece);
	if (status != EXIT_OK)
		goto out;
	*sum = ipsum_combine(bytes, *sum, piece);
	bytes += (uint64_t)count * ehdr.e_phentsize;
	for (i = 0; i < count; i++) {
		if (!gelf_getphdr(elf, (int)i, &phdr)) {
			status = report_error(EXIT_IO, "output '%s': libelf: %s", path, elf_errmsg(-1));
			goto out;
		}
		if (phdr.p_type != PT_LOAD)
			continue;
		if (load >= PLAN_MAX_LOAD) {
			status = report_error(EXIT_IO, "internal error: output '%s': more PT_LOADs than planned", path);
			goto out;
		}
		piece = ipsum_value(&pieces->pieces[load++].sum);
		if (phdr.p_memsz == 0)
			continue;
		/* the zeros up to p_memsz add nothing but move the offset */
		*sum = ipsum_combine(bytes, *sum, piece);
		bytes += phdr.p_memsz;
	}
out:
	elf_end(elf);
	return status;
}
