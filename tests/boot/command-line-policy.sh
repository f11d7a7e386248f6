#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --command-line-policy append|fixed|replace combines the built-in text with
# the loader's the same way on every entry path: multiboot (QEMU -kernel puts
# its path first; the stub drops it) and PVH (QEMU passes -append alone).
. "$top_srcdir/tests/lib.sh"
boot_test

[ -n "$(qemu_binaries)" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"
qemu=$(qemu_binaries | head -n 1)
kernel=$PROBE_DIR/probe-2.15-reloc.bzImage

for entry in multiboot pvh; do
	headers=
	[ "$entry" = pvh ] && headers=--no-multiboot
	for policy in append fixed replace; do
		check "$entry: mkelfimage --command-line-policy $policy builds" \
			"$MKELFIMAGE" --kernel "$kernel" --command-line "built=in" $headers \
			--command-line-policy "$policy" -o "$work/$entry-$policy.elf"
	done
	# policy | QEMU -append text ("" = none) | the kernel's command line
	while IFS='|' read -r policy append want; do
		report=$work/$entry-$policy-$(printf %s "$append" | tr -c 'a-z0-9' _)
		if [ -n "$append" ]; then
			boot_image "$qemu" "$work/$entry-$policy.elf" "$report" -append "$append"
		else
			boot_image "$qemu" "$work/$entry-$policy.elf" "$report"
		fi
		check_eq "$entry, $policy, loader text '$append': the kernel's command line" \
			"$want" "$(report_value cmdline "$report")"
	done <<-EOF
	append|y=2 z=3|built=in y=2 z=3
	append||built=in
	fixed|y=2 z=3|built=in
	replace|y=2 z=3|y=2 z=3
	replace||built=in
	EOF
done
"$MKELFIMAGE" --kernel "$kernel" --command-line-policy sideways -o "$work/bad.elf" 2>"$work/bad.err"
check_eq "an unknown policy is a usage error naming the choices" \
	"mkelfimage: --command-line-policy 'sideways': use append, fixed or replace" "$(cat "$work/bad.err")"
check "no output is written for a usage error" test ! -e "$work/bad.elf"
tap_done
