/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Streaming a payload into the image in one pass. Every consumer of the
 * bytes (the digest note's SHA-256s, the ELFBoot checksum) is a copy_sink:
 * copy_payload reads each piece once, hands it to every sink in the list,
 * then writes it. With no sink, nothing needs the bytes in user space and
 * the kernel copies them (copy_file_range).
 */
#ifndef MKELFIMAGE_COPY_H
#define MKELFIMAGE_COPY_H

#include <stddef.h>
#include <stdint.h>

#include "inputs.h"

struct copy_sink {
	void (*feed)(struct copy_sink *sink, const uint8_t *bytes, size_t len);
	struct copy_sink *next;    /* the rest of the list, or NULL */
};

/* Give `len` bytes to every sink of the list `sinks` (may be NULL) */
void copy_sinks_feed(struct copy_sink *sinks, const void *bytes, size_t len);

/*
 * Stream `len` bytes of `src` from `src_offset` to `fd` at `dst_offset`,
 * never holding more than 1.5 MiB (three 512 KiB pieces), every byte fed to `sinks` on the way;
 * fd < 0 only feeds the sinks. Returns EXIT_OK or a reported status.
 */
int copy_payload(const struct input_file *src, uint64_t src_offset, int fd,
		 const char *out_path, uint64_t dst_offset, uint64_t len,
		 struct copy_sink *sinks);

#endif
