/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * How a format parser reports a problem: as a value, never by printing.
 * mkelfimage/ turns it into one line:
 *   mkelfimage: kernel 'vmlinuz': setup header 0x206: protocol 2.01 is below the minimum 2.02
 */
#ifndef FORMATS_FMT_ERROR_H
#define FORMATS_FMT_ERROR_H

#include <stdint.h>

enum fmt_status {
	FMT_OK = 0,
	FMT_NOT_THIS_FORMAT,   /* magic absent: some other kind of file */
	FMT_TRUNCATED,         /* a field or region lies past the end of the input */
	FMT_BAD_MAGIC,         /* a signature is present but wrong */
	FMT_BAD_FIELD,         /* a field holds a value the specification forbids */
	FMT_UNSUPPORTED,       /* valid, but older or different than we accept */
};

struct fmt_error {
	enum fmt_status status;
	const char *where;     /* record or field name, e.g. "setup header"; NULL:
				  the file as a whole, offset unused */
	uint64_t offset;       /* byte offset in the input the problem was found at */
	char why[160];         /* the rule and the numbers, one clause, no newline */
};

/* Fill *err and return its status (format files use it as `return fmt_fail(...)`). */
enum fmt_status fmt_fail(struct fmt_error *err, enum fmt_status status,
			 const char *where, uint64_t offset, const char *why_format, ...)
	__attribute__((format(printf, 5, 6)));

#endif
