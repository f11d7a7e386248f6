/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The template is loaded whole with libyaml's document API (a template is a
 * few hundred bytes), then walked once: every node carries its start mark,
 * so every error names the line and column it is about.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "common/report.h"
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

static int read_entry(struct template *template, yaml_document_t *doc,
		      const yaml_node_pair_t *pair, struct template_entry *entry)
{
	yaml_node_t *key = yaml_document_get_node(doc, pair->key);
	yaml_node_t *value = yaml_document_get_node(doc, pair->value);
	yaml_node_item_t *item;
	size_t i;

	if (key->type != YAML_SCALAR_NODE)
		return template_error(template, mark_line(key), mark_column(key),
				      "a key must be an option name, found %s", template_kind_name(node_kind(key)));
	entry->key = strndup((const char *)key->data.scalar.value, key->data.scalar.length);
	entry->line = mark_line(key);
	entry->column = mark_column(key);
	entry->kind = node_kind(value);
	if (!entry->key)
		return report_error(EXIT_IO, "out of memory");
	for (i = 0; i + 1 < template->count; i++)   /* the entry being read is the last */
		if (!strcmp(template->entries[i].key, entry->key))
			return template_error(template, entry->line, entry->column,
					      "key '%s' given twice (first at line %u)", entry->key,
					      template->entries[i].line);
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

static int read_root(struct template *template, yaml_document_t *doc)
{
	yaml_node_t *root = yaml_document_get_root_node(doc);
	yaml_node_pair_t *pair;
	int status = EXIT_OK;

	if (!root)
		return EXIT_OK;   /* an empty template sets nothing */
	if (root->type != YAML_MAPPING_NODE)
		return template_error(template, mark_line(root), mark_column(root),
				      "the template must be a mapping of option names to values, found %s",
				      template_kind_name(node_kind(root)));
	template->entries = calloc((size_t)(root->data.mapping.pairs.top - root->data.mapping.pairs.start) + 1,
				   sizeof(*template->entries));
	if (!template->entries)
		return report_error(EXIT_IO, "out of memory");
	for (pair = root->data.mapping.pairs.start; pair < root->data.mapping.pairs.top && status == EXIT_OK; pair++)
		status = read_entry(template, doc, pair, &template->entries[template->count++]);
	return status;
}

static char *directory_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	return slash == path ? strdup("/") : strndup(path, (size_t)(slash - path));
}

int template_load(const char *path, struct template *template)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	FILE *file;
	int status;

	memset(template, 0, sizeof(*template));
	template->path = strdup(path);
	template->dir = directory_of(path);
	if (!template->path || !template->dir)
		return report_error(EXIT_IO, "out of memory");
	file = fopen(path, "rb");
	if (!file)
		return report_errno(EXIT_BAD_INPUT, "template", path, "cannot open");
	if (!yaml_parser_initialize(&parser)) {
		fclose(file);
		return report_error(EXIT_IO, "out of memory");
	}
	yaml_parser_set_input_file(&parser, file);
	if (!yaml_parser_load(&parser, &doc)) {
		status = report_error(EXIT_BAD_INPUT, "template '%s':%u:%u: %s%s%s", path,
				      (unsigned)parser.problem_mark.line + 1,
				      (unsigned)parser.problem_mark.column + 1,
				      parser.problem ? parser.problem : "not valid YAML",
				      parser.context ? " " : "", parser.context ? parser.context : "");
	} else {
		status = read_root(template, &doc);
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&parser);
	if (ferror(file) && status == EXIT_OK)
		status = report_errno(EXIT_BAD_INPUT, "template", path, "cannot read");
	fclose(file);
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
