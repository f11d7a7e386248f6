#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The same inputs give the same image and the same manifest from any working
# directory, under any SOURCE_DATE_EPOCH, time zone, locale or umask, with
# the initrd recompressed or not (nothing in an image or a manifest records
# a time, a host or a directory).
. "$top_srcdir/tests/lib.sh"

command -v cpio >/dev/null 2>&1 || skip_all "no cpio (install cpio)"
for dir in one "two/deeper/down"; do
	mkdir -p "$work/$dir/in"
	cp "$PROBE_DIR/probe-2.15-reloc.bzImage" "$work/$dir/in/kernel"
done
mkdir "$work/tree" && seq 1 20000 >"$work/tree/data"
(cd "$work/tree" && find . | LC_ALL=C sort | cpio -o -H newc 2>/dev/null) >"$work/one/in/rd.cpio"
cp "$work/one/in/rd.cpio" "$work/two/deeper/down/in/rd.cpio"

# build DIR EPOCH TZ UMASK NAME [OPTIONS]: a build from inside DIR, relative paths only
build() {
	_dir=$1 _epoch=$2 _tz=$3 _umask=$4 _name=$5
	shift 5
	(cd "$work/$_dir" && umask "$_umask" && SOURCE_DATE_EPOCH=$_epoch TZ=$_tz LC_ALL=C \
		"$MKELFIMAGE" --kernel in/kernel --initrd in/rd.cpio --command-line "console=ttyS0" \
		-o "$_name.elf" --manifest "$_name.json" "$@" >/dev/null) || echo "build failed" >&2
}
for compress in keep xz gzip; do
	set -- ; [ "$compress" = keep ] || set -- --compress-initrd "$compress"
	build one 0 UTC 022 "$compress" "$@"
	sleep 1
	build "two/deeper/down" 1700000000 Asia/Tokyo 077 "$compress" "$@"
	check "$compress: same image from another directory, epoch, time zone and umask" \
		cmp "$work/one/$compress.elf" "$work/two/deeper/down/$compress.elf"
	check "$compress: same manifest too" cmp "$work/one/$compress.json" "$work/two/deeper/down/$compress.json"
done
tap_done
