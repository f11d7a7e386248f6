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

/*
 * The pieces write_image is made of, for other layouts (arch_alpha.c):
 * the ELF and program headers of `plan` in class ELFCLASS32 or ELFCLASS64
 * for `machine`, file offsets already chosen; `len` bytes of a buffer; a
 * stream of `len` input bytes; the joined initrds into their segment.
 */
int write_elf_headers(int fd, const char *out_path, const struct plan *plan,
		      int elf_class, unsigned machine);
int write_all(int fd, const char *out_path, const void *buf, size_t len, uint64_t offset);
int copy_payload(const struct input_file *src, uint64_t src_offset, int fd,
		 const char *out_path, uint64_t dst_offset, uint64_t len);
int write_initrds(int fd, const char *out_path, const struct plan_segment *seg,
		  const struct inputs *in);

#endif
