/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * formats/ipsum.h: ipsum_add_bulk (8 bytes at a time, folded once per call,
 * used by mkelfimage on whole payloads) gives the state ipsum_add (folded
 * after each word, as coreboot's compute_ip_checksum) gives, for random,
 * all-zero and all-0xff buffers fed in random pieces, odd offsets included;
 * and the RFC 1071 section 3 example sums as expected. TAP output.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "formats/ipsum.h"
#include "tests/tap.h"

/* 3000 buffers of up to 70000 bytes (fixed seed), each fed both ways in pieces */
static int bulk_matches(int fill)
{
	static uint8_t buf[70000];
	unsigned seed = 11 + (unsigned)fill, n;
	size_t len, done, piece, i;

	for (n = 0; n < 3000; n++) {
		struct ipsum slow = { 0, 0 }, fast = { 0, 0 };

		len = (size_t)rand_r(&seed) % (n < 1500 ? sizeof(buf) : 300);
		for (i = 0; i < len; i++)
			buf[i] = fill >= 0 ? (uint8_t)fill : (uint8_t)rand_r(&seed);
		for (done = 0; done < len; done += piece) {
			piece = 1 + (size_t)rand_r(&seed) % 9000;
			if (piece > len - done)
				piece = len - done;
			ipsum_add(&slow, buf + done, piece);
			ipsum_add_bulk(&fast, buf + done, piece);
			if (slow.sum != fast.sum || slow.odd != fast.odd) {
				printf("# buffer %u (%zu bytes): after %zu bytes 0x%x/%u against 0x%x/%u\n", n, len,
				       done + piece, slow.sum, slow.odd, fast.sum, fast.odd);
				return 0;
			}
		}
	}
	return 1;
}

int main(void)
{
	/* RFC 1071 3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (as bytes in memory) */
	static const uint8_t rfc[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };
	struct ipsum state = { 0, 0 };

	ipsum_add_bulk(&state, rfc, sizeof(rfc));
	tap_ok(state.sum == 0xf2dd, "RFC 1071 3 example: the sum of the little-endian words is 0xf2dd");
	tap_ok(bulk_matches(-1), "random bytes in random pieces: ipsum_add_bulk == ipsum_add");
	tap_ok(bulk_matches(0), "all zero bytes in random pieces: ipsum_add_bulk == ipsum_add (the 0 case)");
	tap_ok(bulk_matches(0xff), "all 0xff bytes in random pieces: ipsum_add_bulk == ipsum_add (the 0xffff case)");
	return tap_done();
}
