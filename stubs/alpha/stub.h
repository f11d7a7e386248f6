/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The Alpha stub's internal interfaces. Freestanding: no libc. */
#ifndef STUBS_ALPHA_STUB_H
#define STUBS_ALPHA_STUB_H

#include <stddef.h>
#include <stdint.h>

#include "formats/alpha.h"
#include "formats/stubparam.h"

/* stub_main.c: called by entry.S, returns the kernel entry to jump to */
uint64_t stub_main(const struct alpha_stub_params *params);

/* cmdline.c: the final command line into PARAM by the recorded policy */
void cmdline_build(struct alpha_param_page *page, const struct alpha_stub_params *params);

/* lib.c: gcc may call these even in freestanding code */
void *memcpy(void *dest, const void *src, size_t len);
void *memset(void *dest, int value, size_t len);

#endif
