/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The template is loaded whole with libyaml's document API (a template is a
 * few hundred bytes), then walked once: every node carries its start mark,
 * so every error names the line and column it is about. Work stays linear in
 * the file: keys are checked for repeats through a sorted index, and flow
 * nesting is bounded before libyaml (whose scanner is quadratic in it)
 * reads the file.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "common/fdio.h"
#include "common/report.h"
#include "inputfile.h"
#include "template.h"

int template_error(const struct template *template, unsigned line, unsigned column,
		   const char *format, ...)
{
	char message[300];
	va_list args;

	va_start(args, format);
	vsnprintf(message, sizeof(message), format, args);
	va_end(args);
	return report_error(EXIT_BAD_INPUT, "template '%s':%u:%u: %s", template->path, line, column,
			    message);
}

const char *template_kind_name(enum template_kind kind)
{
	return kind == TEMPLATE_SCALAR ? "a scalar" : kind == TEMPLATE_SEQUENCE ? "a sequence" : "a mapping";
}

static enum template_kind node_kind(const yaml_node_t *node)
{
	return node->type == YAML_SCALAR_NODE ? TEMPLATE_SCALAR
		: node->type == YAML_SEQUENCE_NODE ? TEMPLATE_SEQUENCE : TEMPLATE_MAPPING;
}

/* libyaml marks count from 0; editors and compilers count from 1. */
static unsigned mark_line(const yaml_node_t *node)
{
	return (unsigned)node->start_mark.line + 1;
}

static unsigned mark_column(const yaml_node_t *node)
{
	return (unsigned)node->start_mark.column + 1;
}

static int set_value(const struct template *template, struct template_value *value,
		     const yaml_node_t *node)
{
	value->text = strndup((const char *)node->data.scalar.value, node->data.scalar.length);
	value->line = mark_line(node);
	value->column = mark_column(node);
	value->plain = node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (!value->text)
		return report_error(EXIT_IO, "out of memory");
	if (strlen(value->text) != node->data.scalar.length)
		return template_error(template, value->line, value->column, "NUL character in a value");
	return EXIT_OK;
}

/* `first_line`: where the same key came first (0: it did not) */
static int read_entry(struct template *template, yaml_document_t *doc,
		      const yaml_node_pair_t *pair, struct template_entry *entry, unsigned first_line)
{
	yaml_node_t *key = yaml_document_get_node(doc, pair->key);
	yaml_node_t *value = yaml_document_get_node(doc, pair->value);
	yaml_node_item_t *item;

	if (key->type != YAML_SCALAR_NODE)
		return template_error(template, mark_line(key), mark_column(key),
				      "a key must be an option name, found %s", template_kind_name(node_kind(key)));
	entry->key = strndup((const char *)key->data.scalar.value, key->data.scalar.length);
	entry->line = mark_line(key);
	entry->column = mark_column(key);
	entry->kind = node_kind(value);
	if (!entry->key)
		return report_error(EXIT_IO, "out of memory");
	if (first_line)
		return template_error(template, entry->line, entry->column,
				      "key '%s' given twice (first at line %u)", entry->key, first_line);
	if (entry->kind == TEMPLATE_MAPPING)
		return EXIT_OK;   /* options.c names the key's expected type */
	if (entry->kind == TEMPLATE_SCALAR) {
		entry->values = calloc(1, sizeof(*entry->values));
		if (!entry->values)
			return report_error(EXIT_IO, "out of memory");
		entry->value_count = 1;
		return set_value(template, &entry->values[0], value);
	}
	entry->values = calloc((size_t)(value->data.sequence.items.top - value->data.sequence.items.start) + 1,
			       sizeof(*entry->values));
	if (!entry->values)
		return report_error(EXIT_IO, "out of memory");
	for (item = value->data.sequence.items.start; item < value->data.sequence.items.top; item++) {
		yaml_node_t *node = yaml_document_get_node(doc, *item);

		if (node->type != YAML_SCALAR_NODE)
			return template_error(template, mark_line(node), mark_column(node),
					      "key '%s': a list item must be a scalar, found %s",
					      entry->key, template_kind_name(node_kind(node)));
		if (set_value(template, &entry->values[entry->value_count++], node) != EXIT_OK)
			return EXIT_BAD_INPUT;
	}
	return EXIT_OK;
}

