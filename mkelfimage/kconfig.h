/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --kernel-config FILE: the kernel's .config (Debian: /boot/config-VERSION),
 * read for the initramfs decompressors it has built in (CONFIG_RD_*), so
 * an initrd the kernel cannot unpack gets a warning before anyone boots it.
 */
#ifndef MKELFIMAGE_KCONFIG_H
#define MKELFIMAGE_KCONFIG_H

#include "formats/initrd_kind.h"

/*
 * Why a kernel with the config at `path` cannot unpack an initrd of
 * `kind`, written into why (size bytes) as one clause, or why[0] = '\0'
 * when it can. EXIT_OK, or a reported EXIT_BAD_INPUT (the file cannot be read).
 */
int kconfig_initrd_problem(const char *path, enum initrd_kind kind, char *why, size_t size);

#endif
