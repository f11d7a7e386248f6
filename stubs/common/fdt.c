/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The stubs' device tree reader and editor (fdt.h), Devicetree Specification v0.4 ch. 5. */
#include "fdt.h"

void *memcpy(void *dest, const void *src, size_t len);
void *memset(void *dest, int value, size_t len);
int memcmp(const void *a, const void *b, size_t len);

#define ALIGN4(x)  (((x) + 3u) & ~(uint64_t)3u)

uint32_t fdt_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

uint64_t fdt_be64(const uint8_t *p)
{
	return (uint64_t)fdt_be32(p) << 32 | fdt_be32(p + 4);
}

void fdt_put_be32(uint8_t *p, uint32_t value)
{
	p[0] = (uint8_t)(value >> 24);
	p[1] = (uint8_t)(value >> 16);
	p[2] = (uint8_t)(value >> 8);
	p[3] = (uint8_t)value;
}

void fdt_put_be64(uint8_t *p, uint64_t value)
{
	fdt_put_be32(p, (uint32_t)(value >> 32));
	fdt_put_be32(p + 4, (uint32_t)value);
}

/* Length of the NUL-terminated text at p within `max` bytes; max when none ends there */
static uint32_t text_len(const uint8_t *p, uint32_t max)
{
	uint32_t len = 0;

	while (len < max && p[len])
		len++;
	return len;
}

