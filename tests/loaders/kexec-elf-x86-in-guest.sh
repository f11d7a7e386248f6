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
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/boot/probe-checks.sh"
. "$top_srcdir/tests/loaders/kexec-guest.sh"

need_qemu_x86_64
need_kexec
fetch_kernel "$CLOUD_KERNEL_PACKAGE"

builtin="console=ttyS0 x=1"
head -c 300000 /dev/urandom >"$work/rd.img"
check "mkelfimage builds an image of the probe kernel" \
	"$MKELFIMAGE" --kernel "$PROBE_DIR/probe-2.15-reloc.bzImage" --initrd "$work/rd.img" \
	--command-line "$builtin" -o "$work/boot.elf"

kexec_guest_boot "$work/elf" elf-x86 "/first/word kexec=1 two"
kexec_guest_loaded "$work/elf" "elf-x86"
check_probe_report "kexec elf-x86" "$work/elf" \
	"$builtin /first/word kexec=1 two" "$work/rd.img" 0x20f
check_eq "kexec elf-x86: the kernel runs at pref_address" 0x1000000 \
	"$(report_value load_addr "$work/elf")"
tap_done
