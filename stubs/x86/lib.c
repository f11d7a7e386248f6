/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The few libc functions the stub uses. gcc may emit calls to memset and
 * memcpy even with -ffreestanding -fno-builtin (struct copies, zeroing), so
 * they keep their standard names. Their loops stay loops (STUB_KEEP_LOOPS),
 * or gcc could turn them back into calls to themselves.
 */
#include "stub.h"

STUB_KEEP_LOOPS void *memset(void *dest, int value, size_t len)
{
	unsigned char *out = dest;

	while (len--)
		*out++ = (unsigned char)value;
	return dest;
}

STUB_KEEP_LOOPS void *memcpy(void *dest, const void *src, size_t len)
{
	unsigned char *out = dest;
	const unsigned char *in = src;

	while (len--)
		*out++ = *in++;
	return dest;
}

int memcmp(const void *left, const void *right, size_t len)
{
	const unsigned char *a = left, *b = right;

	for (; len; len--, a++, b++)
		if (*a != *b)
			return *a < *b ? -1 : 1;
	return 0;
}

size_t strlen(const char *text)
{
	size_t len = 0;

	while (text[len])
		len++;
	return len;
}

size_t strnlen(const char *text, size_t max)
{
	size_t len = 0;

	while (len < max && text[len])
		len++;
	return len;
}
