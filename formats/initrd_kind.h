/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What an initrd file is, from its first bytes: a cpio archive (the
 * initramfs format), a compressed stream, or something else (a filesystem
 * image for the old /dev/ram0 initrd, or not an initrd at all).
 *
 * Specifications, for each signature:
 *   newc / crc cpio   Linux Documentation/driver-api/early-userspace/buffer-format.rst
 *                     ("070701", "070702"); odc "070707" and binary 0x71c7 are older
 *                     cpio formats the kernel does not read
 *   gzip              RFC 1952 section 2.3.1 (ID1 0x1f, ID2 0x8b)
 *   xz                The .xz File Format 1.2.0, section 2.1.1 (Header Magic Bytes
 *                     fd 37 7a 58 5a 00; Stream Flags byte 1 bits 0-3: Check ID)
 *   zstd              RFC 8878 section 3.1.1 (Magic_Number 0xFD2FB528, little endian)
 *   lz4               lz4 legacy frame (0x184C2102, what the kernel unpacks) and the
 *                     LZ4 Frame Format 1.6.x (0x184D2204, which it does not)
 *   bzip2             "BZh" then the block size digit '1'..'9'
 *   lzma              .lzma "LZMA alone" header: properties byte 0x5d, then the
 *                     dictionary size (the form lzma(1) and the kernel's unlzma use)
 *   lzo               lzop file magic 89 4c 5a 4f 00 0d 0a 1a 0a
 *   ext2/3/4          superblock at 1024, s_magic 0xef53 at offset 56 in it
 *   squashfs          "hsqs" at 0
 *
 * The kernel's own limits (Documentation/staging/xz.rst): its XZ decoder
 * checks only CRC32 or no integrity check; init/initramfs.c reads newc/crc
 * cpio only; lib/decompress_unlz4.c reads the legacy lz4 frame only.
 */
#ifndef FORMATS_INITRD_KIND_H
#define FORMATS_INITRD_KIND_H

#include <stddef.h>
#include <stdint.h>

/* Bytes initrd_kind_detect wants (fewer are fine: it checks what it has) */
#define INITRD_KIND_PROBE_BYTES  1088   /* the ext2 superblock magic ends at 1024 + 58 */

enum initrd_kind {
	INITRD_CPIO_NEWC,       /* "070701" or "070702": an initramfs */
	INITRD_CPIO_OLD,        /* odc "070707" or binary cpio: not read by the kernel */
	INITRD_GZIP,
	INITRD_XZ,
	INITRD_ZSTD,
	INITRD_LZ4_LEGACY,
	INITRD_LZ4_FRAME,       /* not read by the kernel */
	INITRD_BZIP2,
	INITRD_LZMA,
	INITRD_LZO,
	INITRD_EXT2,            /* a filesystem image: the old initrd (/dev/ram0) */
	INITRD_SQUASHFS,        /* likewise */
	INITRD_UNKNOWN,
};

/* xz Check IDs (The .xz File Format 1.2.0, section 2.1.1.2) */
#define XZ_CHECK_NONE    0x00
#define XZ_CHECK_CRC32   0x01
#define XZ_CHECK_CRC64   0x04
#define XZ_CHECK_SHA256  0x0a

struct initrd_kind_info {
	enum initrd_kind kind;
	unsigned xz_check;      /* Check ID, INITRD_XZ only */
	int compressed;         /* a compressed stream of any kind */
	/* Why the kernel cannot unpack it, or NULL when it can (with the
	 * decompressor built in: CONFIG_RD_GZIP, CONFIG_RD_XZ, ...) */
	const char *kernel_problem;
};

/* Classify the first `len` bytes of an initrd. Never fails: unknown is a kind. */
void initrd_kind_detect(const uint8_t *buf, size_t len, struct initrd_kind_info *info);

/* "cpio (newc)", "gzip", "xz", ... for messages and JSON */
const char *initrd_kind_name(enum initrd_kind kind);

#endif
