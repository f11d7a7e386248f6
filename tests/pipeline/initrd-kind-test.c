/* SPDX-License-Identifier: GPL-2.0-or-later */
/* formats/initrd_kind: each signature on a small inline vector, TAP on stdout. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "formats/initrd_kind.h"
#include "tests/tap.h"

static void expect(const char *name, const void *bytes, size_t len, enum initrd_kind kind,
		   int has_problem)
{
	struct initrd_kind_info info;
	char label[256];

	initrd_kind_detect(bytes, len, &info);
	snprintf(label, sizeof(label), "%s: %s%s", name, initrd_kind_name(info.kind),
		 info.kernel_problem ? " (kernel cannot unpack)" : "");
	tap_ok(info.kind == kind && (info.kernel_problem != NULL) == has_problem, label);
}

int main(void)
{
	static uint8_t ext2[1200];
	static const uint8_t xz_crc32[] = { 0xfd, '7', 'z', 'X', 'Z', 0, 0, 0x01 };
	static const uint8_t xz_none[] = { 0xfd, '7', 'z', 'X', 'Z', 0, 0, 0x00 };
	static const uint8_t xz_crc64[] = { 0xfd, '7', 'z', 'X', 'Z', 0, 0, 0x04 };
	static const uint8_t xz_sha256[] = { 0xfd, '7', 'z', 'X', 'Z', 0, 0, 0x0a };

	expect("newc cpio (070701)", "070701000000", 12, INITRD_CPIO_NEWC, 0);
	expect("newc cpio with CRC (070702)", "070702000000", 12, INITRD_CPIO_NEWC, 0);
	expect("odc cpio (070707)", "070707000000", 12, INITRD_CPIO_OLD, 1);
	expect("binary cpio, little endian", "\xc7\x71\0\0", 4, INITRD_CPIO_OLD, 1);
	expect("gzip (RFC 1952 ID1 ID2)", "\x1f\x8b\x08\0", 4, INITRD_GZIP, 0);
	expect("xz, CRC32 check", xz_crc32, sizeof(xz_crc32), INITRD_XZ, 0);
	expect("xz, no check", xz_none, sizeof(xz_none), INITRD_XZ, 0);
	expect("xz, CRC64 check: the kernel refuses it", xz_crc64, sizeof(xz_crc64), INITRD_XZ, 1);
	expect("xz, SHA-256 check: the kernel refuses it", xz_sha256, sizeof(xz_sha256), INITRD_XZ, 1);
	expect("zstd (RFC 8878 magic)", "\x28\xb5\x2f\xfd\0", 5, INITRD_ZSTD, 0);
	expect("lz4 legacy frame", "\x02\x21\x4c\x18\0", 5, INITRD_LZ4_LEGACY, 0);
	expect("lz4 frame format: the kernel reads legacy only", "\x04\x22\x4d\x18\0", 5, INITRD_LZ4_FRAME, 1);
	expect("bzip2 (BZh9)", "BZh91AY", 7, INITRD_BZIP2, 0);
	expect("BZh without a block size digit is not bzip2", "BZhx", 4, INITRD_UNKNOWN, 0);
	expect("lzma alone (0x5d, 8 MiB dictionary)", "\x5d\0\0\x80\0\xff", 6, INITRD_LZMA, 0);
	expect("lzop", "\x89LZO\0\r\n\x1a\n", 9, INITRD_LZO, 0);
	expect("squashfs", "hsqs\0\0", 6, INITRD_SQUASHFS, 0);
	ext2[1024 + 56] = 0x53;
	ext2[1024 + 57] = 0xef;
	expect("ext2 superblock magic at 1024 + 56", ext2, sizeof(ext2), INITRD_EXT2, 0);
	expect("ext2 magic beyond the bytes given is not read", ext2, 1024 + 57, INITRD_UNKNOWN, 0);
	expect("zeros: unknown, no warning (a filesystem image may have no signature)", ext2, 512, INITRD_UNKNOWN, 0);
	expect("one byte", "\x1f", 1, INITRD_UNKNOWN, 0);
	expect("nothing", "", 0, INITRD_UNKNOWN, 0);
	return tap_done();
}
