/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An x86 vmlinux as --kernel (formats/x86_vmlinux.h): plain, gzip or xz.
 * A compressed kernel is decoded, streamed, into an unlinked temporary file
 * whose descriptor replaces the input's, so every later step (plan, digests,
 * writer) reads the plain ELF. The kernel is then described to the rest of
 * the pipeline as a bzImage of boot protocol 2.12 would be (in->bzimage),
 * with no real-mode part: the stub builds its zero page as usual and turns
 * it into the PVH start_info (stubs/x86/pvhkernel.c).
 */
#ifndef MKELFIMAGE_VMLINUX_H
#define MKELFIMAGE_VMLINUX_H

#include <stddef.h>
#include <stdint.h>

#include "inputs.h"

/* Linux arch/x86/include/asm/setup.h: COMMAND_LINE_SIZE 2048, NUL included */
#define VMLINUX_CMDLINE_SIZE      2047
/* What an x86 bzImage of protocol 2.12+ says (arch/x86/boot/header.S) */
#define VMLINUX_INITRD_ADDR_MAX   0x7fffffffu

/* Does the kernel file start like a vmlinux: ELF magic, or a compressed stream's? */
int vmlinux_probe(const uint8_t *head, size_t len);

/* Decode if compressed, parse, check; fill in->vmlinux and in->bzimage. */
int vmlinux_open(struct inputs *in, const uint8_t *head, size_t len);

#endif
