/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --kernel-config FILE: the kernel's .config (Debian: /boot/config-VERSION),
 * or the kernel's own copy (ikconfig.h), read for the initramfs
 * decompressors it has built in (CONFIG_RD_*), so an initrd the kernel
 * cannot unpack gets a warning before anyone boots it.
 */
#ifndef MKELFIMAGE_KCONFIG_H
#define MKELFIMAGE_KCONFIG_H

#include "formats/initrd_kind.h"

/*
 * The config file --kernel-config names, opened: its fd, or -1 after one
 * line (not a readable regular file).
 */
int kconfig_open(const char *path);

/*
 * Why a kernel whose config text is at fd (read from offset 0; `name` for
 * the message) cannot unpack an initrd of `kind`, written into why (size
 * bytes) as one clause, or why[0] = '\0' when it can.
 */
void kconfig_initrd_problem(int fd, const char *name, enum initrd_kind kind, char *why, size_t size);

#endif
