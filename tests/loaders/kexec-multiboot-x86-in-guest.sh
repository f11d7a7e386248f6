#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# kexec-tools (Debian kexec-tools 2.0.25) inside a QEMU guest running Debian's
# cloud kernel: `kexec -l /boot.elf --type multiboot-x86 --command-line=...`
# then `kexec -e` boots the image through its multiboot header, and the stub
# enters the probe kernel. kexec's multiboot-x86 puts the image name before
# the command line and says "kexec" as the boot loader name: the stub drops
# that first word. Its memory map comes from the guest's /sys/firmware/memmap.
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

kexec_guest_boot "$work/multiboot" multiboot-x86 "/first/word kexec=1 two"
kexec_guest_loaded "$work/multiboot" "multiboot-x86"
check_probe_report "kexec multiboot-x86" "$work/multiboot" \
	"$builtin /first/word kexec=1 two" "$work/rd.img" 0x20f
check_eq "kexec multiboot-x86: the kernel runs at pref_address" 0x1000000 \
	"$(report_value load_addr "$work/multiboot")"
tap_done
