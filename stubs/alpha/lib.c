/* SPDX-License-Identifier: GPL-2.0-or-later */
/* memcpy and memset: the compiler emits calls to them for structure copies. */
#include "stub.h"

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
