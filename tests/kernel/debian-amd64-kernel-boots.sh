#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Debian's generic kernel (linux-image-amd64, xz-compressed, ~70 MB download)
# boots from an image under QEMU -kernel: it runs /init from the initrd, and
# /proc/cmdline is the built-in command line followed by QEMU's -append text.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"

check_kernel_boots "$AMD64_KERNEL_PACKAGE"
tap_done
