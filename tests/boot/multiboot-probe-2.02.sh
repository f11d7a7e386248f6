#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A protocol 2.02 probe: not relocatable (loaded at 1 MiB), no init_size (the
# plan estimates 3 x the code), command lines limited to 255 bytes.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"

[ -n "$(qemu_binaries)" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"

kernel=$PROBE_DIR/probe-2.02.bzImage
head -c 123457 /dev/urandom >"$work/rd.img"
cmdline=$(printf 'c%.0s' $(seq 1 240))
check "mkelfimage builds the image with a 240-byte command line" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" \
	--append "$cmdline" -o "$work/boot.elf"

setup_sects=$(od -An -tu1 -j 497 -N 1 "$kernel" | tr -d ' ')
[ "$setup_sects" = 0 ] && setup_sects=4
code_size=$(($(file_size "$kernel") - (setup_sects + 1) * 512))
INITRD_MIN_GAP=$((3 * code_size))

for qemu in $(qemu_binaries); do
	name=$(basename "$qemu")
	boot_image "$qemu" "$work/boot.elf" "$work/$name.plain"
	check_probe_report "$name, protocol 2.02" "$work/$name.plain" \
		"$cmdline" "$work/rd.img" 0x202
	check_eq "$name: a kernel that is not relocatable runs at 1 MiB" 0x100000 \
		"$(report_value load_addr "$work/$name.plain")"
	check_eq "$name: fields 2.02 lacks stay 0: init_size" 0x0 \
		"$(report_value hdr.init_size "$work/$name.plain")"

	boot_image "$qemu" "$work/boot.elf" "$work/$name.long" -append "0123456789abcdef0123"
	check_eq "$name: the stub cuts the joined command line at 255 bytes" \
		"$(printf '%s 0123456789abcdef0123' "$cmdline" | cut -c 1-255)" \
		"$(report_value cmdline "$work/$name.long")"
done
tap_done