/* One scalar key of the root mapping, for the repeat check */
struct key_ref {
	const yaml_node_t *node;
	size_t index;                /* the pair's place in the file */
};

static int key_ref_compare(const void *a, const void *b)
{
	const struct key_ref *x = a, *y = b;
	size_t lx = x->node->data.scalar.length, ly = y->node->data.scalar.length;
	int order = memcmp(x->node->data.scalar.value, y->node->data.scalar.value, lx < ly ? lx : ly);

	if (order == 0 && lx != ly)
		order = lx < ly ? -1 : 1;
	if (order == 0)
		order = x->index < y->index ? -1 : x->index > y->index;
	return order;
}

static int same_key(const struct key_ref *x, const struct key_ref *y)
{
	return x->node->data.scalar.length == y->node->data.scalar.length &&
		!memcmp(x->node->data.scalar.value, y->node->data.scalar.value, x->node->data.scalar.length);
}

/*
 * The first pair (in file order) whose scalar key an earlier pair has, and
 * that earlier pair's line: sorted once, O(n log n). *dup = count: none.
 */
static int find_repeat(yaml_document_t *doc, const yaml_node_t *root, size_t count, size_t *dup,
		       unsigned *first_line)
{
	struct key_ref *refs = calloc(count ? count : 1, sizeof(*refs));
	size_t i, n = 0, group = 0;

	*dup = count;
	if (!refs)
		return report_error(EXIT_IO, "out of memory");
	for (i = 0; i < count; i++) {
		const yaml_node_t *key = yaml_document_get_node(doc, root->data.mapping.pairs.start[i].key);

		if (key && key->type == YAML_SCALAR_NODE)
			refs[n++] = (struct key_ref){ key, i };
	}
	/* by key, then by place: a group's first member is where its key came first */
	qsort(refs, n, sizeof(*refs), key_ref_compare);
	for (i = 1; i < n; i++) {
		if (!same_key(&refs[i], &refs[group])) {
			group = i;
		} else if (refs[i].index < *dup) {
			*dup = refs[i].index;
			*first_line = mark_line(refs[group].node);
		}
	}
	free(refs);
	return EXIT_OK;
}

static int read_root(struct template *template, yaml_document_t *doc)
{
	yaml_node_t *root = yaml_document_get_root_node(doc);
	yaml_node_pair_t *pair;
	size_t count, dup;
	unsigned first_line = 0;
	int status = EXIT_OK;

	if (!root)
		return EXIT_OK;   /* an empty template sets nothing */
	if (root->type != YAML_MAPPING_NODE)
		return template_error(template, mark_line(root), mark_column(root),
				      "the template must be a mapping of option names to values, found %s",
				      template_kind_name(node_kind(root)));
	count = (size_t)(root->data.mapping.pairs.top - root->data.mapping.pairs.start);
	template->entries = calloc(count + 1, sizeof(*template->entries));
	if (!template->entries)
		return report_error(EXIT_IO, "out of memory");
	if ((status = find_repeat(doc, root, count, &dup, &first_line)) != EXIT_OK)
		return status;
	for (pair = root->data.mapping.pairs.start; pair < root->data.mapping.pairs.top && status == EXIT_OK; pair++) {
		size_t index = (size_t)(pair - root->data.mapping.pairs.start);

		status = read_entry(template, doc, pair, &template->entries[template->count++],
				    index == dup ? first_line : 0);
	}
	return status;
}

static char *directory_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	return slash == path ? strdup("/") : strndup(path, (size_t)(slash - path));
}

/* The whole file, refused as other inputs are (not a regular file, too big) */
static int read_file(const char *path, char **text, size_t *len)
{
	struct input_file file;
	int status = input_file_open(&file, "template", path);

	*text = NULL;
	if (status == EXIT_OK && file.size > TEMPLATE_MAX_BYTES)
		status = report_error(EXIT_BAD_INPUT, "template '%s': %llu bytes, more than the %u a template may have",
				      path, (unsigned long long)file.size, TEMPLATE_MAX_BYTES);
	if (status == EXIT_OK && !(*text = malloc((size_t)file.size + 1)))
		status = report_error(EXIT_IO, "out of memory");
	if (status == EXIT_OK && fdio_read_at(file.fd, *text, (size_t)file.size, 0) != (ssize_t)file.size)
		status = report_errno(EXIT_BAD_INPUT, "template", path, "cannot read");
	if (file.fd >= 0)
		close(file.fd);
	*len = (size_t)file.size;
	return status;
}

