/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A small flattened device tree reader and editor for the stubs: check a
 * blob, visit its properties, and write a copy with some properties of one
 * top-level node set (added or replaced) and memory reservations added.
 * Freestanding and arch-neutral (arm64 now, riscv64 next): it needs only
 * memcpy, memcmp and memset, and it reads and writes bytes, so neither
 * alignment nor the host's byte order matters. Every offset the blob gives
 * is checked against its size before use; nothing is written past `room`.
 *
 * Specification: Devicetree Specification v0.4, chapter 5 "Flattened
 * Devicetree (DTB) Format":
 *
 *   0x00  magic 0xd00dfeed        0x14  version (17)
 *   0x04  totalsize               0x18  last_comp_version (16)
 *   0x08  off_dt_struct           0x1c  boot_cpuid_phys
 *   0x0c  off_dt_strings          0x20  size_dt_strings
 *   0x10  off_mem_rsvmap          0x24  size_dt_struct
 *
 * All fields big endian. The memory reservation block is pairs of 64-bit
 * address and size, ended by a pair of zeros; the structure block is 32-bit
 * tokens: FDT_BEGIN_NODE + name, FDT_PROP + len + nameoff + value,
 * FDT_END_NODE, FDT_NOP, FDT_END; names and values padded to 4 bytes.
 */
#ifndef STUBS_COMMON_FDT_H
#define STUBS_COMMON_FDT_H

#include <stddef.h>
#include <stdint.h>

#define FDT_MAGIC          0xd00dfeedu
#define FDT_HEADER_SIZE    40
#define FDT_VERSION        17
#define FDT_LAST_COMP      16
/* structure block tokens */
#define FDT_BEGIN_NODE     0x1u
#define FDT_END_NODE       0x2u
#define FDT_PROP           0x3u
#define FDT_NOP            0x4u
#define FDT_END            0x9u

/* Deepest nesting the reader follows (the spec sets none; real trees stay below 8) */
#define FDT_MAX_DEPTH      32

enum fdt_status {
	FDT_OK = 0,
	FDT_ERR_MAGIC,          /* no 0xd00dfeed */
	FDT_ERR_HEADER,         /* a block lies outside totalsize, or totalsize past the room */
	FDT_ERR_VERSION,        /* last_comp_version above 17: a format we cannot read */
	FDT_ERR_STRUCT,         /* a token, name or value runs out of the structure block */
	FDT_ERR_ROOM,           /* the edited copy does not fit */
};

/* A checked blob: its blocks' offsets and sizes */
struct fdt {
	const uint8_t *blob;
	uint32_t totalsize;
	uint32_t off_struct, size_struct;
	uint32_t off_strings, size_strings;
	uint32_t off_rsvmap;
	uint32_t boot_cpuid_phys;
};

/* Is there an FDT magic at `blob`? (4 bytes read) */
int fdt_has_magic(const void *blob);

/* Check the header of the blob at `blob`, at most `room` bytes long. */
enum fdt_status fdt_open(struct fdt *fdt, const void *blob, uint64_t room);

/*
 * Called for each property: the node's depth (the root is 0, /chosen 1),
 * its name ("memory@40000000"; "" for the root), and the property. Return
 * nonzero to stop the walk.
 */
typedef int (*fdt_prop_fn)(void *ctx, unsigned depth, const char *node, const char *name,
			   const uint8_t *value, uint32_t len);

/* Visit every property in order. FDT_OK, or why the structure is broken. */
enum fdt_status fdt_walk(const struct fdt *fdt, fdt_prop_fn fn, void *ctx);

/*
 * Property `name` of the top-level node `node` ("chosen"; a node named
 * "memory" matches "memory@..."), or NULL; its length in *len.
 */
const uint8_t *fdt_top_prop(const struct fdt *fdt, const char *node, const char *name, uint32_t *len);

/* A property to set: `len` bytes of `value` */
struct fdt_set {
	const char *name;
	const void *value;
	uint32_t len;
};

/* A reservation to add to the memory reservation block */
struct fdt_reserve {
	uint64_t address, size;
};

/*
 * Write into `out` (`room` bytes) a copy of `fdt` whose top-level node
 * `node` has the `count` properties of `set` (replacing ones of the same
 * name, the node created if absent), and whose memory reservation block
 * has `reserve_count` more entries. `out` must not overlap the source.
 * The copy's totalsize is written to *size.
 */
enum fdt_status fdt_edit(const struct fdt *fdt, uint8_t *out, uint64_t room, const char *node,
			 const struct fdt_set *set, unsigned count,
			 const struct fdt_reserve *reserve, unsigned reserve_count, uint32_t *size);

/* Big-endian helpers the users of a tree need */
uint32_t fdt_be32(const uint8_t *p);
uint64_t fdt_be64(const uint8_t *p);
void fdt_put_be32(uint8_t *p, uint32_t value);
void fdt_put_be64(uint8_t *p, uint64_t value);

#endif
