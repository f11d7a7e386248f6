/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the device-tree arches (arm64, riscv64) share: one memory plan, one
 * parameter block (formats/fdtstub.h) filled the same way, one stub
 * (stubs/common/fdtboot.c). Their rows (arch_arm64.c, arch_riscv64.c) give
 * the numbers that differ and call these.
 *
 * Memory plan, physical addresses, pages of 4 KiB, from the arch's RAM base
 * (plan_limits.phys_base):
 *
 *   kernel               2 MiB aligned base + text_offset, image_size kept
 *   stub                 header, code, parameters (the built-in command
 *                        line among them); bss and stack. riscv64: in the
 *                        2 MiB below the kernel instead, where firmware
 *                        enters a payload (arch_riscv64.c)
 *   initrd region        the initrds joined, each padded to 4 bytes
 *   --dtb                the device tree the image carries, if any
 *   next 2 MiB boundary  2 MiB the stub writes the device tree into (not
 *                        in the file): arm64's booting.rst asks for a
 *                        2 MiB region of its own, riscv64 for 8-byte
 *                        alignment only
 */
#ifndef MKELFIMAGE_ARCH_FDT_H
#define MKELFIMAGE_ARCH_FDT_H

#include <stdint.h>

#include "arch.h"

#define FDT_ARCH_PAGE_SIZE  0x1000ull

/* What differs between the device-tree arches */
struct fdt_arch {
	const char *name;            /* "arm64": --arch NAME */
	const char *cross_compiler;  /* what builds its stub: "aarch64-linux-gnu-gcc" */
	const char *cross_package;   /* its Debian package */
	const struct stub_blob *stub;
	uint64_t loader_dtb_addr;    /* where a loader may leave its tree for an ELF (0: nowhere) */
	uint64_t uart_base;          /* the stub's error line */
	uint32_t cmdline_max;        /* the kernel's COMMAND_LINE_SIZE - 1 */
};

extern const enum plan_segment_kind fdt_arch_file_order[4];

/*
 * The stub at `stub_addr`, the initrds after the highest segment so far,
 * the --dtb tree after them; the command line is in the stub. fdt_arch_place
 * puts the stub right after the kernel.
 */
int fdt_arch_place_stub_at(struct plan *plan, const struct stub_header *stub, const struct inputs *in,
			   uint64_t stub_addr);
int fdt_arch_place(struct plan *plan, const struct stub_header *stub, const struct inputs *in);
void fdt_arch_fill_params(const struct fdt_arch *fa, uint8_t *bytes, const struct stub_header *stub,
			  const struct plan *plan, const struct inputs *in, const struct image_spec *spec,
			  const struct digest_set *digests);
void fdt_arch_print(const struct fdt_arch *fa, const struct plan *plan, FILE *out);
int fdt_arch_check_spec(const struct fdt_arch *fa, const struct image_spec *spec);

#endif
