/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SHA-256 block function on the x86 SHA extensions (formats/sha256_host.h),
 * picked at run time by CPUID; formats/sha256.c does everything else.
 *
 * The instructions, as the Intel SDM Vol. 2 defines them (dword 3 is bits
 * 127:96):
 *   SHA256RNDS2 x1, x2, <XMM0>: two rounds. x2 holds A, B, E, F in dwords
 *     3, 2, 1, 0; x1 holds C, D, G, H the same way; XMM0 dwords 0 and 1 are
 *     W[t] + K[t] and W[t+1] + K[t+1]. The result is the new A, B, E, F; the
 *     new C, D, G, H is the old A, B, E, F, so two calls with the operands
 *     swapped make four rounds.
 *   SHA256MSG1 x1, x2: x1 dword i += sigma0(next word), x2 dword 0 giving
 *     the word after x1's dword 3 (the W[t-16] + sigma0(W[t-15]) terms).
 *   SHA256MSG2 x1, x2: adds sigma1(W[t-2]) to x1 for four new words, x2
 *     dwords 2 and 3 being W[t-2] and W[t-1] of the first two.
 */
#include "config.h"

#include "sha256_host.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define SHA256_HOST_X86 1
#endif

#ifdef SHA256_HOST_X86
#define SHA256_HOST_TARGET __attribute__((target("sha,sse4.1,ssse3")))

/*
 * Four rounds from message words m (W[t..t+3], dword 0 first): abef and
 * cdgh end as they began, four rounds later.
 */
#define SHA256_HOST_ROUNDS4(t, m) do { \
		__m128i wk = _mm_add_epi32((m), _mm_loadu_si128((const __m128i *)&sha256_k[t])); \
		cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk); \
		abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0e)); \
	} while (0)

/* W[t+16..t+19] into m0 (W[t..]), from m1, m2, m3 (W[t+4..], W[t+8..], W[t+12..]) */
#define SHA256_HOST_SCHEDULE(m0, m1, m2, m3) \
	((m0) = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32((m0), (m1)), \
						   _mm_alignr_epi8((m3), (m2), 4)), (m3)))

SHA256_HOST_TARGET
static void sha256_host_blocks(uint32_t state[8], const uint8_t *in, size_t blocks)
{
	/* each dword's bytes reversed: the message words are big endian */
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
	__m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
	__m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
	__m128i badc = _mm_shuffle_epi32(dcba, 0xb1);    /* dwords B, A, D, C */
	__m128i efgh = _mm_shuffle_epi32(hgfe, 0x1b);    /* dwords H, G, F, E */
	__m128i abef = _mm_alignr_epi8(badc, efgh, 8);   /* dwords F, E, B, A */
	__m128i cdgh = _mm_blend_epi16(efgh, badc, 0xf0); /* dwords H, G, D, C */

	for (; blocks; blocks--, in += SHA256_BLOCK_SIZE) {
		__m128i abef_in = abef, cdgh_in = cdgh;
		__m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(in + 0)), swap);
		__m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(in + 16)), swap);
		__m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(in + 32)), swap);
		__m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(in + 48)), swap);
		unsigned t;

		/* 12 times: four rounds, then the words 16 ahead of them */
		for (t = 0; t < 48; t += 16) {
			SHA256_HOST_ROUNDS4(t, m0);
			SHA256_HOST_SCHEDULE(m0, m1, m2, m3);
			SHA256_HOST_ROUNDS4(t + 4, m1);
			SHA256_HOST_SCHEDULE(m1, m2, m3, m0);
			SHA256_HOST_ROUNDS4(t + 8, m2);
			SHA256_HOST_SCHEDULE(m2, m3, m0, m1);
			SHA256_HOST_ROUNDS4(t + 12, m3);
			SHA256_HOST_SCHEDULE(m3, m0, m1, m2);
		}
		/* the last 16 rounds use the words already scheduled */
		SHA256_HOST_ROUNDS4(48, m0);
		SHA256_HOST_ROUNDS4(52, m1);
		SHA256_HOST_ROUNDS4(56, m2);
		SHA256_HOST_ROUNDS4(60, m3);
		abef = _mm_add_epi32(abef, abef_in);
		cdgh = _mm_add_epi32(cdgh, cdgh_in);
	}
	/* back to A..D and E..H, dword 0 first */
	badc = _mm_shuffle_epi32(abef, 0x1b);                      /* dwords A, B, E, F */
	efgh = _mm_shuffle_epi32(cdgh, 0xb1);                      /* dwords G, H, C, D */
	_mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(badc, efgh, 0xf0));
	_mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(efgh, badc, 8));
}

/* CPUID leaf 7 EBX bit 29: SHA; leaf 1 ECX bits 19 and 9: SSE4.1, SSSE3 */
static int sha256_host_cpu_has_sha(void)
{
	unsigned eax, ebx, ecx, edx;

	if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & (1u << 19)) || !(ecx & (1u << 9)))
		return 0;
	if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx))
		return 0;
	return (ebx >> 29) & 1;
}
#endif

int sha256_host_accelerated(void)
{
#ifdef SHA256_HOST_X86
	static int known = -1;

	if (known < 0)
		known = sha256_host_cpu_has_sha();
	return known;
#else
	return 0;
#endif
}

void sha256_update_host(struct sha256_ctx *ctx, const void *data, size_t len)
{
#ifdef SHA256_HOST_X86
	const uint8_t *in = data;
	size_t head, whole;

	if (sha256_host_accelerated() && len >= SHA256_BLOCK_SIZE) {
		/* complete a partial block the portable way (at most one block) */
		head = ctx->block_len ? SHA256_BLOCK_SIZE - ctx->block_len : 0;
		sha256_update(ctx, in, head);
		in += head;
		len -= head;
		whole = len / SHA256_BLOCK_SIZE;
		sha256_host_blocks(ctx->state, in, whole);
		ctx->length += (uint64_t)whole * SHA256_BLOCK_SIZE;
		in += whole * SHA256_BLOCK_SIZE;
		len -= whole * SHA256_BLOCK_SIZE;
		data = in;
	}
#endif
	/* the rest: everything without the extensions, else less than a block */
	sha256_update(ctx, data, len);
}

void sha256_digest_host(const void *data, size_t len, uint8_t digest[SHA256_DIGEST_SIZE])
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	sha256_update_host(&ctx, data, len);
	sha256_final(&ctx, digest);
}
