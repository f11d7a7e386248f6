#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A PVH module above 4 GiB (boot.rst, xloadflags): a kernel with
# XLF_CAN_BE_LOADED_ABOVE_4G gets it through ext_ramdisk_image; any other
# kernel cannot take it, and the stub stops with one line. No stock loader
# here places a module above 4 GiB, so tests/harness builds the
# hvm_start_info and enters the image's PVH entry (from its Xen note).
. "$top_srcdir/tests/lib.sh"
boot_test

[ -n "${QEMU_X86_64:-}" ] || skip_all "no qemu-system-x86_64 (install qemu-system-x86)"
harness=$top_builddir/tests/harness/harness.elf
[ -f "$harness" ] || skip_all "tests/harness/harness.elf not built (make check builds it)"

"$MKPROBE" --code "$PROBE_DIR/probe-0x1000000.bin" --protocol 2.15 --relocatable 1 \
	--pref-address 0x1000000 --kernel-alignment 0x200000 --init-size 0x800000 \
	--xloadflags 0x3 -o "$work/above4g.bzImage"
check "mkelfimage builds an image of a kernel with XLF_CAN_BE_LOADED_ABOVE_4G" \
	"$MKELFIMAGE" --kernel "$work/above4g.bzImage" --command-line "console=ttyS0" -o "$work/above4g.elf"
check "mkelfimage builds an image of a kernel without it" \
	"$MKELFIMAGE" --kernel "$PROBE_DIR/probe-2.15-reloc.bzImage" --command-line "console=ttyS0" \
	-o "$work/below4g.elf"

# The harness's module: 0x1234 bytes at 0x100300000
boot_image "$QEMU_X86_64" "$harness" "$work/high" -initrd "$work/above4g.elf" -append "mode=pvh-high -- y=2"
check "the probe kernel finished its report" grep -qx 'probe_end=ok' "$work/high.txt"
check_eq "ramdisk_image holds bits 0..31 of the module's address" 0x300000 \
	"$(report_value hdr.ramdisk_image "$work/high")"
check_eq "ext_ramdisk_image holds bits 32..63 (zero-page.rst)" 0x1 \
	"$(report_value ext_ramdisk_image "$work/high")"
check_eq "ramdisk_size is the module's size" 0x1234 "$(report_value hdr.ramdisk_size "$work/high")"
check_eq "the PVH command line follows the built-in one" "console=ttyS0 y=2" \
	"$(report_value cmdline "$work/high")"

# The stub halts; QEMU ends at the timeout and the verdict is the serial text.
BOOT_TIMEOUT=10 boot_image "$QEMU_X86_64" "$harness" "$work/refused" -initrd "$work/below4g.elf" \
	-append "mode=pvh-high"
check "without XLF_CAN_BE_LOADED_ABOVE_4G the stub stops with one line" \
	grep -qx "mkelfimage stub: loader module above 4 GiB, and the kernel's xloadflags do not allow it (boot.rst)" \
	"$work/refused.txt"
tap_done
