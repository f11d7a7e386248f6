/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --verify-at-boot: just before the kernel runs, hash again what the loader
 * put in memory (the Image's file bytes, the built-in command line, the
 * image's initrd region) and compare with the SHA-256 digests mkelfimage
 * stored in the parameters. A mismatch names the part on the UART and
 * halts: a corrupted payload never runs.
 */
#include "fdtstub.h"
#include "formats/sha256.h"

/* Nonzero when the bytes at [addr, addr + len) hash to want */
static int verify_matches(uint64_t addr, uint64_t len, const uint8_t want[SHA256_DIGEST_SIZE])
{
	uint8_t digest[SHA256_DIGEST_SIZE];

	sha256((const void *)addr, (size_t)len, digest);
	return memcmp(digest, want, SHA256_DIGEST_SIZE) == 0;
}

void verify_payloads(void)
{
	if (!(stub_params.flags & FDT_STUB_FLAG_VERIFY))
		return;
	if (!verify_matches(stub_params.kernel_addr, stub_params.kernel_file_size, stub_params.kernel_sha256))
		stub_fail("verify-at-boot: kernel SHA-256 mismatch, not booting");
	if (!verify_matches((uint64_t)stub_params.cmdline, stub_params.cmdline_len, stub_params.cmdline_sha256))
		stub_fail("verify-at-boot: command line SHA-256 mismatch, not booting");
	if (stub_params.initrd_size &&
	    !verify_matches(stub_params.initrd_start, stub_params.initrd_size, stub_params.initrd_sha256))
		stub_fail("verify-at-boot: initrd SHA-256 mismatch, not booting");
}
