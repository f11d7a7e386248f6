/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TAP output for the C unit tests (automake's TAP driver reads it): one
 * "ok N - name" or "not ok N - name" line per check, the plan at the end.
 */
#ifndef MKELFIMAGE_TESTS_TAP_H
#define MKELFIMAGE_TESTS_TAP_H

#include <stdio.h>

static int tap_count, tap_failures;

static inline void tap_ok(int condition, const char *name)
{
	tap_count++;
	if (!condition)
		tap_failures++;
	printf("%s %d - %s\n", condition ? "ok" : "not ok", tap_count, name);
}

/* Print the plan; the test's exit status. */
static inline int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failures ? 1 : 0;
}

#endif
