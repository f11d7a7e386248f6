/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --kernel-config ikconfig: the .config a kernel built with CONFIG_IKCONFIG
 * carries inside itself (kernel/configs.c: the bytes "IKCFG_ST", a gzip
 * stream of the .config, "IKCFG_ED"), found by decoding the kernel's
 * compressed part (kernel_format.compressed_payload: gzip, xz, zstd, lz4).
 * Costly (the whole kernel is decoded), so only when asked.
 */
#ifndef MKELFIMAGE_IKCONFIG_H
#define MKELFIMAGE_IKCONFIG_H

#include "kernel.h"

/*
 * The config text in an unlinked temporary file: its fd (read from offset
 * 0), or -1 with the reported status in *status.
 */
int ikconfig_read(const struct kernel *k, int *status);

#endif
