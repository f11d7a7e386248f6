#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --verify-at-boot with --arch arm64: the stub hashes the Image, the
# built-in command line and the initrd region in memory and compares them
# with the SHA-256 mkelfimage stored; an intact image boots, and one byte
# changed in any part gives one line on the UART naming the part, and a halt.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/arm64/arm64-lib.sh"
arm64_require_qemu

image=$work/verify.elf
initrd=$work/rd.img
report=$work/serial
head -c 100001 /dev/urandom >"$initrd"
check "mkelfimage --arch arm64 --verify-at-boot builds the image" \
	"$MKELFIMAGE" --arch arm64 --kernel "$ARM64_PROBE" --initrd "$initrd" \
	--command-line "verify=1" --verify-at-boot -o "$image"
arm64_boot "$image" "$report"
check_eq "an intact image passes the check and boots" 1 "$(report_value probe_done "$report")"

# file offset of PT_LOAD number N
load_offset() {
	readelf -lW "$image" | awk -v want="$1" '$1 == "LOAD" { n++; if (n == want) { print $2; exit } }'
}
# the stub's parameters: the built-in text follows the magic "MKSR" by 0xd8 bytes
cmdline_offset=$(($(grep -abo MKSR "$image" | head -n 1 | cut -d: -f1) + 0xd8))

# broken PART OFFSET: flip one byte, boot, expect the line and no kernel
broken() {
	cp "$image" "$work/broken.elf"
	flip_byte "$work/broken.elf" "$2"
	BOOT_TIMEOUT=10 arm64_boot "$work/broken.elf" "$report"
	check_eq "one byte changed in the $1: the stub says so and halts" \
		"mkelfimage stub: verify-at-boot: $1 SHA-256 mismatch, not booting" \
		"$(grep -m1 '^mkelfimage stub:' "$report.txt")"
	check_eq "one byte changed in the $1: the kernel never ran" "" "$(report_value probe_done "$report")"
}
broken kernel $(($(load_offset 1) + 100))
broken "command line" "$cmdline_offset"
broken initrd $(($(load_offset 3) + 50000))

check "--digests alone is refused (arm64 images carry no notes)" \
	sh -c "! '$MKELFIMAGE' --arch arm64 --kernel '$ARM64_PROBE' --digests -o '$work/d.elf' 2>'$work/err' && grep -q 'carry no notes' '$work/err'"
tap_done
