#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make-initramfs.sh OUT.cpio MARKER [SHOW_FILE...]
#
# Writes a newc cpio holding busybox-static as /bin/busybox and an /init that
# prints, one line each, prefixed "mkelfimage-init: " (kernel messages are
# silenced first so they cannot cut into these lines):
#   MARKER
#   cmdline=<contents of /proc/cmdline>
#   files: <the names in />
#   SHOW_FILE=<its contents>          (or SHOW_FILE=missing), for each SHOW_FILE
# and then powers the machine off. No root needed.
# On failure: one line on stderr naming the reason, exit status 1.
# MKELFIMAGE_BUSYBOX names the busybox to use (default: /bin/busybox, then PATH).
set -u

fail() {
	echo "$*" >&2
	exit 1
}

[ $# -ge 2 ] || fail "usage: $0 OUT.cpio MARKER [SHOW_FILE...]"
out=$1 marker=$2
shift 2

command -v cpio >/dev/null 2>&1 || fail "no cpio (install cpio)"
busybox=${MKELFIMAGE_BUSYBOX:-}
if [ -z "$busybox" ]; then
	if [ -x /bin/busybox ]; then busybox=/bin/busybox; else busybox=$(command -v busybox) || :; fi
fi
[ -n "$busybox" ] && [ -x "$busybox" ] || fail "no busybox (install busybox-static)"
# The initramfs has no libraries: the busybox must be static (no PT_INTERP).
command -v readelf >/dev/null 2>&1 || fail "no readelf (install binutils)"
readelf -lW "$busybox" 2>/dev/null | grep -q 'LOAD' || fail "$busybox is not an ELF executable"
if readelf -lW "$busybox" | grep -q 'INTERP'; then
	fail "$busybox is dynamically linked (install busybox-static)"
fi

stage=$(mktemp -d "${TMPDIR:-/tmp}/mkelfimage-initramfs.XXXXXX") || fail "cannot create a staging directory"
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/bin" "$stage/dev" "$stage/proc" "$stage/etc" &&
	cp "$busybox" "$stage/bin/busybox" || fail "cannot stage busybox"

# quote TEXT: TEXT as one single-quoted sh word.
quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

{
	cat <<'EOF_INIT'
#!/bin/busybox sh
bb=/bin/busybox
# It mounts /proc and powers off: only as the first process of a booted kernel.
[ "$$" = 1 ] || { echo "mkelfimage-init: not process 1, not running" >&2; exit 1; }
show() {
	if [ -f "$1" ]; then echo "mkelfimage-init: $1=$($bb cat "$1")"; else echo "mkelfimage-init: $1=missing"; fi
}
$bb mount -t proc proc /proc
# Only emergencies from the kernel from now on: nothing cuts into our lines.
echo 1 >/proc/sys/kernel/printk
EOF_INIT
	echo "echo \"mkelfimage-init: \"$(quote "$marker")"
	cat <<'EOF_INIT'
echo "mkelfimage-init: cmdline=$($bb cat /proc/cmdline)"
echo "mkelfimage-init: files:" $($bb ls -A /)
EOF_INIT
	for f in "$@"; do echo "show $(quote "$f")"; done
	echo '$bb poweroff -f'
} >"$stage/init" && chmod 755 "$stage/init" || fail "cannot write $stage/init"

# Sorted names, time 0, owner 0:0, --reproducible: the same inputs give the same bytes.
find "$stage" -exec touch -h -d @0 {} + || fail "cannot set the time stamps in $stage"
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort |
	cpio -o -H newc -R 0:0 --reproducible --quiet) >"$out" || fail "cpio failed writing $out"