static int text_equal(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

int fdt_has_magic(const void *blob)
{
	return fdt_be32(blob) == FDT_MAGIC;
}

/* Does [off, off + size) lie inside [0, total)? Written so it cannot wrap. */
static int inside(uint32_t off, uint32_t size, uint32_t total)
{
	return off <= total && size <= total - off;
}

enum fdt_status fdt_open(struct fdt *fdt, const void *blob, uint64_t room)
{
	const uint8_t *b = blob;

	memset(fdt, 0, sizeof(*fdt));
	if (room < FDT_HEADER_SIZE || fdt_be32(b) != FDT_MAGIC)
		return FDT_ERR_MAGIC;
	fdt->blob = b;
	fdt->totalsize = fdt_be32(b + 0x04);
	fdt->off_struct = fdt_be32(b + 0x08);
	fdt->off_strings = fdt_be32(b + 0x0c);
	fdt->off_rsvmap = fdt_be32(b + 0x10);
	fdt->boot_cpuid_phys = fdt_be32(b + 0x1c);
	fdt->size_strings = fdt_be32(b + 0x20);
	fdt->size_struct = fdt_be32(b + 0x24);
	if (fdt_be32(b + 0x18) > FDT_VERSION || fdt_be32(b + 0x14) < FDT_LAST_COMP)
		return FDT_ERR_VERSION;
	if (fdt->totalsize < FDT_HEADER_SIZE || fdt->totalsize > room ||
	    !inside(fdt->off_struct, fdt->size_struct, fdt->totalsize) ||
	    !inside(fdt->off_strings, fdt->size_strings, fdt->totalsize) ||
	    !inside(fdt->off_rsvmap, 16, fdt->totalsize) ||
	    fdt->off_struct % 4 || fdt->size_struct % 4 || fdt->off_rsvmap % 8)
		return FDT_ERR_HEADER;
	return FDT_OK;
}

/* One token of the structure block, checked */
struct token {
	uint32_t tag;
	uint32_t next;               /* offset of the next token */
	const uint8_t *name;         /* BEGIN_NODE: the node's name; PROP: the property's */
	const uint8_t *value;        /* PROP */
	uint32_t len;                /* PROP: value bytes */
	uint32_t nameoff;            /* PROP */
};

/* The token at structure offset `at` */
static enum fdt_status read_token(const struct fdt *fdt, uint32_t at, struct token *t)
{
	const uint8_t *s = fdt->blob + fdt->off_struct;
	uint32_t size = fdt->size_struct, len;

	if (!inside(at, 4, size))
		return FDT_ERR_STRUCT;
	t->tag = fdt_be32(s + at);
	at += 4;
	switch (t->tag) {
	case FDT_BEGIN_NODE:
		len = text_len(s + at, size - at);
		if (len == size - at)
			return FDT_ERR_STRUCT;
		t->name = s + at;
		t->next = (uint32_t)ALIGN4((uint64_t)at + len + 1);
		break;
	case FDT_PROP:
		if (!inside(at, 8, size))
			return FDT_ERR_STRUCT;
		t->len = fdt_be32(s + at);
		t->nameoff = fdt_be32(s + at + 4);
		at += 8;
		if (!inside(at, t->len, size) || t->nameoff >= fdt->size_strings)
			return FDT_ERR_STRUCT;
		t->value = s + at;
		t->name = fdt->blob + fdt->off_strings + t->nameoff;
		if (text_len(t->name, fdt->size_strings - t->nameoff) == fdt->size_strings - t->nameoff)
			return FDT_ERR_STRUCT;
		t->next = (uint32_t)ALIGN4((uint64_t)at + t->len);
		break;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		t->next = at;
		break;
	default:
		return FDT_ERR_STRUCT;
	}
	if (t->next > size)
		return FDT_ERR_STRUCT;
	return FDT_OK;
}

enum fdt_status fdt_walk(const struct fdt *fdt, fdt_prop_fn fn, void *ctx)
{
	const char *names[FDT_MAX_DEPTH];
	uint32_t at = 0;
	int depth = -1;
	struct token t;
	enum fdt_status status;

	for (;;) {
		if ((status = read_token(fdt, at, &t)) != FDT_OK)
			return status;
		at = t.next;
		switch (t.tag) {
		case FDT_BEGIN_NODE:
			if (++depth >= FDT_MAX_DEPTH)
				return FDT_ERR_STRUCT;
			names[depth] = (const char *)t.name;
			break;
		case FDT_END_NODE:
			if (depth < 0)
				return FDT_ERR_STRUCT;
			depth--;
			break;
		case FDT_PROP:
			if (depth < 0)
				return FDT_ERR_STRUCT;
			if (fn(ctx, (unsigned)depth, names[depth], (const char *)t.name, t.value, t.len))
				return FDT_OK;
			break;
		case FDT_END:
			return depth == -1 ? FDT_OK : FDT_ERR_STRUCT;
		default:
			break;
		}
	}
}

/* `node` names the node called `name`: equal, or equal up to its unit address */
static int node_matches(const char *name, const char *node)
{
	while (*node && *node == *name) {
		node++;
		name++;
	}
	return *node == '\0' && (*name == '\0' || *name == '@');
}

struct find {
	const char *node, *name;
	const uint8_t *value;
	uint32_t len;
};

static int find_prop(void *ctx, unsigned depth, const char *node, const char *name,
		     const uint8_t *value, uint32_t len)
{
	struct find *f = ctx;

	if (depth != 1 || !node_matches(node, f->node) || !text_equal(name, f->name))
		return 0;
	f->value = value;
	f->len = len;
	return 1;
}

const uint8_t *fdt_top_prop(const struct fdt *fdt, const char *node, const char *name, uint32_t *len)
{
	struct find f = { node, name, NULL, 0 };

	if (fdt_walk(fdt, find_prop, &f) != FDT_OK)
		return NULL;
	*len = f.len;
	return f.value;
}

/* The copy being written: a cursor that refuses to pass `end` */
struct out {
	uint8_t *base;
	uint64_t at, end;
	int full;
};

static void put(struct out *o, const void *bytes, uint64_t len)
{
	if (o->full || len > o->end - o->at) {
		o->full = 1;
		return;
	}
	memcpy(o->base + o->at, bytes, len);
	o->at += len;
}

static void put32(struct out *o, uint32_t value)
{
	uint8_t b[4];

	fdt_put_be32(b, value);
	put(o, b, 4);
}

static void pad4(struct out *o)
{
	static const uint8_t zeros[4];

	put(o, zeros, ALIGN4(o->at) - o->at);
}

/* Where `name` is in the source strings, or -1 */
static int64_t find_string(const struct fdt *fdt, const char *name)
{
	const uint8_t *s = fdt->blob + fdt->off_strings;
	uint32_t at = 0;

	while (at < fdt->size_strings) {
		uint32_t len = text_len(s + at, fdt->size_strings - at);

		if (len == fdt->size_strings - at)
			break;
		if (text_equal((const char *)s + at, name))
			return at;
		at += len + 1;
	}
	return -1;
}

/* The properties to set, each with its name offset in the copy's strings */
static void put_props(struct out *o, const struct fdt_set *set, const uint32_t *nameoff, unsigned count)
{
	unsigned i;

	for (i = 0; i < count; i++) {
		put32(o, FDT_PROP);
		put32(o, set[i].len);
		put32(o, nameoff[i]);
		put(o, set[i].value, set[i].len);
		pad4(o);
	}
}

static int is_set(const struct fdt_set *set, unsigned count, const char *name)
{
	unsigned i;

	for (i = 0; i < count; i++)
		if (text_equal(set[i].name, name))
			return 1;
	return 0;
}

static int accept_prop(void *ctx, unsigned depth, const char *node, const char *name,
		       const uint8_t *value, uint32_t len)
{
	(void)ctx; (void)depth; (void)node; (void)name; (void)value; (void)len;
	return 0;
}

/* Most properties one edit sets */
#define FDT_EDIT_MAX  8

enum fdt_status fdt_edit(const struct fdt *fdt, uint8_t *out, uint64_t room, const char *node,
			 const struct fdt_set *set, unsigned count,
			 const struct fdt_reserve *reserve, unsigned reserve_count, uint32_t *size)
{
	struct out o = { out, 0, room, 0 };
	uint32_t nameoff[FDT_EDIT_MAX], strings_size = fdt->size_strings;
	uint64_t off_rsvmap, off_struct, off_strings, end;
	const uint8_t *rsv;
	uint32_t at = 0, rsv_left;
	int depth = -1, in_node = 0, found = 0;
	enum fdt_status status;
	struct token t;
	unsigned i;
	uint8_t entry[16];

	if (count > FDT_EDIT_MAX || room < FDT_HEADER_SIZE || room > 0xffffffffu)
		return FDT_ERR_ROOM;
	/* the walk's rules first (nesting, properties inside nodes): the copy obeys them too */
	if ((status = fdt_walk(fdt, accept_prop, NULL)) != FDT_OK)
		return status;
	/* names the source lacks go after its strings */
	for (i = 0; i < count; i++) {
		int64_t known = find_string(fdt, set[i].name);

		if (known >= 0) {
			nameoff[i] = (uint32_t)known;
		} else {
			nameoff[i] = strings_size;
			strings_size += text_len((const uint8_t *)set[i].name, 0xffff) + 1;
		}
	}
	memset(out, 0, FDT_HEADER_SIZE);
	o.at = FDT_HEADER_SIZE;

	/* memory reservation block: the source's entries, ours, the terminator */
	off_rsvmap = o.at;
	rsv = fdt->blob + fdt->off_rsvmap;
	rsv_left = fdt->totalsize - fdt->off_rsvmap;
	for (;;) {
		if (rsv_left < 16)
			return FDT_ERR_HEADER;
		if (fdt_be64(rsv) == 0 && fdt_be64(rsv + 8) == 0)
			break;
		put(&o, rsv, 16);
		rsv += 16;
		rsv_left -= 16;
	}
	for (i = 0; i < reserve_count; i++) {
		fdt_put_be64(entry, reserve[i].address);
		fdt_put_be64(entry + 8, reserve[i].size);
		put(&o, entry, 16);
	}
	memset(entry, 0, sizeof(entry));
	put(&o, entry, 16);

	/* structure block: copied token by token, the node's properties edited */
	off_struct = o.at;
	for (;;) {
		if ((status = read_token(fdt, at, &t)) != FDT_OK)
			return status;
		at = t.next;
		switch (t.tag) {
		case FDT_BEGIN_NODE:
			depth++;
			if (depth == 1 && text_equal((const char *)t.name, node))
				in_node = found = 1;
			put32(&o, FDT_BEGIN_NODE);
			put(&o, t.name, text_len(t.name, 0xffffffffu) + 1);
			pad4(&o);
			break;
		case FDT_PROP:
			if (in_node && depth == 1 && is_set(set, count, (const char *)t.name))
				break;
			put32(&o, FDT_PROP);
			put32(&o, t.len);
			put32(&o, t.nameoff);
			put(&o, t.value, t.len);
			pad4(&o);
			break;
		case FDT_END_NODE:
			if (depth < 0)
				return FDT_ERR_STRUCT;
			if (in_node && depth == 1) {
				put_props(&o, set, nameoff, count);
				in_node = 0;
			}
			if (depth == 0 && !found) {
				/* no such node: a new one, last in the root */
				put32(&o, FDT_BEGIN_NODE);
				put(&o, node, text_len((const uint8_t *)node, 0xffff) + 1);
				pad4(&o);
				put_props(&o, set, nameoff, count);
				put32(&o, FDT_END_NODE);
				found = 1;
			}
			put32(&o, FDT_END_NODE);
			depth--;
			break;
		case FDT_NOP:
			break;
		case FDT_END:
			/* no root node: nowhere to put the node (the walk accepts an empty tree) */
			if (depth != -1 || !found)
				return FDT_ERR_STRUCT;
			put32(&o, FDT_END);
			goto structure_done;
		}
	}
structure_done:
	/* strings block: the source's, then the new names in order */
	off_strings = o.at;
	put(&o, fdt->blob + fdt->off_strings, fdt->size_strings);
	for (i = 0; i < count; i++)
		if (nameoff[i] >= fdt->size_strings)
			put(&o, set[i].name, text_len((const uint8_t *)set[i].name, 0xffff) + 1);
	end = ALIGN4(o.at);
	pad4(&o);
	if (o.full)
		return FDT_ERR_ROOM;

	fdt_put_be32(out + 0x00, FDT_MAGIC);
	fdt_put_be32(out + 0x04, (uint32_t)end);
	fdt_put_be32(out + 0x08, (uint32_t)off_struct);
	fdt_put_be32(out + 0x0c, (uint32_t)off_strings);
	fdt_put_be32(out + 0x10, (uint32_t)off_rsvmap);
	fdt_put_be32(out + 0x14, FDT_VERSION);
	fdt_put_be32(out + 0x18, FDT_LAST_COMP);
	fdt_put_be32(out + 0x1c, fdt->boot_cpuid_phys);
	fdt_put_be32(out + 0x20, strings_size);
	fdt_put_be32(out + 0x24, (uint32_t)(off_strings - off_struct));
	*size = (uint32_t)end;
	return FDT_OK;
}
