#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# bootelf inside a QEMU guest running Debian's cloud kernel (x86_64): a
# static bootelf loads the probe kernel's image (built-in initrd and command
# line) with kexec_load(KEXEC_ARCH_X86_64) and reboots into it; its
# trampoline leaves long mode and enters the stub as a Multiboot v1 loader
# named "bootelf" (the stub keeps the whole loader text). The probe's report
# on COM1 is the verdict: command line, initrd bytes, e820 from the guest's
# /sys/firmware/memmap, entry registers. The guest also prints bootelf's
# --dry-run --json plan, checked for the architecture it saw.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/boot/probe-checks.sh"
. "$top_srcdir/tests/bootelf/bootelf-guest.sh"

need_qemu_x86_64
need_bootelf_static
fetch_kernel "$CLOUD_KERNEL_PACKAGE"

bootelf_probe_setup "bootelf=1 two"
bootelf_guest_boot "$work/guest" "$kernel" "$QEMU_X86_64" "$work/init" "$work/boot.elf=/boot.elf"

check_init_ran "the guest runs bootelf" "$work/guest" "bootelf starting"
plan=$(init_value plan "$work/guest")
check "bootelf --dry-run --json in the guest: KEXEC_ARCH_X86_64 for the cloud kernel" \
	contains "$plan" '"kexec_arch":"x86_64"'
check "bootelf --dry-run --json in the guest: its memory map is /sys/firmware/memmap" \
	contains "$plan" '"source":"/sys/firmware/memmap"'
check_probe_report "bootelf in a Debian cloud-kernel guest" "$work/guest" \
	"$probe_builtin bootelf=1 two" "$work/rd.img" 0x20f
check_eq "bootelf: the kernel runs at pref_address" 0x1000000 \
	"$(report_value load_addr "$work/guest")"
tap_done
