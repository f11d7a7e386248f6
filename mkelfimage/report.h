/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Everything mkelfimage (and bootelf, which shares this file) says to the
 * user goes through here: one line each, "<program>: <message>".
 */
#ifndef MKELFIMAGE_REPORT_H
#define MKELFIMAGE_REPORT_H

#include "formats/fmt_error.h"

/* Exit status (documented in the man page, EXIT STATUS) */
#define EXIT_OK          0
#define EXIT_BAD_INPUT   1   /* bad input or usage */
#define EXIT_IO          2   /* I/O or system error after validation */

/* The name each line starts with; "mkelfimage" unless the program sets it. */
extern const char *report_program;

/* "<program>: <message>" on stderr; returns `status` for `return report_error(...)`. */
int report_error(int status, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* "<program>: <what> '<path>': <where> 0x<offset>: <why>", returns EXIT_BAD_INPUT */
int report_format_error(const char *what, const char *path, const struct fmt_error *err);

/* "<program>: <what> '<path>': <action>: <strerror(errno)>", returns `status` */
int report_errno(int status, const char *what, const char *path, const char *action);

#endif
