/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Initrd kinds by signature (initrd_kind.h names the specification of each). */
#include "config.h"

#include <string.h>

#include "initrd_kind.h"

struct signature {
	enum initrd_kind kind;
	size_t offset;
	size_t len;
	const char *bytes;
};

/* Longest signatures first where one is a prefix of another ("070701" vs "0707"). */
static const struct signature signatures[] = {
	{ INITRD_CPIO_NEWC,  0, 6, "070701" },
	{ INITRD_CPIO_NEWC,  0, 6, "070702" },
	{ INITRD_CPIO_OLD,   0, 6, "070707" },
	{ INITRD_CPIO_OLD,   0, 2, "\xc7\x71" },
	{ INITRD_CPIO_OLD,   0, 2, "\x71\xc7" },
	{ INITRD_GZIP,       0, 2, "\x1f\x8b" },
	{ INITRD_GZIP,       0, 2, "\x1f\x9e" },   /* old gzip, still accepted by zlib's gunzip */
	{ INITRD_XZ,         0, 6, "\xfd" "7zXZ\0" },
	{ INITRD_ZSTD,       0, 4, "\x28\xb5\x2f\xfd" },
	{ INITRD_LZ4_LEGACY, 0, 4, "\x02\x21\x4c\x18" },
	{ INITRD_LZ4_FRAME,  0, 4, "\x04\x22\x4d\x18" },
	{ INITRD_LZO,        0, 9, "\x89LZO\0\r\n\x1a\n" },
	{ INITRD_SQUASHFS,   0, 4, "hsqs" },
	{ INITRD_EXT2,       1024 + 56, 2, "\x53\xef" },
};

static const char *const kind_names[] = {
	[INITRD_CPIO_NEWC] = "cpio (newc)",
	[INITRD_CPIO_OLD] = "cpio (old format)",
	[INITRD_GZIP] = "gzip",
	[INITRD_XZ] = "xz",
	[INITRD_ZSTD] = "zstd",
	[INITRD_LZ4_LEGACY] = "lz4 (legacy)",
	[INITRD_LZ4_FRAME] = "lz4 (frame)",
	[INITRD_BZIP2] = "bzip2",
	[INITRD_LZMA] = "lzma",
	[INITRD_LZO] = "lzo",
	[INITRD_EXT2] = "ext2/3/4 image",
	[INITRD_SQUASHFS] = "squashfs image",
	[INITRD_UNKNOWN] = "unknown",
};

const char *initrd_kind_name(enum initrd_kind kind)
{
	return kind <= INITRD_UNKNOWN ? kind_names[kind] : "unknown";
}

static enum initrd_kind match_signature(const uint8_t *buf, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(signatures) / sizeof(signatures[0]); i++) {
		const struct signature *sig = &signatures[i];

		if (sig->offset <= len && sig->len <= len - sig->offset &&
		    memcmp(buf + sig->offset, sig->bytes, sig->len) == 0)
			return sig->kind;
	}
	/* bzip2: "BZh" and a block size digit; lzma: properties 0x5d (lc=3, lp=0, pb=2,
	 * the only value lzma(1) writes by default) and a dictionary size of at most 1 GiB */
	if (len >= 4 && memcmp(buf, "BZh", 3) == 0 && buf[3] >= '1' && buf[3] <= '9')
		return INITRD_BZIP2;
	if (len >= 5 && buf[0] == 0x5d && buf[4] <= 0x40)
		return INITRD_LZMA;
	return INITRD_UNKNOWN;
}

void initrd_kind_detect(const uint8_t *buf, size_t len, struct initrd_kind_info *info)
{
	memset(info, 0, sizeof(*info));
	info->kind = match_signature(buf, len);
	info->compressed = info->kind >= INITRD_GZIP && info->kind <= INITRD_LZO;
	switch (info->kind) {
	case INITRD_XZ:
		/* Stream Flags: byte 6 is reserved (0), byte 7 holds the Check ID in bits 0-3 */
		info->xz_check = len >= 8 ? (buf[7] & 0x0fu) : XZ_CHECK_NONE;
		if (info->xz_check != XZ_CHECK_NONE && info->xz_check != XZ_CHECK_CRC32)
			info->kernel_problem = "xz with an integrity check other than CRC32 or none: Linux's XZ decoder refuses it (Documentation/staging/xz.rst; use xz --check=crc32)";
		break;
	case INITRD_CPIO_OLD:
		info->kernel_problem = "an old-format cpio archive: the kernel unpacks only newc cpio (cpio -H newc)";
		break;
	case INITRD_LZ4_FRAME:
		info->kernel_problem = "an lz4 frame: the kernel unpacks only the legacy lz4 format (lz4 -l)";
		break;
	/* INITRD_UNKNOWN: no warning. It may be a filesystem image the kernel
	 * mounts as /dev/ram0 (cramfs, romfs, ...), which has no signature at 0. */
	default:
		break;
	}
}
