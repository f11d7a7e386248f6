/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --verify-at-boot: just before the kernel runs, hash again what the loader
 * put in memory (the kernel's protected-mode bytes or a vmlinux's PT_LOADs, the built-in command
 * line, the image's initrd region where the kernel will find it, so after
 * any move by placement.c) and compare with the SHA-256 digests mkelfimage
 * stored in stub_params. A mismatch names the part on COM1 and halts: a
 * corrupted payload never runs.
 */
#include "stub.h"

/* Nonzero when the bytes at [addr, addr + len) hash to want */
static int verify_matches(uint32_t addr, uint32_t len, const uint8_t want[SHA256_DIGEST_SIZE])
{
	uint8_t digest[SHA256_DIGEST_SIZE];

	sha256((const void *)(uintptr_t)addr, len, digest);
	return memcmp(digest, want, SHA256_DIGEST_SIZE) == 0;
}

/* The kernel: one range (a bzImage's protected-mode part), or a vmlinux's PT_LOADs as one stream */
static int verify_kernel(const struct stub_params *params)
{
	uint8_t digest[SHA256_DIGEST_SIZE];
	struct sha256_ctx ctx;
	uint32_t count = params->kernel_range_count, index;

	if (count == 0)
		return verify_matches(params->kernel_load_addr, params->kernel_file_size,
				      params->kernel_sha256);
	if (count > STUB_KERNEL_RANGES_MAX)
		return 0;
	sha256_init(&ctx);
	for (index = 0; index < count; index++)
		sha256_update(&ctx, (const void *)(uintptr_t)params->kernel_ranges[index].addr,
			      params->kernel_ranges[index].size);
	sha256_final(&ctx, digest);
	return memcmp(digest, params->kernel_sha256, SHA256_DIGEST_SIZE) == 0;
}

void verify_payloads(const struct boot_params *boot_params, const struct stub_params *params)
{
	if (!(params->flags & STUB_FLAG_VERIFY_AT_BOOT))
		return;
	if (!verify_kernel(params))
		console_fail("verify-at-boot: kernel SHA-256 mismatch, not booting");
	if (!verify_matches(params->cmdline_addr, params->cmdline_len, params->cmdline_sha256))
		console_fail("verify-at-boot: command line SHA-256 mismatch, not booting");
	/* Only the image's own initrd has a digest; a loader module has none. */
	if (params->initrd_size &&
	    !verify_matches(boot_params->hdr.ramdisk_image, params->initrd_size, params->initrd_sha256))
		console_fail("verify-at-boot: initrd SHA-256 mismatch, not booting");
}
