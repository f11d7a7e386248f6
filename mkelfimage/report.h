/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Everything mkelfimage says to the user goes through here: one line each. */
#ifndef MKELFIMAGE_REPORT_H
#define MKELFIMAGE_REPORT_H

#include "formats/fmt_error.h"

/* Exit status (documented in the man page, EXIT STATUS) */
#define EXIT_OK          0
#define EXIT_BAD_INPUT   1   /* bad input or usage */
#define EXIT_IO          2   /* I/O or system error after validation */

/* "mkelfimage: <message>" on stderr; returns `status` for `return report_error(...)`. */
int report_error(int status, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* "mkelfimage: <what> '<path>': <where> 0x<offset>: <why>", returns EXIT_BAD_INPUT */
int report_format_error(const char *what, const char *path, const struct fmt_error *err);

/* "mkelfimage: <what> '<path>': <action>: <strerror(errno)>", returns `status` */
int report_errno(int status, const char *what, const char *path, const char *action);

#endif
