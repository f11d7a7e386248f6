/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkelfimage's signature note: a CMS (RFC 5652) SignedData over the image.
 *
 * Our own format. The note is alone in the image's last PT_NOTE-by-offset
 * and its desc ends the file (System V ABI "Note Section" encoding):
 *   name "mkelfimage", type MKELFIMAGE_NOTE_SIGNATURE, desc:
 *
 *   0x00 +--------------------------+
 *        | version                  |  SIGNOTE_VERSION
 *   0x04 | slot_size                |  SIGNOTE_SLOT_SIZE: the rest of the desc
 *   0x08 +--------------------------+  <- the slot: the last slot_size bytes of the file
 *        | DER ContentInfo          |  SignedData, content detached, no signed
 *        |                          |  attributes, the signer's certificate inside
 *        | zeros                    |
 *  +6144 | struct signote_table     |  SIGNOTE_TABLE_OFFSET: where each region of the
 *        |   regions[count]         |  file was and its SHA-256 when signed (to name
 *        | zeros                    |  what changed; not trusted, not signed)
 *  +8192 +--------------------------+  end of file
 *
 * The covered bytes are every byte of the file but the slot: bytes
 * [0, file size - slot_size), headers, stub, notes, payloads and the
 * note's own header and its first 8 desc bytes included. So
 *   head -c $((size - 8192)) IMAGE | openssl cms -verify -binary \
 *       -inform DER -in <(tail -c 8192 IMAGE) -content /dev/stdin ...
 * checks it (doc: mkelfimage(1) SIGNATURES). All numbers little endian.
 */
#ifndef FORMATS_SIGNOTE_H
#define FORMATS_SIGNOTE_H

#include <stddef.h>
#include <stdint.h>

#include "elfimage.h"
#include "fmt_error.h"

#define MKELFIMAGE_NOTE_SIGNATURE  3       /* name "mkelfimage" (digestnote.h) */
#define SIGNOTE_VERSION            1
#define SIGNOTE_SLOT_SIZE          8192
#define SIGNOTE_TABLE_OFFSET       6144    /* in the slot: the DER must end before */
#define SIGNOTE_DESC_HEADER        8       /* version, slot_size */
/* the whole note: header 12, name "mkelfimage\0" padded to 12, desc */
#define SIGNOTE_NOTE_SIZE          (12 + 12 + SIGNOTE_DESC_HEADER + SIGNOTE_SLOT_SIZE)

/* signote_region.kind: a part of the file */
enum signote_region_kind {
	SIGNOTE_REGION_HEADERS = 1,   /* ELF header and program headers */
	SIGNOTE_REGION_NOTES,         /* one PT_NOTE's bytes (index: its number from 0) */
	SIGNOTE_REGION_STUB,
	SIGNOTE_REGION_CMDLINE,       /* the command-line segment (x86) */
	SIGNOTE_REGION_RECORDS,       /* the records segment (records.h) */
	SIGNOTE_REGION_DTB,
	SIGNOTE_REGION_KERNEL,        /* one kernel PT_LOAD (index: from 0, by address) */
	SIGNOTE_REGION_INITRDS,       /* the initrd region */
	SIGNOTE_REGION_SIGNATURE,     /* this note's header and desc header */
};

struct signote_region {
	uint32_t kind;                /* 0x00 enum signote_region_kind */
	uint32_t index;               /* 0x04 */
	uint64_t offset;              /* 0x08 in the file */
	uint64_t size;                /* 0x10 */
	uint8_t sha256[32];           /* 0x18 of the region's bytes */
} __attribute__((packed));            /* 0x38 */

struct signote_table_header {
	uint32_t count;               /* 0x00 */
	uint32_t reserved;            /* 0x04 zero */
} __attribute__((packed));            /* 0x08 */

#define SIGNOTE_MAX_REGIONS \
	((SIGNOTE_SLOT_SIZE - SIGNOTE_TABLE_OFFSET - sizeof(struct signote_table_header)) / \
	 sizeof(struct signote_region))

_Static_assert(sizeof(struct signote_region) == 0x38, "signote_region layout");
_Static_assert(sizeof(struct signote_table_header) == 0x08, "signote_table_header layout");
_Static_assert(SIGNOTE_NOTE_SIZE % 4 == 0, "the note ends the file 4-aligned");

/* Where the signature is in an image */
struct signote {
	uint64_t note_offset;         /* the note's header */
	uint64_t slot_offset;         /* = covered size */
	const uint8_t *der;           /* the ContentInfo, der_size bytes (its DER length) */
	size_t der_size;
	const uint8_t *table;         /* the region table (unchecked: diagnostics only) */
};

/*
 * Find the signature note in an image mapped at buf (len bytes) whose
 * program headers elfimage_parse read: FMT_NOT_THIS_FORMAT when unsigned,
 * FMT_OK with *sig filled, else an error naming the field and the rule
 * (the note is not at the end, a wrong size or version, the DER's length
 * past the table, bytes after the DER not zero).
 */
enum fmt_status signote_find(const uint8_t *buf, size_t len, const struct elfimage_info *info,
			     struct signote *sig, struct fmt_error *err);

/* The length of the DER element at p (at most len bytes), or 0 when it is not one */
size_t signote_der_length(const uint8_t *p, size_t len);

#endif
