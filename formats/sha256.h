/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SHA-256, FIPS 180-4 "Secure Hash Standard" (August 2015), sections 4.1.2
 * (functions), 4.2.2 (constants), 5.1.1 (padding), 5.3.3 (initial value) and
 * 6.2 (computation).
 *
 * One implementation for every program: mkelfimage (libformats) hashes the
 * payloads at build time, and the freestanding 32-bit stub hashes them again
 * in memory with --verify-at-boot. So it uses fixed-width types only, no libc
 * (not even memcpy), no 64-bit division, no static state.
 */
#ifndef FORMATS_SHA256_H
#define FORMATS_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE  32     /* bytes of a digest */
#define SHA256_BLOCK_SIZE   64     /* bytes of a message block */

struct sha256_ctx {
	uint32_t state[8];                 /* H0..H7 */
	uint64_t length;                   /* message bytes hashed so far */
	uint8_t  block[SHA256_BLOCK_SIZE]; /* a partial block */
	uint32_t block_len;                /* bytes in block[] */
};

/* The 64 round constants K (FIPS 180-4 4.2.2) */
extern const uint32_t sha256_k[64];

void sha256_init(struct sha256_ctx *ctx);
void sha256_update(struct sha256_ctx *ctx, const void *data, size_t len);
/* Pad, finish and write the digest (big endian words, as FIPS 180-4 prints it) */
void sha256_final(struct sha256_ctx *ctx, uint8_t digest[SHA256_DIGEST_SIZE]);

/* The digest of one buffer */
void sha256(const void *data, size_t len, uint8_t digest[SHA256_DIGEST_SIZE]);

#endif
