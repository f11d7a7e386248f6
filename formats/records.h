/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The records segment: a loaded copy of mkelfimage's own notes (the digests,
 * formats/digestnote.h, and a bzImage's setup bytes, formats/setupnote.h),
 * so that an image that lost its PT_NOTEs can still be audited and given
 * back. coreboot's SELF keeps only the loaded segments: the payload taken
 * back out of a flashed ROM (`cbfstool extract -m x86`) has no notes, but
 * has this. Our own layout (no outside specification), little endian:
 *
 *   0x00  magic     "MKELFREC"
 *   0x08  version   1
 *   0x0c  size      bytes of notes that follow
 *   0x10  notes     as in a PT_NOTE (System V ABI "Note Section", 4-byte
 *                   aligned), name "mkelfimage"
 *
 * The stub never reads it; it lies on its own page after the others.
 */
#ifndef FORMATS_RECORDS_H
#define FORMATS_RECORDS_H

#include <stdint.h>

#define RECORDS_MAGIC        "MKELFREC"
#define RECORDS_MAGIC_LEN    8
#define RECORDS_VERSION      1
#define RECORDS_HEADER_SIZE  16

struct records_header {
	char     magic[RECORDS_MAGIC_LEN];   /* 0x00 */
	uint32_t version;                     /* 0x08 */
	uint32_t size;                        /* 0x0c */
};

_Static_assert(sizeof(struct records_header) == RECORDS_HEADER_SIZE, "records_header layout");

#endif
