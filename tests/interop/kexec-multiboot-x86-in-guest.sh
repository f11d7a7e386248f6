#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# kexec-tools (Debian kexec-tools 2.0.25) inside a QEMU guest running Debian's
# cloud kernel: `kexec -l /boot.elf --type multiboot-x86 --command-line=...`
# then `kexec -e` boots the image through its multiboot header, and the stub
# enters the probe kernel. kexec's multiboot-x86 puts the image name before
# the command line and says "kexec" as the boot loader name: the stub drops
# that first word. Its memory map comes from the guest's /sys/firmware/memmap.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/boot/probe-checks.sh"
. "$top_srcdir/tests/interop/kexec-guest.sh"

kexec_probe_boots multiboot-x86
tap_done
