#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every fuzz target runs once over its seeds and its checked-in regressions
# (tests/fuzz/corpus/<target>/, one per crash the fuzzer found): none may
# crash, leak or trip UBSan. No fuzzing here; `make fuzz` does that.
. "$top_srcdir/tests/lib.sh"

for target in bzimage elfimage initrd-kind template fdt; do
	fuzzer=$top_builddir/tests/fuzz/fuzz-$target
	if [ ! -x "$fuzzer" ]; then
		tap_skip "$target parser survives its seeds and regressions" \
			"no fuzz target built (configure found no clang with libFuzzer)"
		continue
	fi
	mkdir -p "$work/empty"
	regressions=$top_srcdir/tests/fuzz/corpus/$target
	[ -d "$regressions" ] || regressions=$work/empty
	count=$(ls -A "$top_builddir/tests/fuzz/seeds/$target" "$regressions" | grep -vc ':$\|^$')
	status=0
	"$fuzzer" -runs=0 -close_fd_mask=2 "$top_builddir/tests/fuzz/seeds/$target" "$regressions" \
		>"$work/$target.log" 2>&1 || status=$?
	if [ "$status" = 0 ] && grep -q '^INFO:.*files found\|INITED' "$work/$target.log"; then
		tap_ok "$target parser survives its $count seeds and regressions"
	else
		tap_not_ok "$target parser survives its $count seeds and regressions" "exit status $status" \
			"$(tail -n 20 "$work/$target.log")"
	fi
done
tap_done
