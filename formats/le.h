/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Little-endian fields read from and written to byte buffers, whatever the host's byte
 * order and the buffer's alignment (ELF of x86, the stub's blocks and notes
 * are all little endian).
 */
#ifndef FORMATS_LE_H
#define FORMATS_LE_H

#include <stdint.h>

static inline uint16_t le16_get(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t le32_get(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t le64_get(const uint8_t *p)
{
	return (uint64_t)le32_get(p) | (uint64_t)le32_get(p + 4) << 32;
}

/* The low `bytes` bytes of `value` into p, least significant first. */
static inline void le_put(uint8_t *p, uint64_t value, unsigned bytes)
{
	unsigned i;

	for (i = 0; i < bytes; i++)
		p[i] = (uint8_t)(value >> (8 * i));
}

static inline void le32_put(uint8_t *p, uint32_t value)
{
	le_put(p, value, 4);
}

#endif
