/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "fmt_error.h"

enum fmt_status fmt_fail(struct fmt_error *err, enum fmt_status status,
			 const char *where, uint64_t offset, const char *why_format, ...)
{
	va_list args;

	err->status = status;
	err->where = where;
	err->offset = offset;
	va_start(args, why_format);
	vsnprintf(err->why, sizeof(err->why), why_format, args);
	va_end(args);
	return status;
}
