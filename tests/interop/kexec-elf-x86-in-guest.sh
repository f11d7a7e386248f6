#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# kexec-tools (Debian kexec-tools 2.0.25) inside a QEMU guest running Debian's
# cloud kernel: `kexec -l /boot.elf --type elf-x86 --command-line=...` (the
# default --args-elf) then `kexec -e` boots the image as a plain ELF. Its
# purgatory enters the stub with EAX = EBX = 0 and, on the stack, a zero
# return address and the ELF boot notes block at [ESP+4] (kexec-elf-x86.c,
# entry32_regs); the notes carry the command line alone (no image name) and
# the loader name "kexec". The stub reads the notes and enters the probe
# kernel. kexec refuses an --initrd with --args-elf; the image's own initrd
# is the one the kernel gets.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/boot/probe-checks.sh"
. "$top_srcdir/tests/interop/kexec-guest.sh"

kexec_probe_boots elf-x86
tap_done
