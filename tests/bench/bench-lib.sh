#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# bench-lib.sh: what the benchmark scripts share (sourced, after they set
# $dir, the scratch folder, and $runs, the runs per measurement).

# measure NAME OUTPUT COMMAND...: run COMMAND $runs times (the output removed
# before each, the page cache warm); print "wall_s cpu_s peak_kib" of the run
# with the median wall time (CPU time = user + system, steadier on a busy machine).
# $measure_prepare, when set, is run (untimed) after the removal and before
# the sync: the edits' fresh copy of the image.
measure() {
	local name=$1 out=$2 i
	shift 2
	: >"$dir/times"
	for ((i = 0; i < runs; i++)); do
		rm -f "$out"
		if [ -n "${measure_prepare:-}" ]; then eval "$measure_prepare" || return; fi
		sync
		if ! /usr/bin/time -f '%e %U %S %M' -o "$dir/time.1" "$@" >/dev/null 2>"$dir/$name.err"; then
			echo "failed: $(grep -v '^Command exited' "$dir/$name.err" | tail -n 1)"
			return
		fi
		awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$dir/time.1" >>"$dir/times"
	done
	sort -n "$dir/times" | sed -n "$(( (runs + 1) / 2 ))p"
}

# ratio A B: wall and CPU time of A over B
ratio() {
	case $1$2 in *failed*) echo "-" ;; *)
		echo "$1 $2" | awk '{ printf "%.2f (CPU %.2f)", ($5 > 0 ? $1 / $4 : 0), ($5 > 0 ? $2 / $5 : 0) }' ;;
	esac
}

cell() {
	case $1 in failed*) echo "$1" ;; *)
		echo "$1" | awk '{ printf "%.2f s (CPU %.2f s), %.1f MiB", $1, $2, $3 / 1024 }' ;;
	esac
}

