/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The "IP checksum" of the ELF boot proposal and the coreboot table: the
 * RFC 1071 ones'-complement sum of 16-bit little-endian words (a last odd
 * byte is a low byte), carries folded after each add, then complemented.
 * Computed as coreboot's compute_ip_checksum and add_ip_checksums do, so the
 * results agree bit for bit (the 0 / 0xffff cases included). A block that
 * carries its own checksum sums to 0.
 *
 * Header-only and freestanding: used by mkelfimage (the ELFBoot checksum)
 * and by the x86 stub (Elf_Bhdr and coreboot table checks).
 */
#ifndef FORMATS_IPSUM_H
#define FORMATS_IPSUM_H

#include <stddef.h>
#include <stdint.h>

#include "le.h"

/* A sum in progress: bytes may arrive in pieces of any length */
struct ipsum {
	uint32_t sum;
	uint32_t odd;                  /* the next byte is a high byte */
};

static inline void ipsum_add(struct ipsum *state, const void *data, size_t len)
{
	const uint8_t *bytes = data;
	size_t i;

	for (i = 0; i < len; i++) {
		state->sum += state->odd ? (uint32_t)bytes[i] << 8 : bytes[i];
		state->odd ^= 1;
		if (state->sum > 0xffff)
			state->sum = (state->sum + (state->sum >> 16)) & 0xffff;
	}
}

/*
 * The same sum as ipsum_add, for long buffers (mkelfimage's payloads):
 * eight bytes at a time into a 64-bit total with end-around carry, folded
 * to 16 bits once per call. Every step keeps the total modulo 0xffff
 * (2^16 = 1 there, so a 64-bit word counts as its four 16-bit words and a
 * carry out of bit 63 as 1) and leaves it 0 only when every word was 0:
 * the value folding after each 16-bit add gives.
 */
static inline void ipsum_add_bulk(struct ipsum *state, const void *data, size_t len)
{
	const uint8_t *bytes = data;
	uint64_t total = state->sum, word;
	size_t i = 0;

	if (len && state->odd) {
		total += (uint32_t)bytes[i++] << 8;
		state->odd = 0;
	}
	for (; len - i >= 8; i += 8) {
		word = le64_get(bytes + i);
		total += word;
		total += total < word;
	}
	for (; len - i >= 2; i += 2) {
		word = (uint32_t)bytes[i] | (uint32_t)bytes[i + 1] << 8;
		total += word;
		total += total < word;
	}
	if (i < len) {
		word = bytes[i];
		total += word;
		total += total < word;
		state->odd = 1;
	}
	while (total > 0xffff)
		total = (total & 0xffff) + (total >> 16);
	state->sum = (uint32_t)total;
}

static inline uint16_t ipsum_value(const struct ipsum *state)
{
	return (uint16_t)~state->sum;
}

static inline uint16_t ipsum(const void *data, size_t len)
{
	struct ipsum state = { 0, 0 };

	ipsum_add(&state, data, len);
	return ipsum_value(&state);
}

/* Join the checksum of a piece that starts `offset` bytes into the stream */
static inline uint16_t ipsum_combine(uint64_t offset, uint16_t sum, uint16_t piece)
{
	uint32_t a = (uint16_t)~sum, b = (uint16_t)~piece, total;

	if (offset & 1)
		b = ((b >> 8) & 0xff) | ((b << 8) & 0xff00);
	total = a + b;
	if (total > 0xffff)
		total -= 0xffff;
	return (uint16_t)~total;
}

#endif
