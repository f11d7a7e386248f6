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
 */
#ifndef MKELFIMAGE_ELFBOOT_SUM_H
#define MKELFIMAGE_ELFBOOT_SUM_H

#include <stdint.h>

/* The checksum of the ELF32 image written to fd. Returns EXIT_OK or a reported status. */
int elfboot_sum_image(int fd, const char *path, uint16_t *sum);

#endif
