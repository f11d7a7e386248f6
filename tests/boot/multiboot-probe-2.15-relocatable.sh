#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# QEMU -kernel boots an image through its multiboot header; the stub enters a
# relocatable protocol 2.15 probe kernel, which reports what it received.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"

[ -n "$(qemu_binaries)" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 300000 /dev/urandom >"$work/rd.img"
check "mkelfimage builds the image" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" \
	--command-line "console=ttyS0 x=1" -o "$work/boot.elf"

for qemu in $(qemu_binaries); do
	name=$(basename "$qemu")
	boot_image "$qemu" "$work/boot.elf" "$work/$name.plain"
	check_probe_report "$name, built-in command line" "$work/$name.plain" \
		"console=ttyS0 x=1" "$work/rd.img" 0x20f
	check_eq "$name: the kernel runs at pref_address" 0x1000000 \
		"$(report_value load_addr "$work/$name.plain")"
	check_eq "$name: setup header copied: init_size" 0x800000 \
		"$(report_value hdr.init_size "$work/$name.plain")"
	check_eq "$name: setup header copied: cmdline_size" 0x7ff \
		"$(report_value hdr.cmdline_size "$work/$name.plain")"
	check_eq "$name: setup header copied: relocatable_kernel" 0x1 \
		"$(report_value hdr.relocatable_kernel "$work/$name.plain")"

	boot_image "$qemu" "$work/boot.elf" "$work/$name.append" -append "y=2 z=three"
	check_eq "$name: QEMU's -append text follows the built-in text (QEMU's path prefix dropped)" \
		"console=ttyS0 x=1 y=2 z=three" "$(report_value cmdline "$work/$name.append")"
done
tap_done
