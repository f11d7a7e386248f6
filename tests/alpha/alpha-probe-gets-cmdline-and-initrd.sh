#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --arch alpha: an ELF64 EM_ALPHA image of the Alpha probe kernel boots on
# QEMU's clipper; the stub has written the command line and the initrd's
# start and size into PARAM (START_ADDR - 0x6000, asm/setup.h), where the
# probe finds them, and the initrd's bytes are intact.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/alpha/alpha-lib.sh"
alpha_require_qemu

image=$work/alpha.elf
initrd=$work/rd.img
report=$work/serial
cmdline='console=ttyS0 root=/dev/ram0 alpha.probe=1 quoted="a b"'
# an odd size, so a padding or rounding error shows in size and CRC
head -c 300001 /dev/urandom >"$initrd"

check "mkelfimage --arch alpha builds the image" \
	"$MKELFIMAGE" --arch alpha --kernel "$ALPHA_PROBE" --initrd "$initrd" \
	--command-line "$cmdline" -o "$image"
check_eq "the image is ELF64 (Alpha kernels are ELF64)" "ELF64" \
	"$(readelf -h "$image" | sed -n 's/^ *Class: *//p')"
check_eq "e_machine is EM_ALPHA" "Alpha" \
	"$(readelf -h "$image" | sed -n 's/^ *Machine: *//p')"
# probe text, probe data+bss, stub, initrd
check_eq "PT_LOAD: the probe's two, the stub, the initrd" 4 "$(alpha_load_count "$image")"
check_eq "the kernel stays at its START_ADDR (lowest segment: QEMU puts PARAM below it)" \
	0xfffffc0001010000 "$(alpha_segment_vaddr "$image" 1)"

alpha_boot "$image" "$report"
check_eq "the probe ran and reported" "mkelfimage-alpha-probe 1" "$(head -n 20 "$report.txt" | grep -m1 '^mkelfimage-alpha-probe')"
check_eq "PARAM is START_ADDR - 0x6000 (ZERO_PGE)" 0xfffffc000100a000 "$(report_value param "$report")"
check_eq "command line in PARAM is the built-in one" "$cmdline" "$(report_value cmdline "$report")"
alpha_check_initrd "the image's initrd segment" "$report" \
	"$(alpha_segment_vaddr "$image" 4)" "$initrd"
check_eq "the probe finished" 1 "$(report_value probe_done "$report")"

# Without an initrd the stub writes INITRD_START 0, whatever the page held.
check "mkelfimage --arch alpha without an initrd" \
	"$MKELFIMAGE" --arch alpha --kernel "$ALPHA_PROBE" --command-line "no-initrd" -o "$image"
alpha_boot "$image" "$report"
check_eq "no initrd: INITRD_START 0" 0x0 "$(report_value initrd_start "$report")"
check_eq "no initrd: INITRD_SIZE 0" 0x0 "$(report_value initrd_size "$report")"
check_eq "no initrd: command line" "no-initrd" "$(report_value cmdline "$report")"
tap_done
