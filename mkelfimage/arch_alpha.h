/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --arch alpha: a Linux/Alpha vmlinux, initrds and a command line into one
 * ELF64 EM_ALPHA image whose entry is the Alpha stub (stubs/alpha), which
 * fills the kernel's parameter page (formats/alpha.h) and jumps to vmlinux.
 */
#ifndef MKELFIMAGE_ARCH_ALPHA_H
#define MKELFIMAGE_ARCH_ALPHA_H

#include "options.h"

/* The whole build for --arch alpha. Returns an exit status (reported). */
int arch_alpha_build(const struct image_spec *spec);

#endif
