#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make-kexec-initramfs.sh OUT.cpio INIT [SOURCE=DEST]...
#
# Writes a newc cpio for a QEMU guest: busybox-static as /bin/busybox, the
# script INIT as /init, and each SOURCE file at the absolute path DEST. A
# dynamically linked SOURCE brings its program interpreter and every shared
# library it needs (DT_NEEDED, followed recursively), each at the path it has
# on this machine. The libraries are found by reading ELF headers with
# readelf: no program is run on this machine. No root needed.
# On failure: one line on stderr naming the reason, exit status 1.
# MKELFIMAGE_BUSYBOX names the busybox to use (default: /bin/busybox, then PATH).
set -u

fail() {
	echo "$*" >&2
	exit 1
}

[ $# -ge 2 ] || fail "usage: $0 OUT.cpio INIT [SOURCE=DEST]..."
out=$1 init=$2
shift 2

command -v cpio >/dev/null 2>&1 || fail "no cpio (install cpio)"
command -v readelf >/dev/null 2>&1 || fail "no readelf (install binutils)"
[ -f "$init" ] || fail "no init script $init"
busybox=${MKELFIMAGE_BUSYBOX:-}
if [ -z "$busybox" ]; then
	if [ -x /bin/busybox ]; then busybox=/bin/busybox; else busybox=$(command -v busybox) || :; fi
fi
[ -n "$busybox" ] && [ -x "$busybox" ] || fail "no busybox (install busybox-static)"
if readelf -lW "$busybox" 2>/dev/null | grep -q 'INTERP'; then
	fail "$busybox is dynamically linked (install busybox-static)"
fi

stage=$(mktemp -d "${TMPDIR:-/tmp}/mkelfimage-guest.XXXXXX") || fail "cannot create a staging directory"
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/bin" "$stage/dev" "$stage/proc" "$stage/sys" &&
	cp "$busybox" "$stage/bin/busybox" &&
	cp "$init" "$stage/init" && chmod 755 "$stage/init" || fail "cannot stage busybox and /init"

# put SOURCE DEST: copy SOURCE (following symbolic links) to DEST in the stage.
put() {
	[ -e "$stage$2" ] && return 0
	mkdir -p "$stage$(dirname "$2")" && cp -L "$1" "$stage$2" || fail "cannot stage $1 as $2"
}

# The directories the dynamic loader searches by default, plus ld.so.conf's.
lib_dirs="/lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib64 /usr/lib64 /lib /usr/lib"
for conf in /etc/ld.so.conf.d/*.conf; do
	[ -f "$conf" ] && lib_dirs="$lib_dirs $(grep '^/' "$conf" | tr '\n' ' ')"
done

# find_lib NAME: the first NAME in the library directories.
find_lib() {
	for dir in $lib_dirs; do
		[ -f "$dir/$1" ] && echo "$dir/$1" && return 0
	done
	return 1
}

# add_needed FILE: the interpreter and libraries FILE needs, recursively.
add_needed() {
	interp=$(readelf -lW "$1" 2>/dev/null | sed -n 's/.*\[Requesting program interpreter: \(.*\)\]/\1/p')
	[ -n "$interp" ] && put "$interp" "$interp"
	for lib in $(readelf -dW "$1" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
		path=$(find_lib "$lib") || fail "$1 needs $lib, not found in: $lib_dirs"
		[ -e "$stage$path" ] && continue
		put "$path" "$path"
		add_needed "$path"
	done
}

for pair in "$@"; do
	source=${pair%%=*} dest=${pair#*=}
	[ "$source" != "$pair" ] && [ "${dest#/}" != "$dest" ] || fail "not SOURCE=/DEST: $pair"
	[ -f "$source" ] || fail "no file $source"
	put "$source" "$dest"
	add_needed "$source"
done

# Sorted names, time 0, owner 0:0, --reproducible: the same inputs give the same bytes.
find "$stage" -exec touch -h -d @0 {} + || fail "cannot set the time stamps in $stage"
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort |
	cpio -o -H newc -R 0:0 --reproducible --quiet) >"$out" || fail "cpio failed writing $out"
