/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Before the plan: look at what each initrd is (formats/initrd_kind.h), warn
 * when the kernel could not unpack it, and with --compress-initrd replace
 * it by a recompressed copy in an anonymous temporary file.
 */
#ifndef MKELFIMAGE_INITRDPREP_H
#define MKELFIMAGE_INITRDPREP_H

#include <stdint.h>

#include "formats/initrd_kind.h"
#include "inputs.h"
#include "spec.h"

/* --compress-initrd */
enum initrd_compression {
	INITRD_COMPRESS_KEEP = 0,   /* the option not given: initrds go in as they are */
	INITRD_COMPRESS_NONE,       /* gzip, xz, zstd and lz4 initrds are decompressed */
	INITRD_COMPRESS_GZIP,
	INITRD_COMPRESS_XZ,
	INITRD_COMPRESS_ZSTD,       /* one frame, 8 MiB window (compress_zstd_lz4.c) */
};

struct initrd_prep {
	struct initrd_kind_info source;   /* the file as given */
	struct initrd_kind_info stored;   /* what goes into the image */
	uint64_t source_size;
	int recompressed;
};

/*
 * Fill prep[0 .. in->initrd_count) and, for a recompressed initrd, swap
 * in->initrds[i].fd and .size for the temporary file (the region size is
 * recomputed). Returns EXIT_OK or a reported status.
 */
int initrdprep_run(const struct image_spec *spec, struct inputs *in, struct initrd_prep *prep);

#endif
