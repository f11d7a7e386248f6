#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The Alpha stub joins the loader's command line (QEMU -append, which QEMU
# writes into PARAM) with the built-in one by --command-line-policy; it finds
# PARAM for a kernel linked at the legacy KERNEL_START_PHYS 0x300000 too; two
# initrds arrive as one region, the first padded to 4 bytes.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/alpha/alpha-lib.sh"
alpha_require_qemu

image=$work/alpha.elf
report=$work/serial
builtin='builtin.arg=1'
from_qemu='from.qemu=2'

for case in "append|$builtin $from_qemu" "fixed|$builtin" "replace|$from_qemu"; do
	policy=${case%%|*} expected=${case#*|}
	"$MKELFIMAGE" --arch alpha --kernel "$ALPHA_PROBE" --command-line "$builtin" \
		--command-line-policy "$policy" -o "$image" ||
		tap_not_ok "mkelfimage --command-line-policy $policy"
	alpha_boot "$image" "$report" -append "$from_qemu"
	check_eq "policy $policy with QEMU -append" "$expected" "$(report_value cmdline "$report")"
done

# replace with no loader text keeps the built-in one
"$MKELFIMAGE" --arch alpha --kernel "$ALPHA_PROBE" --command-line "$builtin" \
	--command-line-policy replace -o "$image" || tap_not_ok "mkelfimage --command-line-policy replace"
alpha_boot "$image" "$report"
check_eq "policy replace without -append keeps the built-in text" "$builtin" \
	"$(report_value cmdline "$report")"

# Linux/Alpha reads 255 characters: a longer joined text is cut there.
long=$(printf 'x%.0s' $(seq 1 250))
"$MKELFIMAGE" --arch alpha --kernel "$ALPHA_PROBE" --command-line "$long" -o "$image" ||
	tap_not_ok "mkelfimage with a 250-character command line"
alpha_boot "$image" "$report" -append "0123456789"
check_eq "joined text cut at COMMAND_LINE_SIZE - 1 = 255 characters" "$long 0123" \
	"$(report_value cmdline "$report")"

# Legacy START_ADDR 0xfffffc0000310000 and two initrds
printf 'first initrd, 23 bytes\n' >"$work/rd1"
head -c 5000 /dev/urandom >"$work/rd2"
check "mkelfimage --arch alpha, legacy kernel, two initrds" \
	"$MKELFIMAGE" --arch alpha --kernel "$ALPHA_PROBE_LEGACY" --initrd "$work/rd1" \
	--initrd "$work/rd2" --command-line "legacy" -o "$image"
alpha_boot "$image" "$report"
check_eq "legacy kernel: PARAM at 0x30a000 in KSEG" 0xfffffc000030a000 "$(report_value param "$report")"
check_eq "legacy kernel: command line" "legacy" "$(report_value cmdline "$report")"
{ cat "$work/rd1"; printf '\0'; cat "$work/rd2"; } >"$work/joined"
alpha_check_initrd "two initrds, one region, the first padded to 4 bytes" "$report" \
	"$(alpha_segment_vaddr "$image" 4)" "$work/joined"
tap_done
