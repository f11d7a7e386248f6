#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The riscv64 probe through QEMU virt with 2 harts and OpenSBI fw_dynamic
# (-bios default -kernel IMAGE). QEMU 7.2 hands OpenSBI the ELF's lowest
# address, the stub's first byte, which jumps to its entry. The probe
# reports: entered at 0x80400000 in S-mode with the MMU off, a0 = the
# booting hart (SBI HSM: STARTED) and the other hart STOPPED, a1 = the
# stub's device tree with /chosen/bootargs by each command-line policy and
# the initrd's bytes; with --verify-at-boot a changed byte in the kernel,
# the command line or the initrd stops the boot with one line.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/riscv64/riscv64-lib.sh"
riscv64_require_qemu

initrd=$work/rd
head -c 200003 /dev/urandom >"$initrd"
image=$work/probe.elf
report=$work/serial

# policy POLICY EXPECTED: build with that policy, boot with -append "loader=1"
policy() {
	"$MKELFIMAGE" --arch riscv64 --kernel "$RISCV64_PROBE" --initrd "$initrd" --command-line "builtin=1" \
		--command-line-policy "$1" -o "$image" 2>"$work/err"
	riscv64_boot "$image" "$report" -append "loader=1"
	check_eq "$1: /chosen/bootargs" "$2" "$(report_value cmdline "$report")"
}

policy append "builtin=1 loader=1"
check_eq "the probe ran and reported" "mkelfimage-riscv64-probe 1" "$(grep -m1 '^mkelfimage-riscv64-probe' "$report.txt")"
check_eq "the kernel runs on the 2 MiB boundary after the stub, MMU off" "0x80400000 0x0" \
	"$(report_value load "$report") $(report_value satp "$report")"
check_eq "a0 is the booting hart (SBI HSM: STARTED), the other hart waits STOPPED" "0x1 0x1" \
	"$(report_value a0_started "$report") $(report_value harts_stopped "$report")"
check_eq "a1 is the stub's device tree, 2 MiB aligned after the image, and it reads" "0x80600000 ok" \
	"$(report_value a1 "$report") $(report_value fdt "$report")"
check_eq "linux,initrd-start is the image's initrd segment" "$(riscv64_segment_addr "$image" 3)" \
	"$(report_value initrd_start "$report")"
check_eq "the initrd's bytes are intact (CRC-32)" "$("$CRC32" "$initrd")" "$(report_value initrd_crc32 "$report")"
policy replace "loader=1"
policy fixed "builtin=1"

# --verify-at-boot: intact boots; one changed byte per part stops the boot
check "mkelfimage --arch riscv64 --verify-at-boot builds the image" \
	"$MKELFIMAGE" --arch riscv64 --kernel "$RISCV64_PROBE" --initrd "$initrd" \
	--command-line "verify=1" --verify-at-boot -o "$image"
riscv64_boot "$image" "$report"
check_eq "--verify-at-boot: an intact image boots" 1 "$(report_value probe_done "$report")"
load_offset() {
	readelf -lW "$image" | awk -v want="$1" '$1 == "LOAD" { n++; if (n == want) { print $2; exit } }'
}
# the built-in text follows the parameters' magic "MKSR" by 0xd8 bytes (formats/fdtstub.h)
cmdline_offset=$(($(grep -abo MKSR "$image" | head -n 1 | cut -d: -f1) + 0xd8))
broken() {
	cp "$image" "$work/broken.elf"
	flip_byte "$work/broken.elf" "$2"
	BOOT_TIMEOUT=10 riscv64_boot "$work/broken.elf" "$report"
	check_eq "--verify-at-boot, one byte changed in the $1: the stub says so and halts" \
		"mkelfimage stub: verify-at-boot: $1 SHA-256 mismatch, not booting" \
		"$(grep -m1 '^mkelfimage stub:' "$report.txt")"
	check_eq "--verify-at-boot, one byte changed in the $1: the kernel never ran" "" \
		"$(report_value probe_done "$report")"
}
broken kernel $(($(load_offset 2) + 100))
broken "command line" "$cmdline_offset"
broken initrd $(($(load_offset 3) + 50000))
tap_done
