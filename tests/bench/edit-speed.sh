#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# edit-speed.sh: how long set-command-line and replace-initrd take on an
# image of a real kernel with a 512 MiB initrd (by default and with
# --digests), against the same durable replacement done with cat, sync and
# mv. The edits copy the unchanged payloads straight from the image, so
# each should cost about what that costs. With BENCH_OLD_MKELFIMAGE
# (another build of mkelfimage), the same edits by that binary too, for a
# before/after.
# A benchmark, not a test: it prints a Markdown table and never fails on a
# number. Run by `make bench`.
#
# Environment: MKELFIMAGE, top_srcdir, top_builddir, BENCH_DIR (scratch
# space, 4 x the size free), BENCH_SIZES (default "512", MiB), BENCH_RUNS
# (default 3: the median is shown), BENCH_OLD_MKELFIMAGE,
# MKELFIMAGE_KERNEL_CACHE.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
MKELFIMAGE=${MKELFIMAGE:-$top_builddir/mkelfimage/mkelfimage}
sizes=${BENCH_SIZES:-512}
runs=${BENCH_RUNS:-3}
old=${BENCH_OLD_MKELFIMAGE:-}
dir=${BENCH_DIR:-$(mktemp -d /var/tmp/mkelfimage-bench.XXXXXX)}
mkdir -p "$dir"
trap 'rm -rf "$dir"' EXIT
. "$top_srcdir/tests/bench/bench-lib.sh"

kernel=$(sh "$top_srcdir/tests/kernel/fetch-debian-kernel.sh" linux-image-cloud-amd64 \
	"${MKELFIMAGE_KERNEL_CACHE:-$top_builddir/tests/kernel/cache}") ||
	{ echo "bench: no real kernel to build with"; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (Debian package time)"; exit 1; }

# The edits replace the image durably (fsync before the rename, so that a
# crash leaves the old or the new image; the old file's blocks are freed at
# the rename), so their peer is the same replacement by coreutils: `cat
# image > out.new && sync out.new && mv out.new out` over an existing copy.
# Plain `cat` into a new file is shown too. Each run starts from a fresh
# copy of the image, made untimed and synced before the clock starts
# (measure_prepare, bench-lib.sh).
edit_prepare='cp "$dir/image" "$dir/out"'

echo "kernel: $(basename "$kernel") ($(stat -c %s "$kernel") bytes); $runs run(s) each, median; warm page cache; $(nproc) CPUs, load average $(cut -d" " -f1-3 /proc/loadavg)"
echo
echo "| initrd | image | cat image | cat, sync, mv over a copy | set-command-line | ratio to that | replace-initrd | ratio to that |${old:+ old set-command-line | old replace-initrd |}"
echo "|---|---|---|---|---|---|---|---|${old:+---|---|}"
for size in $sizes; do
	{ printf '070701'; head -c $((size * 1024 * 1024 - 6)) /dev/urandom; } >"$dir/initrd"
	for flags in "" --digests; do
		"$MKELFIMAGE" --kernel "$kernel" --initrd "$dir/initrd" --command-line console=ttyS0 \
			$flags -o "$dir/image" || { echo "bench: cannot build the image"; exit 1; }
		cat_t=$(measure cat "$dir/out" sh -c 'cat "$1" >"$2"' cat "$dir/image" "$dir/out")
		catsync_t=$(measure_prepare=$edit_prepare measure catsync "$dir/out" \
			sh -c 'cat "$1" >"$2.new" && sync "$2.new" && mv "$2.new" "$2"' cat "$dir/image" "$dir/out")
		set_t=$(measure_prepare=$edit_prepare measure set "$dir/out" "$MKELFIMAGE" set-command-line "$dir/out" "console=ttyS0 quiet")
		rep_t=$(measure_prepare=$edit_prepare measure replace "$dir/out" "$MKELFIMAGE" replace-initrd "$dir/out" "$dir/initrd")
		row="| $size MiB | default${flags:+ $flags} | $(cell "$cat_t") | $(cell "$catsync_t") | $(cell "$set_t") |"
		row="$row $(ratio "$set_t" "$catsync_t") | $(cell "$rep_t") | $(ratio "$rep_t" "$catsync_t") |"
		if [ -n "$old" ]; then
			oset_t=$(measure_prepare=$edit_prepare measure oset "$dir/out" "$old" set-command-line "$dir/out" "console=ttyS0 quiet")
			orep_t=$(measure_prepare=$edit_prepare measure orep "$dir/out" "$old" replace-initrd "$dir/out" "$dir/initrd")
			row="$row $(cell "$oset_t") | $(cell "$orep_t") |"
		fi
		echo "$row"
	done
	rm -f "$dir/initrd" "$dir/image" "$dir/out"
done
