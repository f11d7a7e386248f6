/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ELF writer: ELF header and program headers through libelf (with
 * ELF_F_LAYOUT, so we choose every offset), then each payload streamed into
 * its place. Same inputs, same bytes.
 */
#ifndef MKELFIMAGE_WRITE_H
#define MKELFIMAGE_WRITE_H

#include <stdint.h>

#include "copy.h"
#include "digest.h"
#include "formats/stubparam.h"
#include "inputs.h"
#include "plan.h"

/*
 * Choose file offsets (stored in plan->segments[].file_offset) and write the
 * image to `fd`, each input read once (copy.h) and hashed on the way for
 * `digests` (digest_begin'd by the caller; digest.h). `stub_bytes` is the
 * prepared stub; its digests for --verify-at-boot are filled in here.
 * Returns EXIT_OK or a reported exit status.
 */
int write_image(int fd, const char *out_path, struct plan *plan,
		const struct stub_header *stub, uint8_t *stub_bytes,
		const struct inputs *in, const char *cmdline, struct digest_run *digests);

/*
 * The pieces write_image is made of, for other layouts (arch_alpha.c):
 * the ELF and program headers of `plan` in class ELFCLASS32 or ELFCLASS64
 * for `machine`, file offsets already chosen; `len` bytes of a buffer; the
 * joined initrds into their segment, fed to `digests` (may be NULL) and to
 * `piece` (their segment's sinks, may be NULL). Payloads: copy.h.
 */
int write_elf_headers(int fd, const char *out_path, const struct plan *plan,
		      int elf_class, unsigned machine);
int write_initrds(int fd, const char *out_path, const struct plan_segment *seg,
		  const struct inputs *in, struct digest_run *digests, struct copy_sink *piece);

#endif
