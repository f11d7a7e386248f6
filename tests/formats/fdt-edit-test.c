/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The stubs' device tree reader and editor (stubs/common/fdt.c), built for
 * the host: small trees written here by hand, one vector per rule. TAP.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "stubs/common/fdt.h"
#include "tests/tap.h"

/* A tree writer for the vectors: structure and strings blocks built apart */
struct tree {
	uint8_t st[1024], str[256], blob[2048];
	uint32_t st_len, str_len;
};

static void tok(struct tree *t, uint32_t v)
{
	fdt_put_be32(t->st + t->st_len, v);
	t->st_len += 4;
}

static void node(struct tree *t, const char *name)
{
	tok(t, FDT_BEGIN_NODE);
	memcpy(t->st + t->st_len, name, strlen(name) + 1);
	t->st_len = (t->st_len + (uint32_t)strlen(name) + 1 + 3) & ~3u;
}

static void prop(struct tree *t, const char *name, const void *value, uint32_t len)
{
	tok(t, FDT_PROP);
	tok(t, len);
	tok(t, t->str_len);
	memcpy(t->str + t->str_len, name, strlen(name) + 1);
	t->str_len += (uint32_t)strlen(name) + 1;
	memcpy(t->st + t->st_len, value, len);
	t->st_len = (t->st_len + len + 3) & ~3u;
}

/* header, one reservation (0x1000, 0x2000), structure, strings; its size */
static uint32_t finish(struct tree *t)
{
	uint32_t off_struct = 40 + 32, off_strings = off_struct + t->st_len;

	memset(t->blob, 0, sizeof(t->blob));
	fdt_put_be32(t->blob, FDT_MAGIC);
	fdt_put_be32(t->blob + 4, off_strings + t->str_len);
	fdt_put_be32(t->blob + 8, off_struct);
	fdt_put_be32(t->blob + 12, off_strings);
	fdt_put_be32(t->blob + 16, 40);
	fdt_put_be32(t->blob + 20, 17);
	fdt_put_be32(t->blob + 24, 16);
	fdt_put_be32(t->blob + 32, t->str_len);
	fdt_put_be32(t->blob + 36, t->st_len);
	fdt_put_be64(t->blob + 40, 0x1000);
	fdt_put_be64(t->blob + 48, 0x2000);
	memcpy(t->blob + off_struct, t->st, t->st_len);
	memcpy(t->blob + off_strings, t->str, t->str_len);
	return off_strings + t->str_len;
}

/* / { #address-cells; chosen { bootargs = "old"; x = <1>; }; memory@40000000 { reg }; } */
static uint32_t make_tree(struct tree *t, int with_chosen)
{
	uint8_t reg[16], one[4];

	memset(t, 0, sizeof(*t));
	fdt_put_be64(reg, 0x40000000);
	fdt_put_be64(reg + 8, 0x20000000);
	fdt_put_be32(one, 2);
	node(t, "");
	prop(t, "#address-cells", one, 4);
	if (with_chosen) {
		node(t, "chosen");
		prop(t, "bootargs", "old", 4);
		prop(t, "x", one, 4);
		tok(t, FDT_END_NODE);
	}
	node(t, "memory@40000000");
	prop(t, "reg", reg, 16);
	tok(t, FDT_END_NODE);
	tok(t, FDT_END_NODE);
	tok(t, FDT_END);
	return finish(t);
}

static int count_props(void *ctx, unsigned depth, const char *node, const char *name,
		       const uint8_t *value, uint32_t len)
{
	(void)depth; (void)node; (void)name; (void)value; (void)len;
	++*(int *)ctx;
	return 0;
}

