/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A tiny streaming JSON writer (RFC 8259) for --manifest and inspect --json:
 * objects, arrays, strings, unsigned integers and booleans, two-space
 * indentation, keys in the order they are written (so the output is
 * reproducible). Strings are escaped per RFC 8259 section 7: '"', '\' and
 * every control character. Well-formed UTF-8 passes through; any other byte
 * >= 0x80 (a command line is bytes, not text) is written as \u00XX, so the
 * document stays valid UTF-8.
 */
#ifndef MKELFIMAGE_JSON_H
#define MKELFIMAGE_JSON_H

#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 16

struct json {
	FILE *out;
	int depth;
	int has_items[JSON_MAX_DEPTH];   /* per level: a comma is due before the next item */
};

void json_begin(struct json *json, FILE *out);
/* `key` is NULL inside an array (and for the top-level value). */
void json_object_begin(struct json *json, const char *key);
void json_object_end(struct json *json);
void json_array_begin(struct json *json, const char *key);
void json_array_end(struct json *json);
void json_string(struct json *json, const char *key, const char *value);
void json_string_len(struct json *json, const char *key, const char *value, size_t len);
void json_uint(struct json *json, const char *key, uint64_t value);
void json_bool(struct json *json, const char *key, int value);
void json_null(struct json *json, const char *key);
/* Ends the document with a newline; returns 0, or -1 if writing failed. */
int json_end(struct json *json);

#endif
