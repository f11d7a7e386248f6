/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Rounding addresses and offsets up to a power-of-two alignment. */
#ifndef COMMON_ALIGN_H
#define COMMON_ALIGN_H

#include <stdint.h>

/* `value` rounded up to a multiple of `align`, a power of two */
static inline uint64_t align_up(uint64_t value, uint64_t align)
{
	return (value + align - 1) & ~(align - 1);
}

#endif
