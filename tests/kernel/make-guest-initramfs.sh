#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make-guest-initramfs.sh OUT.cpio INIT [SOURCE=DEST]...
#
# Writes a reproducible newc cpio for a QEMU guest: busybox-static as
# /bin/busybox, the script INIT as /init, and each SOURCE file at the
# absolute path DEST. A dynamically linked SOURCE brings its program
# interpreter and every shared library it needs (DT_NEEDED, followed
# recursively), each at the path it has on this machine; 32-bit x86 files
# take theirs from the i386 multiarch directories. The libraries are found
# by reading ELF headers with readelf: no program is run on this machine.
# No root needed. The same inputs give the same bytes (sorted names, time 0,
# owner 0:0).
# On failure: one line on stderr naming the reason, exit status 1.
# MKELFIMAGE_BUSYBOX names the busybox to use (default: /bin/busybox, then
# PATH); an i386 guest needs an i386 busybox-static here.
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
[ -n "$busybox" ] && [ -f "$busybox" ] || fail "no busybox (install busybox-static)"
if readelf -lW "$busybox" 2>/dev/null | grep -q 'INTERP'; then
	fail "$busybox is dynamically linked (install busybox-static)"
fi

stage=$(mktemp -d "${TMPDIR:-/tmp}/mkelfimage-guest.XXXXXX") || fail "cannot create a staging directory"
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/bin" "$stage/dev" "$stage/proc" "$stage/sys" &&
	cp "$busybox" "$stage/bin/busybox" && chmod 755 "$stage/bin/busybox" &&
	cp "$init" "$stage/init" && chmod 755 "$stage/init" || fail "cannot stage busybox and /init"

# put SOURCE DEST: copy SOURCE (following symbolic links) to DEST in the stage.
put() {
	[ -e "$stage$2" ] && return 0
	mkdir -p "$stage$(dirname "$2")" && cp -L "$1" "$stage$2" || fail "cannot stage $1 as $2"
}

# lib_dirs FILE: the directories the dynamic loader searches for FILE's
# libraries by default (by its ELF class and machine), plus ld.so.conf's.
lib_dirs() {
	case $(readelf -hW "$1" 2>/dev/null | sed -n 's/^ *Machine: *//p') in
	*80386*) echo "/lib/i386-linux-gnu /usr/lib/i386-linux-gnu /lib32 /usr/lib32 /lib /usr/lib" ;;
	*)
		echo "/lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib64 /usr/lib64 /lib /usr/lib"
		for _conf in /etc/ld.so.conf.d/*.conf; do
			[ -f "$_conf" ] && grep '^/' "$_conf" | tr '\n' ' '
		done
		;;
	esac
}

# find_lib NAME DIRS: the first NAME in DIRS.
find_lib() {
	for _dir in $2; do
		[ -f "$_dir/$1" ] && echo "$_dir/$1" && return 0
	done
	return 1
}

# add_needed FILE: the interpreter and libraries FILE needs, recursively.
add_needed() {
	_interp=$(readelf -lW "$1" 2>/dev/null | sed -n 's/.*\[Requesting program interpreter: \(.*\)\]/\1/p')
	[ -n "$_interp" ] && put "$_interp" "$_interp"
	_dirs=$(lib_dirs "$1")
	for _lib in $(readelf -dW "$1" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
		_path=$(find_lib "$_lib" "$_dirs") || fail "$1 needs $_lib, not found in: $_dirs"
		[ -e "$stage$_path" ] && continue
		put "$_path" "$_path"
		add_needed "$_path"
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
