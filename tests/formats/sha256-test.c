/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * formats/sha256.c against the NIST vectors (FIPS 180-2 appendix B and the
 * NIST "SHA256 examples": "abc", the empty message, the 448- and 896-bit
 * messages, one million 'a'), the padding boundaries of FIPS 180-4 5.1.1
 * (55, 56, 63, 64, 65 bytes), and streaming: any split of a message into
 * sha256_update calls gives the one-shot digest. Then formats/sha256_host.c
 * (the SHA extensions when this CPU has them): the same vectors, and the
 * portable digest of random contents at random lengths and splits.
 * TAP output.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/sha256.h"
#include "formats/sha256_host.h"
#include "tests/tap.h"

static void to_hex(const uint8_t digest[SHA256_DIGEST_SIZE], char out[2 * SHA256_DIGEST_SIZE + 1])
{
	int i;

	for (i = 0; i < SHA256_DIGEST_SIZE; i++)
		sprintf(out + 2 * i, "%02x", digest[i]);
}

/* The digest by sha256_update_host, in pieces of `step` bytes */
static void sha256_host(const void *data, size_t len, size_t step, uint8_t digest[SHA256_DIGEST_SIZE])
{
	const uint8_t *bytes = data;
	struct sha256_ctx ctx;
	size_t done, piece;

	sha256_init(&ctx);
	for (done = 0; done < len; done += piece) {
		piece = len - done < step ? len - done : step;
		sha256_update_host(&ctx, bytes + done, piece);
	}
	sha256_final(&ctx, digest);
}

/* Both implementations against a known digest */
static void check_digest(const void *data, size_t len, const char *want, const char *name)
{
	uint8_t digest[SHA256_DIGEST_SIZE];
	char hex[2 * SHA256_DIGEST_SIZE + 1], host_name[160];

	sha256(data, len, digest);
	to_hex(digest, hex);
	tap_ok(strcmp(hex, want) == 0, name);
	if (strcmp(hex, want) != 0)
		printf("#   expected %s\n#   got      %s\n", want, hex);
	sha256_host(data, len, len ? len : 1, digest);
	to_hex(digest, hex);
	snprintf(host_name, sizeof(host_name), "sha256_update_host: %s", name);
	tap_ok(strcmp(hex, want) == 0, host_name);
	if (strcmp(hex, want) != 0)
		printf("#   expected %s\n#   got      %s\n", want, hex);
}

/*
 * 2000 random messages of 0 to 5000 bytes (a fixed seed: the same run each
 * time), each fed to sha256_update_host in random pieces: the portable
 * digest every time.
 */
static int host_matches_portable(void)
{
	static uint8_t msg[5000];
	uint8_t want[SHA256_DIGEST_SIZE], got[SHA256_DIGEST_SIZE];
	unsigned n, seed = 7;
	size_t len, i;

	for (n = 0; n < 2000; n++) {
		len = (size_t)(rand_r(&seed) % (sizeof(msg) + 1));
		for (i = 0; i < len; i++)
			msg[i] = (uint8_t)rand_r(&seed);
		sha256(msg, len, want);
		sha256_host(msg, len, 1 + (size_t)(rand_r(&seed) % 300), got);
		if (memcmp(want, got, sizeof(want)) != 0) {
			printf("# message %u (%zu bytes) differs\n", n, len);
			return 0;
		}
	}
	return 1;
}

static const char msg_448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
static const char msg_896[] =
	"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
	"ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

/* Digests of n times 'a' at the padding boundaries (FIPS 180-4 5.1.1) */
static const struct {
	size_t len;
	const char *digest;
} boundaries[] = {
	{ 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
	{ 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
	{ 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34" },
	{ 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
	{ 65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0" },
	{ 119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb" },
	{ 120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c" },
};

/* Every two-way split of msg_896, and byte-at-a-time, equal the one-shot digest */
static int streaming_matches(void)
{
	uint8_t whole[SHA256_DIGEST_SIZE], part[SHA256_DIGEST_SIZE];
	size_t len = sizeof(msg_896) - 1, split, i;
	struct sha256_ctx ctx;

	sha256(msg_896, len, whole);
	for (split = 0; split <= len; split++) {
		sha256_init(&ctx);
		sha256_update(&ctx, msg_896, split);
		sha256_update(&ctx, msg_896 + split, len - split);
		sha256_final(&ctx, part);
		if (memcmp(whole, part, sizeof(whole)) != 0)
			return 0;
	}
	sha256_init(&ctx);
	for (i = 0; i < len; i++)
		sha256_update(&ctx, msg_896 + i, 1);
	sha256_final(&ctx, part);
	return memcmp(whole, part, sizeof(whole)) == 0;
}

int main(void)
{
	char name[80], *million = malloc(1000000);
	uint8_t run[128];
	size_t i;

	if (!million)
		return 99;
	check_digest("abc", 3,
		     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
		     "FIPS 180-2 B.1: \"abc\" (one block)");
	check_digest("", 0,
		     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		     "NIST example: the empty message");
	check_digest(msg_448, sizeof(msg_448) - 1,
		     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
		     "FIPS 180-2 B.2: 448-bit message (padding spills into a second block)");
	check_digest(msg_896, sizeof(msg_896) - 1,
		     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
		     "NIST example: 896-bit message");
	memset(million, 'a', 1000000);
	check_digest(million, 1000000,
		     "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
		     "FIPS 180-2 B.3: one million 'a'");
	memset(run, 'a', sizeof(run));
	for (i = 0; i < sizeof(boundaries) / sizeof(boundaries[0]); i++) {
		snprintf(name, sizeof(name), "padding boundary: %zu bytes of 'a'", boundaries[i].len);
		check_digest(run, boundaries[i].len, boundaries[i].digest, name);
	}
	tap_ok(streaming_matches(), "streaming: every split into sha256_update calls gives the same digest");
	printf("# sha256_update_host %s the x86 SHA extensions on this CPU\n",
	       sha256_host_accelerated() ? "uses" : "cannot use (portable code only)");
	tap_ok(host_matches_portable(), "sha256_update_host: 2000 random messages, random pieces, the portable digest");
	free(million);
	return tap_done();
}
