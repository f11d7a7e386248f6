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
