/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --template FILE.yaml: a YAML mapping from long option names to values
 * (doc/mkelfimage-template.5). This file only reads the YAML (libyaml) into
 * key/value entries with their line and column; options.c decides what each
 * key means, so a template can hold every option and no list drifts.
 */
#ifndef MKELFIMAGE_TEMPLATE_H
#define MKELFIMAGE_TEMPLATE_H

#include <stddef.h>

enum template_kind {
	TEMPLATE_SCALAR,
	TEMPLATE_SEQUENCE,     /* of scalars */
	TEMPLATE_MAPPING,      /* never valid as a value; kept to name it in the error */
};

/* A template is a few hundred bytes; these bound the work a hostile one causes */
#define TEMPLATE_MAX_BYTES    (1u << 20)
#define TEMPLATE_MAX_NESTING  16

struct template_value {
	char *text;
	unsigned line, column;  /* 1-based, as editors count */
	int plain;              /* unquoted: only then are true/false booleans */
};

struct template_entry {
	char *key;
	unsigned line, column;
	enum template_kind kind;
	struct template_value *values;   /* one for a scalar, n for a sequence */
	size_t value_count;
};

struct template {
	char *path;             /* as given, for messages */
	char *dir;              /* relative paths in the template start here */
	struct template_entry *entries;  /* in file order */
	size_t count;
};

/*
 * Read and check the YAML: one document whose root is a mapping of unique
 * scalar keys to scalars or sequences of scalars. Returns EXIT_OK or a
 * reported exit status (the message has file:line:column).
 */
int template_load(const char *path, struct template *template);
void template_free(struct template *template);

/* "mkelfimage: template 'f.yaml':L:C: <message>"; returns EXIT_BAD_INPUT */
int template_error(const struct template *template, unsigned line, unsigned column,
		   const char *format, ...) __attribute__((format(printf, 4, 5)));

/*
 * Make value `index` of `entry` a path relative to the template's directory
 * (an absolute path is kept). Returns EXIT_OK or EXIT_IO.
 */
int template_resolve_path(struct template *template, struct template_entry *entry, size_t index);

/* The kind as a word for messages ("a scalar", "a sequence", "a mapping") */
const char *template_kind_name(enum template_kind kind);

#endif
