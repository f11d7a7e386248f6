/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The embedded stub: its header, and a copy relocated and filled for one image. */
#ifndef MKELFIMAGE_STUB_H
#define MKELFIMAGE_STUB_H

#include <stddef.h>
#include <stdint.h>

#include "formats/stubparam.h"
#include "stub_blob.h"

/*
 * Check the embedded blob's header; its parameter block must hold at least
 * `params_min` bytes (the struct of that stub: stub_params, alpha_stub_params).
 * Returns EXIT_OK or EXIT_IO (a build fault).
 */
int stub_read_header(const struct stub_blob *blob, size_t params_min, struct stub_header *header);

/* magic, flags, checksum: a multiboot header without the a.out kludge fields */
#define STUB_MULTIBOOT_FIELDS_SIZE 12
/* magic, architecture, header_length, checksum: the multiboot2 header before its tags */
#define STUB_MULTIBOOT2_FIELDS_SIZE 16

/* The multiboot2 header's header_length (stub_read_header checked it), 0 = none */
uint32_t stub_multiboot2_size(const uint8_t *bytes, const struct stub_header *header);

/*
 * A malloc'd copy of the blob with every absolute reference moved to
 * `load_addr` (the arch fills its parameters: arch.h); NULL when out of memory.
 */
uint8_t *stub_relocated(const struct stub_blob *blob, uint32_t load_addr);

#endif
