#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# fetch-debian-kernel.sh META_PACKAGE [CACHE_DIR]
#
# Prints the path of the vmlinuz of the Debian kernel package that
# META_PACKAGE (e.g. linux-image-cloud-amd64, or linux-image-cloud-arm64:arm64
# for a foreign architecture added with dpkg --add-architecture) depends on, fetched with
# apt-get download; its boot/ is unpacked with dpkg-deb into CACHE_DIR/PACKAGE/.
# An already unpacked kernel is reused. CACHE_DIR defaults to
# $MKELFIMAGE_KERNEL_CACHE, then $top_builddir/tests/kernel/cache.
# On failure: one line on stderr naming the reason, exit status 1.
# Network steps run under timeout (MKELFIMAGE_FETCH_TIMEOUT seconds, 600).
set -u

fail() {
	echo "$*" >&2
	exit 1
}

[ $# -ge 1 ] && [ $# -le 2 ] || fail "usage: $0 META_PACKAGE [CACHE_DIR]"
meta=$1
cache=${2:-${MKELFIMAGE_KERNEL_CACHE:-${top_builddir:-.}/tests/kernel/cache}}
fetch_timeout=${MKELFIMAGE_FETCH_TIMEOUT:-600}

for tool in apt-cache apt-get dpkg-deb timeout; do
	command -v "$tool" >/dev/null 2>&1 || fail "no $tool (not a Debian system?)"
done
mkdir -p "$cache" || fail "cannot create the cache directory $cache"
cache=$(cd "$cache" && pwd) || fail "cannot enter the cache directory"

# One fetch at a time per cache (tests run in parallel under make -j).
if command -v flock >/dev/null 2>&1; then
	exec 9>"$cache/.lock" || fail "cannot open $cache/.lock"
	flock -w "$fetch_timeout" 9 || fail "timed out waiting for the lock on $cache"
fi

# vmlinuz_in DIR: the one boot/vmlinuz-* of an unpacked package, if any.
vmlinuz_in() {
	for _v in "$1"/boot/vmlinuz-*; do
		[ -f "$_v" ] && echo "$_v" && return 0
	done
	return 1
}

# The versioned package: the first "Depends: linux-image-..." of the meta
# package. The resolution is remembered, so a cache works without package lists.
deps=$(LC_ALL=C timeout -k 10 60 apt-cache depends "$meta" 2>&1)
status=$?
pkg=$(printf '%s\n' "$deps" | sed -n 's/^ *|\{0,1\}Depends: *\(linux-image-[A-Za-z0-9.+-]*\(:[a-z0-9]*\)\{0,1\}\).*/\1/p' | head -n 1)
if [ -z "$pkg" ]; then
	if [ -f "$cache/$meta.package" ]; then
		pkg=$(cat "$cache/$meta.package")
	elif [ "$status" -ne 0 ]; then
		fail "apt-cache depends $meta: $(printf '%s\n' "$deps" | tail -n 1) (unknown package, or no package lists: apt-get update)"
	else
		fail "apt-cache depends $meta: no 'Depends: linux-image-...' line"
	fi
else
	echo "$pkg" >"$cache/$meta.package"
fi

if vmlinuz_in "$cache/$pkg"; then
	exit 0
fi

# Download and unpack in a scratch directory inside the cache, then rename.
tmp=$(mktemp -d "$cache/.fetch.XXXXXX") || fail "cannot create a directory in $cache"
trap 'rm -rf "$tmp"' EXIT
log=$(cd "$tmp" && LC_ALL=C timeout -k 10 "$fetch_timeout" apt-get download -q \
	-o Acquire::http::Timeout=30 -o Acquire::Retries=2 "$pkg" 2>&1)
status=$?
deb=
for f in "$tmp/${pkg%%:*}"_*.deb; do
	[ -f "$f" ] && deb=$f
done
if [ -z "$deb" ]; then
	reason=$(printf '%s\n' "$log" | grep '^E:' | head -n 1)
	[ "$status" -eq 124 ] && reason="timed out after ${fetch_timeout} s"
	[ -n "$reason" ] || reason=$(printf '%s\n' "$log" | tail -n 1)
	[ "$(id -u)" = 0 ] || reason="$reason (not root: check that $cache is writable and the package lists are readable)"
	fail "apt-get download $pkg: ${reason:-exit status $status}"
fi
# Only boot/ is kept: the modules of the generic kernel take ~400 MB unpacked.
mkdir "$tmp/root" || fail "cannot create $tmp/root"
dpkg-deb --fsys-tarfile "$deb" | tar -xf - -C "$tmp/root" ./boot ||
	fail "dpkg-deb --fsys-tarfile $(basename "$deb") | tar -x ./boot failed"
vmlinuz_in "$tmp/root" >/dev/null || fail "$(basename "$deb") holds no boot/vmlinuz-*"
rm -rf "${cache:?}/${pkg:?}"
mv "$tmp/root" "$cache/$pkg" || fail "cannot rename the unpacked package into $cache/$pkg"
vmlinuz_in "$cache/$pkg"
