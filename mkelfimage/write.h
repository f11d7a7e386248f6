/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ELF writer: ELF header and program headers through libelf (with
 * ELF_F_LAYOUT, so we choose every offset), then each payload streamed into
 * its place. Same inputs, same bytes.
 */
#ifndef MKELFIMAGE_WRITE_H
#define MKELFIMAGE_WRITE_H

#include <stdint.h>

#include "formats/stubparam.h"
#include "inputs.h"
#include "plan.h"

/*
 * Choose file offsets (stored in plan->segments[].file_offset) and write the
 * image to `fd`. `stub_bytes` is the prepared stub. Returns EXIT_OK or a
 * reported exit status.
 */
int write_image(int fd, const char *out_path, struct plan *plan,
		const struct stub_header *stub, const uint8_t *stub_bytes,
		const struct inputs *in, const char *cmdline);

#endif
