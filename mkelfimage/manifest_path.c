/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Manifest paths, normalised (manifest_path.h). */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "manifest_path.h"

#define MAX_PARTS 256

/* The components of a normalised path: ".", "" dropped, ".." eats its parent where it has one */
struct parts {
	const char *name[MAX_PARTS];
	size_t len[MAX_PARTS];
	size_t count;
	int absolute;
};

static int split(const char *path, struct parts *p)
{
	const char *s = path;

	p->count = 0;
	p->absolute = path[0] == '/';
	while (*s) {
		size_t len = strcspn(s, "/");

		if (len == 2 && !strncmp(s, "..", 2) && p->count && !(p->len[p->count - 1] == 2 &&
								      !strncmp(p->name[p->count - 1], "..", 2))) {
			p->count--;
		} else if (len == 2 && !strncmp(s, "..", 2) && p->absolute) {
			/* "/.." is "/" */
		} else if (len && !(len == 1 && *s == '.')) {
			if (p->count == MAX_PARTS)
				return -1;
			p->name[p->count] = s;
			p->len[p->count++] = len;
		}
		s += len;
		s += *s == '/';
	}
	return 0;
}

/* Append parts [from, count) of p to out, after `prefix` */
static int join(const struct parts *p, size_t from, const char *prefix, char *out, size_t size)
{
	size_t used = (size_t)snprintf(out, size, "%s", prefix), i;

	for (i = from; i < p->count && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%.*s", used && out[used - 1] != '/' ? "/" : "",
					 (int)p->len[i], p->name[i]);
	if (used == 0 && size > 1)
		used = (size_t)snprintf(out, size, ".");
	return used < size ? 0 : -1;
}

/* An absolute, normalised path of `path` (the current directory first when relative) */
static int absolute(const char *path, char *buf, size_t size, struct parts *p)
{
	char cwd[PATH_MAX];

	if (path[0] == '/')
		snprintf(buf, size, "%s", path);
	else if (!getcwd(cwd, sizeof(cwd)) || snprintf(buf, size, "%s/%s", cwd, path) >= (int)size)
		return -1;
	return split(buf, p);
}

int manifest_path(const char *path, const char *base, char *out, size_t size)
{
	char path_buf[2 * PATH_MAX], base_buf[2 * PATH_MAX], up[3 * MAX_PARTS + 1] = "";
	struct parts p, b;
	size_t common = 0, i;

	if (!strcmp(path, "-"))
		return snprintf(out, size, "-") < (int)size ? 0 : -1;
	if (!base)
		return split(path, &p) == 0 && join(&p, 0, p.absolute ? "/" : "", out, size) == 0 ? 0 : -1;
	if (absolute(path, path_buf, sizeof(path_buf), &p) != 0 || absolute(base, base_buf, sizeof(base_buf), &b) != 0)
		return -1;
	while (common < p.count && common < b.count && p.len[common] == b.len[common] &&
	       !strncmp(p.name[common], b.name[common], p.len[common]))
		common++;
	/* one ".." for each part of the base below the common part */
	for (i = common; i < b.count; i++)
		strcat(up, i + 1 < b.count || common < p.count ? "../" : "..");
	return join(&p, common, up, out, size);
}
