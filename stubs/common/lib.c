/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * memcpy, memset, memcmp: the compiler emits calls to the first two for
 * structure copies, and the device tree editor uses all three. Byte loops:
 * with the MMU off every access is Device memory, where unaligned words fault.
 */
#include "fdtstub.h"

void *memcpy(void *dest, const void *src, size_t len)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	while (len--)
		*d++ = *s++;
	return dest;
}

void *memset(void *dest, int value, size_t len)
{
	unsigned char *d = dest;

	while (len--)
		*d++ = (unsigned char)value;
	return dest;
}

int memcmp(const void *a, const void *b, size_t len)
{
	const unsigned char *x = a, *y = b;

	for (; len; len--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}
