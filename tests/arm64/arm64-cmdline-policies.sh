#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The arm64 stub joins the built-in command line with the loader's (QEMU
# -append, which QEMU writes to /chosen/bootargs) by --command-line-policy,
# as on x86 and Alpha: append (built-in, a space, the loader's), fixed
# (built-in only), replace (the loader's if any, else built-in).
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/arm64/arm64-lib.sh"
arm64_require_qemu

image=$work/arm64.elf
report=$work/serial

# policy_case POLICY APPEND EXPECTED
policy_case() {
	if ! "$MKELFIMAGE" --arch arm64 --kernel "$ARM64_PROBE" --command-line "builtin=1" \
		--command-line-policy "$1" -o "$image" 2>"$work/err"; then
		tap_not_ok "--command-line-policy $1: build" "$(cat "$work/err")"
		return
	fi
	if [ -n "$2" ]; then arm64_boot "$image" "$report" -append "$2"; else arm64_boot "$image" "$report"; fi
	check_eq "policy $1, loader text '$2': /chosen/bootargs" "$3" "$(report_value cmdline "$report")"
}

policy_case append "loader=2" "builtin=1 loader=2"
policy_case append "" "builtin=1"
policy_case fixed "loader=2" "builtin=1"
policy_case replace "loader=2" "loader=2"
policy_case replace "" "builtin=1"
tap_done
