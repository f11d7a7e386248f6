/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkelfimage's own ELF note: what went into the image, with SHA-256 digests
 * when the image was built with --digests (or --verify-at-boot).
 *
 * Our own format (no outside specification), in the image's one PT_NOTE
 * (System V ABI "Note Section" encoding, mkelfimage/notes.h), always emitted
 * (the sizes are how `mkelfimage extract` splits the initrd region):
 *   name "mkelfimage", type MKELFIMAGE_NOTE_DIGESTS, desc:
 *
 *   0x00 +------------------------+
 *        | version                |  MKELFIMAGE_DIGESTS_VERSION
 *   0x04 | record_count           |
 *   0x08 +------------------------+
 *        | struct digest_record   |  record_count times, 0x30 bytes each:
 *        |   0x00 kind            |    DIGEST_*
 *        |   0x04 index           |    initrd number from 0 (--initrd order), else 0
 *        |   0x08 size            |    bytes hashed (uint64_t)
 *        |   0x10 sha256[32]      |    FIPS 180-4 digest, as sha256sum prints it;
 *        |                        |    all zero: not recorded (built without --digests)
 *        +------------------------+
 *
 * All numbers little endian. The desc is only 4-byte aligned in the file:
 * read `size` with memcpy. Records are in this order: kernel file, kernel
 * loaded part, each initrd file, the initrd region (when there are initrds),
 * the built-in command line.
 *
 * The stub does not parse notes: the three digests it can check at boot
 * (DIGEST_KERNEL_LOADED, DIGEST_INITRD_REGION, DIGEST_CMDLINE) are copied
 * into struct stub_params (formats/stubparam.h).
 */
#ifndef FORMATS_DIGESTNOTE_H
#define FORMATS_DIGESTNOTE_H

#include <stdint.h>

#include "sha256.h"

#define MKELFIMAGE_NOTE_NAME         "mkelfimage"
#define MKELFIMAGE_NOTE_DIGESTS      1
#define MKELFIMAGE_DIGESTS_VERSION   1

/* digest_record.kind */
enum digest_kind {
	DIGEST_KERNEL_FILE   = 1,  /* the whole kernel file (sha256sum of it) */
	DIGEST_KERNEL_LOADED = 2,  /* its protected-mode part: the kernel PT_LOAD's file bytes;
				      a vmlinux: its PT_LOADs' file bytes in address order */
	DIGEST_INITRD_FILE   = 3,  /* one --initrd file */
	DIGEST_INITRD_REGION = 4,  /* the initrd PT_LOAD's bytes: the files joined, padded to 4 */
	DIGEST_CMDLINE       = 5,  /* the built-in command line, without its NUL */
};

struct digest_note_header {
	uint32_t version;                  /* 0x00 */
	uint32_t record_count;             /* 0x04 */
};                                         /* 0x08 */

struct digest_record {
	uint32_t kind;                     /* 0x00  enum digest_kind */
	uint32_t index;                    /* 0x04 */
	uint64_t size;                     /* 0x08 */
	uint8_t  sha256[SHA256_DIGEST_SIZE]; /* 0x10 */
} __attribute__((packed));                 /* 0x30 */

/* 0 when a record's sha256 is all zero: the build did not compute it */
static inline int digest_is_recorded(const uint8_t sha256[SHA256_DIGEST_SIZE])
{
	uint8_t any = 0;
	unsigned i;

	for (i = 0; i < SHA256_DIGEST_SIZE; i++)
		any |= sha256[i];
	return any != 0;
}

_Static_assert(sizeof(struct digest_note_header) == 0x08, "digest note header layout");
_Static_assert(__builtin_offsetof(struct digest_record, size) == 0x08, "digest_record.size");
_Static_assert(__builtin_offsetof(struct digest_record, sha256) == 0x10, "digest_record.sha256");
_Static_assert(sizeof(struct digest_record) == 0x30, "digest_record layout");

#endif
