/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Address arithmetic: rounding up to a power of two, sums that cannot wrap. */
#ifndef COMMON_ALIGN_H
#define COMMON_ALIGN_H

#include <stdint.h>

/* `value` rounded up to a multiple of `align`, a power of two */
static inline uint64_t align_up(uint64_t value, uint64_t align)
{
	return (value + align - 1) & ~(align - 1);
}

/* a + b, or UINT64_MAX when it would wrap (a limit check then refuses it) */
static inline uint64_t add_saturated(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

#endif
