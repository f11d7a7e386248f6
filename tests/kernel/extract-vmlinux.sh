#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# extract-vmlinux.sh BZIMAGE OUT: write the vmlinux ELF a bzImage carries.
#
# boot.rst (protocol 2.08+): payload_offset (0x248) and payload_length
# (0x24c) locate the compressed kernel, counted from the start of the
# protected-mode code at (setup_sects + 1) * 512 (setup_sects 0 means 4).
# The payload is decoded by its magic with the matching command-line tool:
# gzip, xz, lz4 (legacy frames, Debian's choice), zstd, bzip2, lzma. The
# kernel appends its decompressed size after some payloads, so each tool is
# told to stop after one stream, or its "trailing garbage" complaint is
# ignored when OUT starts with the ELF magic.
# On failure: one line on stderr, exit status 1.
set -u

fail() {
	echo "$*" >&2
	exit 1
}

[ $# = 2 ] || fail "usage: $0 BZIMAGE OUT"
in=$1 out=$2

# le FILE OFFSET BYTES: an unsigned little-endian number
le() {
	od -An -tu"$3" -j "$2" -N "$3" "$1" | tr -d ' '
}

[ "$(od -An -c -j $((0x202)) -N 4 "$in" | tr -d ' ')" = HdrS ] || fail "$in: no HdrS at 0x202: not a bzImage"
version=$(le "$in" $((0x206)) 2)
[ "$version" -ge $((0x208)) ] || fail "$in: boot protocol $(printf '%#x' "$version") has no payload fields (2.08+)"
setup_sects=$(le "$in" $((0x1f1)) 1)
[ "$setup_sects" = 0 ] && setup_sects=4
offset=$(( (setup_sects + 1) * 512 + $(le "$in" $((0x248)) 4) ))
length=$(le "$in" $((0x24c)) 4)
[ $((offset + length)) -le "$(wc -c <"$in")" ] || fail "$in: the payload runs past the end of the file"

payload=$out.payload
tail -c +$((offset + 1)) "$in" | head -c "$length" >"$payload" || fail "cannot write $payload"
magic=$(od -An -tx1 -N 4 "$payload" | tr -d ' ')
case $magic in
1f8b*)     tool=gzip;  cmd="gzip -dc" ;;
fd377a58)  tool=xz;    cmd="xz -dc --single-stream" ;;
02214c18)  tool=lz4;   cmd="lz4 -dc" ;;
28b52ffd)  tool=zstd;  cmd="zstd -dc" ;;
425a68*)   tool=bzip2; cmd="bzip2 -dc" ;;
5d00*)     tool=lzma;  cmd="xz -dc --format=lzma" ;;
*)         rm -f "$payload"; fail "$in: payload magic $magic: unknown compression" ;;
esac
command -v "$tool" >/dev/null 2>&1 || { rm -f "$payload"; fail "$in: payload is $tool-compressed, but there is no $tool (install the $tool package)"; }
$cmd <"$payload" >"$out" 2>"$out.err"
rm -f "$payload"
if [ "$(od -An -c -N 4 "$out" | tr -d ' ')" != '177ELF' ]; then
	echo "$in: $tool did not give an ELF file: $(head -n 1 "$out.err")" >&2
	rm -f "$out" "$out.err"
	exit 1
fi
rm -f "$out.err"