int main(void)
{
	static struct tree t;
	static uint8_t out[2048], out2[2048];
	struct fdt fdt, edited;
	const uint8_t *v;
	uint32_t len, size, blob_size, initrd[2];
	int props = 0;
	struct fdt_set set[2] = {
		{ "bootargs", "console=ttyAMA0 new", 20 },
		{ "linux,initrd-start", initrd, 4 },
	};
	struct fdt_reserve reserve = { 0x48000000, 0x100000 };

	fdt_put_be32((uint8_t *)initrd, 0x44000000);
	blob_size = make_tree(&t, 1);
	tap_ok(fdt_open(&fdt, t.blob, blob_size) == FDT_OK, "a well-formed tree opens");
	v = fdt_top_prop(&fdt, "chosen", "bootargs", &len);
	tap_ok(v && len == 4 && !strcmp((const char *)v, "old"), "/chosen/bootargs is found");
	v = fdt_top_prop(&fdt, "memory", "reg", &len);
	tap_ok(v && len == 16 && fdt_be64(v) == 0x40000000, "\"memory\" matches memory@40000000 (unit address)");
	tap_ok(!fdt_top_prop(&fdt, "chosen", "none", &len), "a missing property is NULL");
	tap_ok(fdt_walk(&fdt, count_props, &props) == FDT_OK && props == 4, "the walk visits every property");

	tap_ok(fdt_edit(&fdt, out, sizeof(out), "chosen", set, 2, &reserve, 1, &size) == FDT_OK,
	       "the edit fits");
	tap_ok(fdt_open(&edited, out, size) == FDT_OK && edited.totalsize == size, "the copy is a valid tree");
	v = fdt_top_prop(&edited, "chosen", "bootargs", &len);
	tap_ok(v && len == 20 && !strcmp((const char *)v, "console=ttyAMA0 new"), "bootargs replaced");
	v = fdt_top_prop(&edited, "chosen", "linux,initrd-start", &len);
	tap_ok(v && len == 4 && fdt_be32(v) == 0x44000000, "linux,initrd-start added");
	v = fdt_top_prop(&edited, "chosen", "x", &len);
	tap_ok(v && len == 4 && fdt_be32(v) == 2, "other /chosen properties kept");
	v = fdt_top_prop(&edited, "memory", "reg", &len);
	tap_ok(v && len == 16 && fdt_be64(v + 8) == 0x20000000, "other nodes kept");
	props = 0;
	tap_ok(fdt_walk(&edited, count_props, &props) == FDT_OK && props == 5, "one property more, none doubled");
	tap_ok(fdt_be64(out + edited.off_rsvmap) == 0x1000 && fdt_be64(out + edited.off_rsvmap + 16) == 0x48000000 &&
	       fdt_be64(out + edited.off_rsvmap + 40) == 0, "reservations: the source's, ours, the terminator");
	tap_ok(fdt_edit(&edited, out2, sizeof(out2), "chosen", set, 1, NULL, 0, &len) == FDT_OK && len == size - 16 + 16 &&
	       fdt_open(&edited, out2, len) == FDT_OK, "an edit of the copy (names already known) keeps its size");

	blob_size = make_tree(&t, 0);
	tap_ok(fdt_open(&fdt, t.blob, blob_size) == FDT_OK &&
	       fdt_edit(&fdt, out, sizeof(out), "chosen", set, 2, NULL, 0, &size) == FDT_OK &&
	       fdt_open(&edited, out, size) == FDT_OK, "a tree without /chosen gets one");
	v = fdt_top_prop(&edited, "chosen", "bootargs", &len);
	tap_ok(v && len == 20, "the new /chosen holds bootargs");

	blob_size = make_tree(&t, 1);
	fdt_open(&fdt, t.blob, blob_size);
	tap_ok(fdt_edit(&fdt, out, size - 8, "chosen", set, 2, NULL, 0, &size) == FDT_ERR_ROOM, "too little room: refused");
	tap_ok(fdt_open(&fdt, t.blob, blob_size - 1) == FDT_ERR_HEADER, "totalsize past the room: refused");
	tap_ok(fdt_open(&fdt, t.blob, 39) == FDT_ERR_MAGIC, "shorter than a header: refused");
	t.blob[0] = 0;
	tap_ok(fdt_open(&fdt, t.blob, blob_size) == FDT_ERR_MAGIC, "no magic: refused");
	blob_size = make_tree(&t, 1);
	fdt_put_be32(t.blob + 24, 18);
	tap_ok(fdt_open(&fdt, t.blob, blob_size) == FDT_ERR_VERSION, "last_comp_version 18: refused");
	blob_size = make_tree(&t, 1);
	fdt_put_be32(t.blob + 8, 0xfffffff0);
	tap_ok(fdt_open(&fdt, t.blob, blob_size) == FDT_ERR_HEADER, "a structure block past totalsize: refused");
	/* the bootargs length (second property's len word) made huge */
	blob_size = make_tree(&t, 1);
	fdt_open(&fdt, t.blob, blob_size);
	fdt_put_be32(t.blob + 72 + 4 + 4 + 4 + 12 + 4 + 8 + 4, 0x7fffffff);
	tap_ok(fdt_walk(&fdt, count_props, &props) == FDT_ERR_STRUCT &&
	       fdt_edit(&fdt, out, sizeof(out), "chosen", set, 2, NULL, 0, &size) == FDT_ERR_STRUCT,
	       "a property length past the block: refused by walk and edit");
	blob_size = make_tree(&t, 1);
	fdt_put_be32(t.blob + 36, fdt.size_struct - 8);   /* no FDT_END inside */
	fdt_open(&fdt, t.blob, blob_size);
	tap_ok(fdt_walk(&fdt, count_props, &props) == FDT_ERR_STRUCT, "a structure block without FDT_END: refused");
	/* a property before the root node (found by tests/fuzz/fuzz-fdt) */
	memset(&t, 0, sizeof(t));
	prop(&t, "a", "", 0);
	node(&t, "");
	tok(&t, FDT_END_NODE);
	tok(&t, FDT_END);
	blob_size = finish(&t);
	tap_ok(fdt_open(&fdt, t.blob, blob_size) == FDT_OK &&
	       fdt_edit(&fdt, out, sizeof(out), "chosen", set, 2, NULL, 0, &size) == FDT_ERR_STRUCT,
	       "a property outside any node: the edit refuses, as the walk does");
	return tap_done();
}
