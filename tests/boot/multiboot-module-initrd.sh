#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Multiboot modules (QEMU -initrd on a multiboot image; GRUB `module` is the
# same field): the first module is the initrd when the image has none; the
# image's own initrd always wins; further modules are ignored with a warning
# on COM1 (doc/ARCHITECTURE.md, "Initrd from a loader").
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"

[ -n "$(qemu_binaries)" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 150001 /dev/urandom >"$work/rd.img"
head -c 90003 /dev/urandom >"$work/first.img"
head -c 4099 /dev/urandom >"$work/second.img"
check "mkelfimage builds an image without an initrd" \
	"$MKELFIMAGE" --kernel "$kernel" --command-line "console=ttyS0" -o "$work/bare.elf"
check "mkelfimage builds an image with an initrd" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --command-line "console=ttyS0" \
	-o "$work/own.elf"

for qemu in $(qemu_binaries); do
	name=$(basename "$qemu")
	boot_image "$qemu" "$work/bare.elf" "$work/$name.module" -initrd "$work/first.img"
	check_probe_report "$name, multiboot, QEMU -initrd module as the initrd" \
		"$work/$name.module" "console=ttyS0" "$work/first.img" 0x20f

	# QEMU -initrd "a,b" passes two multiboot modules
	boot_image "$qemu" "$work/bare.elf" "$work/$name.two" -initrd "$work/first.img,$work/second.img"
	check_eq "$name, multiboot, two modules: the first is the initrd" \
		"$("$CRC32" "$work/first.img")" "$(report_value initrd_crc32 "$work/$name.two")"
	check "$name, multiboot, two modules: the second is reported as ignored" \
		grep -q '^mkelfimage stub: loader modules after the first ignored: 1$' "$work/$name.two.txt"

	boot_image "$qemu" "$work/own.elf" "$work/$name.own" -initrd "$work/first.img"
	check_probe_report "$name, multiboot, the image's initrd wins over a module" \
		"$work/$name.own" "console=ttyS0" "$work/rd.img" 0x20f
	check "$name, multiboot: the ignored module is reported on COM1" \
		grep -q '^mkelfimage stub: loader modules ignored, the image has its own initrd: 1$' \
		"$work/$name.own.txt"
done
tap_done
