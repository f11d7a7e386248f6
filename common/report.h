/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Everything mkelfimage and bootelf say to the user goes through here: one
 * line each, "<program>: <message>".
 *
 * The report_* macros print, then give the status they were handed, so an
 * error path reads `return report_error(EXIT_IO, "...");`. They are macros,
 * not functions returning their argument, so that a static analyser sees
 * the status in the caller and does not follow the error path as a success.
 */
#ifndef COMMON_REPORT_H
#define COMMON_REPORT_H

#include "formats/fmt_error.h"

/* Exit status (documented in the man pages, EXIT STATUS) */
#define EXIT_OK          0
#define EXIT_BAD_INPUT   1   /* bad input or usage */
#define EXIT_IO          2   /* I/O or system error after validation */

/* The name each line starts with; "mkelfimage" unless the program sets it. */
extern const char *report_program;

/* "<program>: <message>" on stderr */
void report_print(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* "<program>: <what> '<path>': <where> 0x<offset>: <why>" */
void report_print_format_error(const char *what, const char *path, const struct fmt_error *err);

/* "<program>: <what> '<path>': <action>: <strerror(errno)>" */
void report_print_errno(const char *what, const char *path, const char *action);

/* Each prints its line and evaluates to `status` (or EXIT_BAD_INPUT). */
#define report_error(status, ...) (report_print(__VA_ARGS__), (status))
#define report_format_error(what, path, err) \
	(report_print_format_error((what), (path), (err)), EXIT_BAD_INPUT)
#define report_errno(status, what, path, action) \
	(report_print_errno((what), (path), (action)), (status))

#endif
