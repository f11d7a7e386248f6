#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# edit-speed.sh: how long set-command-line and replace-initrd take on an
# image of a real kernel with a 512 MiB initrd (by default and with
# --digests), against `cat image > out` on the same image. The edits copy
# the unchanged payloads straight from the image, so each should cost
# about one `cat` of it. With BENCH_OLD_MKELFIMAGE (another build of
# mkelfimage), the same edits by that binary too, for a before/after.
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

# edit BINARY SUBCOMMAND ARG: copy the image to $dir/out (untimed), then the edit in place
edit() {
	cp "$dir/image" "$dir/out" && "$1" "$2" "$dir/out" "$3"
}
export -f edit
export dir

echo "kernel: $(basename "$kernel") ($(stat -c %s "$kernel") bytes); $runs run(s) each, median; warm page cache; $(nproc) CPUs, load average $(cut -d" " -f1-3 /proc/loadavg)"
echo "(each edit time includes an untimed-in-spirit cp of the image, measured alone as \"cp\")"
echo
echo "| initrd | image | cat image | cp image | set-command-line | ratio to cat (less cp) | replace-initrd | ratio to cat (less cp) |${old:+ old set-command-line | old replace-initrd |}"
echo "|---|---|---|---|---|---|---|---|${old:+---|---|}"
for size in $sizes; do
	{ printf '070701'; head -c $((size * 1024 * 1024 - 6)) /dev/urandom; } >"$dir/initrd"
	for flags in "" --digests; do
		"$MKELFIMAGE" --kernel "$kernel" --initrd "$dir/initrd" --command-line console=ttyS0 \
			$flags -o "$dir/image" || { echo "bench: cannot build the image"; exit 1; }
		cat_t=$(measure cat "$dir/out" sh -c 'cat "$1" >"$2"' cat "$dir/image" "$dir/out")
		cp_t=$(measure cp "$dir/out" cp "$dir/image" "$dir/out")
		set_t=$(measure set "$dir/out" bash -c 'edit "$0" set-command-line "console=ttyS0 quiet"' "$MKELFIMAGE")
		rep_t=$(measure replace "$dir/out" bash -c 'edit "$0" replace-initrd "$dir/initrd"' "$MKELFIMAGE")
		less_cp() { echo "$1 $2" | awk '{ printf "%.2f %.2f %s\n", $1 - $4, $2 - $5, $3 }'; }
		row="| $size MiB | default${flags:+ $flags} | $(cell "$cat_t") | $(cell "$cp_t") | $(cell "$set_t") |"
		row="$row $(ratio "$(less_cp "$set_t" "$cp_t")" "$cat_t") | $(cell "$rep_t") |"
		row="$row $(ratio "$(less_cp "$rep_t" "$cp_t")" "$cat_t") |"
		if [ -n "$old" ]; then
			oset_t=$(measure oset "$dir/out" bash -c 'edit "$0" set-command-line "console=ttyS0 quiet"' "$old")
			orep_t=$(measure orep "$dir/out" bash -c 'edit "$0" replace-initrd "$dir/initrd"' "$old")
			row="$row $(cell "$oset_t") | $(cell "$orep_t") |"
		fi
		echo "$row"
	done
	rm -f "$dir/initrd" "$dir/image" "$dir/out"
done
