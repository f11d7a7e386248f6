/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ELFBoot image checksum (EIN_PROGRAM_CHECKSUM), as coreboot's elfboot
 * (verify_ip_checksum) and Etherboot recompute it after loading:
 *
 *   the IP checksum (RFC 1071 ones'-complement sum of 16-bit little-endian
 *   words, complemented) of one byte stream made of
 *     the ELF header (e_ehsize bytes),
 *     the program headers (e_phnum * e_phentsize bytes),
 *     then, in program header order, each PT_LOAD with p_memsz != 0 as it
 *     lies in memory: p_filesz file bytes followed by zeros up to p_memsz.
 *
 * Pieces are summed separately and combined at their running byte offset
 * (formats/ipsum.h), exactly as elfboot's add_ip_checksums does, so the
 * 0/0xffff edge cases agree. The
 * note itself is outside every PT_LOAD, so it is not covered.
 *
 * Each PT_LOAD's piece is summed while its bytes are written (a copy_sink
 * on each segment, copy.h); only the headers, a few hundred bytes, are read
 * back from the image at the end.
 */
#ifndef MKELFIMAGE_ELFBOOT_SUM_H
#define MKELFIMAGE_ELFBOOT_SUM_H

#include <stdint.h>

#include "copy.h"
#include "formats/ipsum.h"
#include "plan.h"

/* One segment's piece as a copy_sink */
struct elfboot_piece {
	struct copy_sink sink;
	struct ipsum sum;
};

/* The pieces of the PT_LOADs, in program header order (plan->segments' order) */
struct elfboot_sum {
	struct elfboot_piece pieces[PLAN_MAX_LOAD];
};

/* Hang one piece on each segment of `plan`, so the writer sums it. */
void elfboot_sum_begin(struct elfboot_sum *sum, struct plan *plan);

/*
 * The checksum of the ELF32 image written to fd: its headers read back,
 * the PT_LOADs from the pieces. Returns EXIT_OK or a reported status.
 */
int elfboot_sum_image(int fd, const char *path, const struct elfboot_sum *pieces, uint16_t *sum);

#endif
