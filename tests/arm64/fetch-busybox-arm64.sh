#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# fetch-busybox-arm64.sh [CACHE_DIR]
#
# Prints the path of Debian's busybox-static:arm64 binary, fetched with
# apt-get download (the arm64 architecture must be added: dpkg
# --add-architecture arm64; apt-get update) and unpacked with dpkg-deb into
# CACHE_DIR/busybox-static-arm64/. An unpacked one is reused. CACHE_DIR
# defaults to $MKELFIMAGE_KERNEL_CACHE, then $top_builddir/tests/kernel/cache.
# On failure: one line on stderr naming the reason, exit status 1.
set -u

fail() {
	echo "$*" >&2
	exit 1
}

cache=${1:-${MKELFIMAGE_KERNEL_CACHE:-${top_builddir:-.}/tests/kernel/cache}}
fetch_timeout=${MKELFIMAGE_FETCH_TIMEOUT:-600}
for tool in apt-get dpkg-deb timeout; do
	command -v "$tool" >/dev/null 2>&1 || fail "no $tool (not a Debian system?)"
done
mkdir -p "$cache" && cache=$(cd "$cache" && pwd) || fail "cannot create the cache directory"
if command -v flock >/dev/null 2>&1; then
	exec 9>"$cache/.lock" || fail "cannot open $cache/.lock"
	flock -w "$fetch_timeout" 9 || fail "timed out waiting for the lock on $cache"
fi
dest=$cache/busybox-static-arm64
if [ -x "$dest/bin/busybox" ]; then
	echo "$dest/bin/busybox"
	exit 0
fi
tmp=$(mktemp -d "$cache/.fetch.XXXXXX") || fail "cannot create a directory in $cache"
trap 'rm -rf "$tmp"' EXIT
log=$(cd "$tmp" && LC_ALL=C timeout -k 10 "$fetch_timeout" apt-get download -q \
	-o Acquire::http::Timeout=30 -o Acquire::Retries=2 busybox-static:arm64 2>&1)
deb=
for f in "$tmp"/busybox-static_*_arm64.deb; do
	[ -f "$f" ] && deb=$f
done
if [ -z "$deb" ]; then
	reason=$(printf '%s\n' "$log" | grep '^E:' | head -n 1)
	fail "apt-get download busybox-static:arm64: ${reason:-$(printf '%s\n' "$log" | tail -n 1)} (dpkg --add-architecture arm64 && apt-get update)"
fi
dpkg-deb -x "$deb" "$tmp/root" || fail "dpkg-deb -x $(basename "$deb") failed"
[ -x "$tmp/root/bin/busybox" ] || fail "$(basename "$deb") holds no bin/busybox"
rm -rf "$dest"
mkdir "$dest" && mv "$tmp/root/bin" "$dest/bin" || fail "cannot move busybox into $dest"
echo "$dest/bin/busybox"
