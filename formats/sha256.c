/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SHA-256 from FIPS 180-4 (formats/sha256.h). Compiled twice: into
 * libformats for mkelfimage and, freestanding -m32, into the x86 stub.
 */
#include "sha256.h"

/* FIPS 180-4 4.2.2: the first 32 bits of the fractional parts of the cube
 * roots of the first 64 primes (also read by sha256_host.c) */
const uint32_t sha256_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* FIPS 180-4 5.3.3: the initial hash value H(0) */
static const uint32_t sha256_h0[8] = {
	0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

/* FIPS 180-4 3.2 ROTR and 4.1.2 functions (4.2) to (4.7) */
#define ROTR(x, n)  (((x) >> (n)) | ((x) << (32 - (n))))
#define CH(x, y, z)  (((x) & (y)) ^ (~(x) & (z)))
#define MAJ(x, y, z) (((x) & (y)) ^ ((x) & (z)) ^ ((y) & (z)))
#define BSIG0(x)    (ROTR(x, 2) ^ ROTR(x, 13) ^ ROTR(x, 22))
#define BSIG1(x)    (ROTR(x, 6) ^ ROTR(x, 11) ^ ROTR(x, 25))
#define SSIG0(x)    (ROTR(x, 7) ^ ROTR(x, 18) ^ ((x) >> 3))
#define SSIG1(x)    (ROTR(x, 17) ^ ROTR(x, 19) ^ ((x) >> 10))

static uint32_t sha256_get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* FIPS 180-4 6.2.2: one 512-bit block into the hash value */
static void sha256_block(uint32_t state[8], const uint8_t *block)
{
	uint32_t w[64], a, b, c, d, e, f, g, h, t1, t2;
	unsigned t;

	for (t = 0; t < 16; t++)
		w[t] = sha256_get_be32(block + 4 * t);
	for (t = 16; t < 64; t++)
		w[t] = SSIG1(w[t - 2]) + w[t - 7] + SSIG0(w[t - 15]) + w[t - 16];
	a = state[0]; b = state[1]; c = state[2]; d = state[3];
	e = state[4]; f = state[5]; g = state[6]; h = state[7];
	for (t = 0; t < 64; t++) {
		t1 = h + BSIG1(e) + CH(e, f, g) + sha256_k[t] + w[t];
		t2 = BSIG0(a) + MAJ(a, b, c);
		h = g; g = f; f = e; e = d + t1;
		d = c; c = b; b = a; a = t1 + t2;
	}
	state[0] += a; state[1] += b; state[2] += c; state[3] += d;
	state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}

void sha256_init(struct sha256_ctx *ctx)
{
	unsigned i;

	for (i = 0; i < 8; i++)
		ctx->state[i] = sha256_h0[i];
	ctx->length = 0;
	ctx->block_len = 0;
}

void sha256_update(struct sha256_ctx *ctx, const void *data, size_t len)
{
	const uint8_t *in = data;

	ctx->length += len;
	/* Fill a partial block first; whole blocks are hashed in place. */
	while (len && ctx->block_len) {
		ctx->block[ctx->block_len++] = *in++;
		len--;
		if (ctx->block_len == SHA256_BLOCK_SIZE) {
			sha256_block(ctx->state, ctx->block);
			ctx->block_len = 0;
		}
	}
	for (; len >= SHA256_BLOCK_SIZE; in += SHA256_BLOCK_SIZE, len -= SHA256_BLOCK_SIZE)
		sha256_block(ctx->state, in);
	while (len--)
		ctx->block[ctx->block_len++] = *in++;
}

void sha256_final(struct sha256_ctx *ctx, uint8_t digest[SHA256_DIGEST_SIZE])
{
	/* FIPS 180-4 5.1.1: a 1 bit, zeros, then the length in bits (64-bit big endian) */
	uint64_t bits = ctx->length << 3;
	unsigned i;

	ctx->block[ctx->block_len++] = 0x80;
	if (ctx->block_len > SHA256_BLOCK_SIZE - 8) {
		while (ctx->block_len < SHA256_BLOCK_SIZE)
			ctx->block[ctx->block_len++] = 0;
		sha256_block(ctx->state, ctx->block);
		ctx->block_len = 0;
	}
	while (ctx->block_len < SHA256_BLOCK_SIZE - 8)
		ctx->block[ctx->block_len++] = 0;
	for (i = 0; i < 8; i++)
		ctx->block[SHA256_BLOCK_SIZE - 1 - i] = (uint8_t)(bits >> (8 * i));
	sha256_block(ctx->state, ctx->block);
	for (i = 0; i < 8; i++) {
		digest[4 * i] = (uint8_t)(ctx->state[i] >> 24);
		digest[4 * i + 1] = (uint8_t)(ctx->state[i] >> 16);
		digest[4 * i + 2] = (uint8_t)(ctx->state[i] >> 8);
		digest[4 * i + 3] = (uint8_t)ctx->state[i];
	}
	ctx->block_len = 0;
}

void sha256(const void *data, size_t len, uint8_t digest[SHA256_DIGEST_SIZE])
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	sha256_update(&ctx, data, len);
	sha256_final(&ctx, digest);
}
