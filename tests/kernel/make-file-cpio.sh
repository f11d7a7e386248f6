#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make-file-cpio.sh OUT.cpio PATH TEXT
#
# Writes a newc cpio holding one file, PATH (absolute, e.g. /etc/token), whose
# contents are TEXT and a newline, with its parent directories. Joined after
# another initramfs, the kernel unpacks it over the first one.
# On failure: one line on stderr naming the reason, exit status 1.
set -u

fail() {
	echo "$*" >&2
	exit 1
}

[ $# -eq 3 ] || fail "usage: $0 OUT.cpio PATH TEXT"
out=$1 path=${2#/} text=$3
[ -n "$path" ] || fail "PATH names no file"
command -v cpio >/dev/null 2>&1 || fail "no cpio (install cpio)"

stage=$(mktemp -d "${TMPDIR:-/tmp}/mkelfimage-cpio.XXXXXX") || fail "cannot create a staging directory"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$(dirname "$path")" &&
	printf '%s\n' "$text" >"$stage/$path" || fail "cannot stage $path"

# Sorted names, time 0, owner 0:0, --reproducible: the same inputs give the same bytes.
find "$stage" -exec touch -h -d @0 {} + || fail "cannot set the time stamps in $stage"
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort |
	cpio -o -H newc -R 0:0 --reproducible --quiet) >"$out" || fail "cpio failed writing $out"
