/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <string.h>

#include "common/json.h"

void json_begin(struct json *json, FILE *out)
{
	memset(json, 0, sizeof(*json));
	json->out = out;
}

static int is_continuation(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

/* Length of the well-formed UTF-8 sequence at text[0] (RFC 3629 section 4), or 0. */
static size_t utf8_length(const unsigned char *text, size_t len)
{
	unsigned char c = text[0];
	size_t need, i;
	unsigned char low = 0x80, high = 0xbf;   /* range of the second byte */

	if (c >= 0xc2 && c <= 0xdf)
		need = 2;
	else if (c >= 0xe0 && c <= 0xef)
		need = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		need = 4;
	else
		return 0;
	if (c == 0xe0)
		low = 0xa0;          /* no overlong forms */
	else if (c == 0xed)
		high = 0x9f;         /* no surrogates */
	else if (c == 0xf0)
		low = 0x90;
	else if (c == 0xf4)
		high = 0x8f;         /* nothing above U+10FFFF */
	if (len < need || text[1] < low || text[1] > high)
		return 0;
	for (i = 2; i < need; i++)
		if (!is_continuation(text[i]))
			return 0;
	return need;
}

static void write_escaped(FILE *out, const char *text, size_t len)
{
	size_t i, sequence;

	fputc('"', out);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		switch (c) {
		case '"':  fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\b': fputs("\\b", out); break;
		case '\f': fputs("\\f", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			/* RFC 8259 section 7: control characters must be escaped. UTF-8
			 * passes through; a byte that is not part of well-formed UTF-8
			 * (a command line is bytes) becomes U+0080..U+00FF. */
			if (c >= 0x80 && (sequence = utf8_length((const unsigned char *)text + i, len - i))) {
				fwrite(text + i, 1, sequence, out);
				i += sequence - 1;
			} else if (c < 0x20 || c >= 0x7f) {
				fprintf(out, "\\u%04x", c);
			} else {
				fputc(c, out);
			}
		}
	}
	fputc('"', out);
}

/* The comma, newline, indentation and "key": that start every item. */
static void item_start(struct json *json, const char *key)
{
	int level;

	if (json->depth > 0) {
		if (json->has_items[json->depth])
			fputc(',', json->out);
		fputc('\n', json->out);
		for (level = 0; level < json->depth; level++)
			fputs("  ", json->out);
	}
	json->has_items[json->depth] = 1;
	if (key) {
		write_escaped(json->out, key, strlen(key));
		fputs(": ", json->out);
	}
}

static void open_level(struct json *json, const char *key, char bracket)
{
	item_start(json, key);
	fputc(bracket, json->out);
	if (json->depth + 1 < JSON_MAX_DEPTH)
		json->depth++;
	json->has_items[json->depth] = 0;
}

static void close_level(struct json *json, char bracket)
{
	int had_items = json->has_items[json->depth];
	int level;

	if (json->depth > 0)
		json->depth--;
	if (had_items) {
		fputc('\n', json->out);
		for (level = 0; level < json->depth; level++)
			fputs("  ", json->out);
	}
	fputc(bracket, json->out);
}

void json_object_begin(struct json *json, const char *key)
{
	open_level(json, key, '{');
}

void json_object_end(struct json *json)
{
	close_level(json, '}');
}

void json_array_begin(struct json *json, const char *key)
{
	open_level(json, key, '[');
}

void json_array_end(struct json *json)
{
	close_level(json, ']');
}

void json_string_len(struct json *json, const char *key, const char *value, size_t len)
{
	item_start(json, key);
	write_escaped(json->out, value, len);
}

void json_string(struct json *json, const char *key, const char *value)
{
	json_string_len(json, key, value, strlen(value));
}

void json_uint(struct json *json, const char *key, uint64_t value)
{
	item_start(json, key);
	fprintf(json->out, "%llu", (unsigned long long)value);
}

void json_bool(struct json *json, const char *key, int value)
{
	item_start(json, key);
	fputs(value ? "true" : "false", json->out);
}

void json_null(struct json *json, const char *key)
{
	item_start(json, key);
	fputs("null", json->out);
}

int json_end(struct json *json)
{
	fputc('\n', json->out);
	return ferror(json->out) ? -1 : 0;
}