/*
 * Flow collections ([ and {) nested deeper than TEMPLATE_MAX_NESTING are
 * refused before libyaml reads them: its scanner takes time quadratic in
 * the depth. Brackets inside quotes and comments do not count; a quote
 * opens only where a value can start.
 */
static int check_nesting(const struct template *template, const char *text, size_t len)
{
	unsigned line = 1, column = 0, depth = 0;
	char quote = 0, prev = '\n';
	int comment = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		char c = text[i];

		column++;
		if (c == '\n') {
			line++;
			column = 0;
			comment = 0;
		} else if (comment) {
			continue;
		} else if (quote) {
			if (quote == '"' && c == '\\' && i + 1 < len) {
				i++;    /* the escaped character cannot close the quote */
				column++;
			} else if (c == quote) {
				quote = 0;
			}
		} else if (c == '#' && (prev == ' ' || prev == '\t' || prev == '\n')) {
			comment = 1;
		} else if ((c == '"' || c == '\'') && strchr(" \t\n,[{:-", prev)) {
			quote = c;
		} else if ((c == '[' || c == '{') && ++depth > TEMPLATE_MAX_NESTING) {
			return template_error(template, line, column, "more than %d nested [ or {; a template is flat",
					      TEMPLATE_MAX_NESTING);
		} else if ((c == ']' || c == '}') && depth) {
			depth--;
		}
		prev = text[i];
	}
	return EXIT_OK;
}

/* libyaml's error as one line with the place */
static int yaml_error(const struct template *template, const yaml_parser_t *parser)
{
	return template_error(template, (unsigned)parser->problem_mark.line + 1,
			      (unsigned)parser->problem_mark.column + 1, "%s%s%s",
			      parser->problem ? parser->problem : "not valid YAML",
			      parser->context ? " " : "", parser->context ? parser->context : "");
}

/* One document: a second one (after ---) would be ignored, so it is refused. */
static int check_one_document(const struct template *template, yaml_parser_t *parser)
{
	yaml_document_t next;
	yaml_node_t *root;
	int status = EXIT_OK;

	if (!yaml_parser_load(parser, &next))
		return yaml_error(template, parser);
	root = yaml_document_get_root_node(&next);
	if (root)
		status = template_error(template, mark_line(root), mark_column(root),
					"a second YAML document; a template is one mapping");
	yaml_document_delete(&next);
	return status;
}

int template_load(const char *path, struct template *template)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	size_t len;
	char *text;
	int status;

	memset(template, 0, sizeof(*template));
	template->path = strdup(path);
	template->dir = directory_of(path);
	if (!template->path || !template->dir)
		return report_error(EXIT_IO, "out of memory");
	status = read_file(path, &text, &len);
	if (status == EXIT_OK)
		status = check_nesting(template, text, len);
	if (status == EXIT_OK && !yaml_parser_initialize(&parser))
		status = report_error(EXIT_IO, "out of memory");
	if (status != EXIT_OK) {
		free(text);
		return status;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		status = yaml_error(template, &parser);
	} else {
		status = read_root(template, &doc);
		yaml_document_delete(&doc);
		if (status == EXIT_OK)
			status = check_one_document(template, &parser);
	}
	yaml_parser_delete(&parser);
	free(text);
	return status;
}

int template_resolve_path(struct template *template, struct template_entry *entry, size_t index)
{
	struct template_value *value = &entry->values[index];
	size_t len;
	char *joined;

	if (value->text[0] == '/' || value->text[0] == '\0')
		return EXIT_OK;
	len = strlen(template->dir) + 1 + strlen(value->text) + 1;
	joined = malloc(len);
	if (!joined)
		return report_error(EXIT_IO, "out of memory");
	snprintf(joined, len, "%s/%s", template->dir, value->text);
	free(value->text);
	value->text = joined;
	return EXIT_OK;
}

void template_free(struct template *template)
{
	size_t i, v;

	for (i = 0; i < template->count; i++) {
		for (v = 0; v < template->entries[i].value_count; v++)
			free(template->entries[i].values[v].text);
		free(template->entries[i].values);
		free(template->entries[i].key);
	}
	free(template->entries);
	free(template->path);
	free(template->dir);
	memset(template, 0, sizeof(*template));
}
