/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "report.h"

const char *report_program = "mkelfimage";

int report_error(int status, const char *format, ...)
{
	va_list args;

	fputs(report_program, stderr);
	fputs(": ", stderr);
	va_start(args, format);
	vfprintf(stderr, format, args);
	va_end(args);
	fputc('\n', stderr);
	return status;
}

int report_format_error(const char *what, const char *path, const struct fmt_error *err)
{
	/* no place: the rule is about the file as a whole (formats/fmt_error.h) */
	if (!err->where)
		return report_error(EXIT_BAD_INPUT, "%s '%s': %s", what, path, err->why);
	return report_error(EXIT_BAD_INPUT, "%s '%s': %s 0x%llx: %s", what, path, err->where,
			    (unsigned long long)err->offset, err->why);
}

int report_errno(int status, const char *what, const char *path, const char *action)
{
	return report_error(status, "%s '%s': %s: %s", what, path, action, strerror(errno));
}
