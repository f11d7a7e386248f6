#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Seed corpus for one fuzz target, generated in the build tree so no binary
# is checked in: the probe kernels and every bad kernel of tests/bad.
# Usage: make-seeds.sh TARGET TOP_SRCDIR TOP_BUILDDIR OUTDIR
set -eu
target=$1 srcdir=$2 builddir=$3 out=$4
probe=$builddir/tests/probe
rm -rf "$out"
mkdir -p "$out"

case $target in
bzimage)
	sh "$srcdir/tests/bad/make-bad-kernels.sh" "$probe/probe-2.15-reloc.bzImage" \
		"$probe/mkprobe" "$probe" "$out"
	cp "$probe/probe-2.15-reloc.bzImage" "$probe/probe-2.02.bzImage" "$out/"
	;;
*)
	echo "make-seeds.sh: no seeds known for '$target'" >&2
	exit 1
	;;
esac
