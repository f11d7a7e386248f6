/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The embedded stub: its header, and a copy relocated and filled for one image. */
#ifndef MKELFIMAGE_STUB_H
#define MKELFIMAGE_STUB_H

#include <stddef.h>
#include <stdint.h>

#include "formats/stubparam.h"
#include "options.h"
#include "plan.h"
#include "stub_blob.h"

/*
 * Check the embedded blob's header; its parameter block must hold at least
 * `params_min` bytes (the struct of that stub: stub_params, alpha_stub_params).
 * Returns EXIT_OK or EXIT_IO (a build fault).
 */
int stub_read_header(const struct stub_blob *blob, size_t params_min, struct stub_header *header);

/*
 * A malloc'd copy of the blob relocated to plan->stub_addr with its
 * struct stub_params filled from the plan, the kernel's setup header and the
 * command-line policy; its multiboot header is blanked for --no-multiboot.
 */
uint8_t *stub_prepare(const struct stub_blob *blob, const struct stub_header *header,
		      const struct plan *plan, const struct inputs *in,
		      const struct image_spec *spec);

#endif
