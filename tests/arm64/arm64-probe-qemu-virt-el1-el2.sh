#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --arch arm64: an ELF64 EM_AARCH64 image of the arm64 probe (a tiny Image)
# boots through QEMU virt -kernel at EL1 (cortex-a57, -cpu max) and at EL2
# (virtualization=on). The stub finds QEMU's device tree at the start of
# RAM, writes a valid copy with /chosen set, and enters the Image as
# booting.rst says: MMU off, x0 = the tree, x1-x3 = 0, the initrd intact.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/arm64/arm64-lib.sh"
arm64_require_qemu

image=$work/arm64.elf
initrd=$work/rd.img
report=$work/serial
cmdline='console=ttyAMA0 arm64.probe=1 quoted="a b"'
# an odd size, so a padding or rounding error shows in size and CRC
head -c 300001 /dev/urandom >"$initrd"

check "mkelfimage --arch arm64 builds the image" \
	"$MKELFIMAGE" --arch arm64 --kernel "$ARM64_PROBE" --initrd "$initrd" \
	--command-line "$cmdline" -o "$image"
check_eq "the image is ELF64" "ELF64" "$(readelf -h "$image" | sed -n 's/^ *Class: *//p')"
check_eq "e_machine is EM_AARCH64" "AArch64" "$(readelf -h "$image" | sed -n 's/^ *Machine: *//p')"
check_eq "PT_LOAD: the Image, the stub, the initrd" 3 "$(arm64_load_count "$image")"
check_eq "the Image at RAM + 2 MiB + text_offset 0 (QEMU's tree keeps the start of RAM)" \
	0x40200000 "$(arm64_segment_addr "$image" 1)"
check_eq "no program header but PT_LOAD (U-Boot 2023.01 copies each to its p_paddr)" \
	0 "$(readelf -lW "$image" | awk '/^  [A-Z]/ && $1 != "LOAD" && $1 != "Type" { n++ } END { print n + 0 }')"

# boot_case LABEL: boot with BOOT_MACHINE/BOOT_CPU and check the report
boot_case() {
	arm64_boot "$image" "$report"
	check_eq "$1: the probe ran and reported" "mkelfimage-arm64-probe 1" \
		"$(grep -m1 '^mkelfimage-arm64-probe' "$report.txt")"
	check_eq "$1: entered at EL$2" "0x$2" "$(report_value el "$report")"
	check_eq "$1: MMU off (booting.rst)" 0x0 "$(report_value mmu "$report")"
	check_eq "$1: the Image runs where it was placed" 0x40200000 "$(report_value load "$report")"
	check_eq "$1: x0 = the stub's copy of the tree, in its own 2 MiB" 0x40400000 "$(report_value x0 "$report")"
	check_eq "$1: x1 = x2 = x3 = 0 (booting.rst)" "0x0 0x0 0x0" \
		"$(report_value x1 "$report") $(report_value x2 "$report") $(report_value x3 "$report")"
	check_eq "$1: the tree at x0 is valid" ok "$(report_value fdt "$report")"
	check_eq "$1: /chosen/bootargs is the built-in line" "$cmdline" "$(report_value cmdline "$report")"
	arm64_check_initrd "$1" "$report" "$(arm64_segment_addr "$image" 3)" "$initrd"
	check_eq "$1: /memory still describes QEMU's RAM" "0x40000000 0x20000000" \
		"$(report_value memory_start "$report") $(report_value memory_size "$report")"
	check_eq "$1: the probe finished" 1 "$(report_value probe_done "$report")"
}

BOOT_MACHINE=virt BOOT_CPU=cortex-a57 boot_case "cortex-a57, EL1" 1
BOOT_MACHINE=virt BOOT_CPU=max boot_case "-cpu max, EL1" 1
BOOT_MACHINE=virt,virtualization=on BOOT_CPU=cortex-a57 boot_case "virtualization=on, EL2" 2

# A gzip'd Image is decoded at build time: the same probe, booted
check "mkelfimage --arch arm64 takes an Image.gz" \
	"$MKELFIMAGE" --arch arm64 --kernel "$ARM64_PROBE_GZ" --command-line "gz" -o "$image"
arm64_boot "$image" "$report"
check_eq "Image.gz: the probe ran with the built-in line" "gz" "$(report_value cmdline "$report")"
check_eq "no initrd in the image or from QEMU: none in /chosen" 0x0 "$(report_value initrd_size "$report")"
# (QEMU's -initrd is not loaded for an ELF -kernel, hw/arm/boot.c loads it
# only for a Linux kernel, so the loader's initrd path is not tested here.)
tap_done
