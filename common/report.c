/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "common/report.h"

const char *report_program = "mkelfimage";

void report_print(const char *format, ...)
{
	va_list args;

	fputs(report_program, stderr);
	fputs(": ", stderr);
	va_start(args, format);
	vfprintf(stderr, format, args);
	va_end(args);
	fputc('\n', stderr);
}

void report_print_format_error(const char *what, const char *path, const struct fmt_error *err)
{
	/* no place: the rule is about the file as a whole (formats/fmt_error.h) */
	if (!err->where)
		report_print("%s '%s': %s", what, path, err->why);
	else
		report_print("%s '%s': %s 0x%llx: %s", what, path, err->where,
			     (unsigned long long)err->offset, err->why);
}

void report_print_errno(const char *what, const char *path, const char *action)
{
	/* strerror first: report_print's stdio may change errno */
	const char *why = strerror(errno);

	report_print("%s '%s': %s: %s", what, path, action, why);
}
