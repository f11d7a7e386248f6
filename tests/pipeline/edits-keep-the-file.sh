#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# An edit replaces the user's only copy, so it keeps what the user set up
# (issue 15): the mode and, as root, the owner; an IMAGE that is a symlink
# edits the file it names and the link stays; another hard link keeps the
# old image (documented: the edit replaces the directory entry). The new
# image is synced before the rename and its directory after (a build does
# the same with --sync, not without). Two edits of one image at once both
# land: the second waits for the first one's lock, then edits its result.
. "$top_srcdir/tests/lib.sh"
# In a sanitizer build: LeakSanitizer cannot run under ptrace (strace)
ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export ASAN_OPTIONS

good=$PROBE_DIR/probe-2.15-reloc.bzImage
printf '070701 initrd\n' >"$work/rd.img"
"$MKELFIMAGE" --kernel "$good" --initrd "$work/rd.img" --command-line "old=1" --digests -o "$work/base.elf"

# cmdline IMAGE: the image's built-in command line
cmdline() {
	rm -f "$work/c"
	"$MKELFIMAGE" extract "$1" --command-line-file "$work/c" && cat "$work/c"
}

cp "$work/base.elf" "$work/private.elf"
chmod 0600 "$work/private.elf"
"$MKELFIMAGE" set-command-line "$work/private.elf" "new=1"
check_eq "an edit keeps the mode (0600)" "600 new=1" "$(stat -c %a "$work/private.elf") $(cmdline "$work/private.elf")"
chmod 0751 "$work/private.elf"
"$MKELFIMAGE" replace-initrd "$work/private.elf" "$work/rd.img"
check_eq "an edit keeps the mode (0751)" "751" "$(stat -c %a "$work/private.elf")"
if [ "$(id -u)" = 0 ]; then
	chown 65534:65534 "$work/private.elf"
	"$MKELFIMAGE" set-command-line "$work/private.elf" "owner=1"
	check_eq "as root, an edit keeps the owner and group" "65534:65534 751" "$(stat -c '%u:%g %a' "$work/private.elf")"
else
	tap_skip "as root, an edit keeps the owner and group" "not root: only root may give a file away"
fi

mkdir -p "$work/links"
cp "$work/base.elf" "$work/links/boot.elf"
ln -s boot.elf "$work/links/link.elf"
"$MKELFIMAGE" set-command-line "$work/links/link.elf" "through=link"
check "an edit through a symlink: the link stays a link to the same name" \
	test -L "$work/links/link.elf" -a "$(readlink "$work/links/link.elf")" = boot.elf
check_eq "... and the file it names is edited" "through=link" "$(cmdline "$work/links/boot.elf")"
ln "$work/links/boot.elf" "$work/links/hard.elf"
"$MKELFIMAGE" set-command-line "$work/links/boot.elf" "after=hard"
check_eq "an edit replaces the directory entry: another hard link keeps the old image" \
	"after=hard through=link" "$(cmdline "$work/links/boot.elf") $(cmdline "$work/links/hard.elf")"
check_eq "nothing else left beside the image" "boot.elf hard.elf link.elf " "$(ls -A "$work/links" | tr '\n' ' ')"

# Durable: fsync of the new file, then the rename, then fsync of the directory.
if command -v strace >/dev/null; then
	# order LOG: the traced calls in order, one word each
	order() {
		sed -n 's/^\([0-9][0-9]*  *\)\{0,1\}\(fsync\|rename\|renameat2\)(.*/\2/p' "$1" | tr '\n' ' '
	}
	cp "$work/base.elf" "$work/durable.elf"
	strace -f -o "$work/edit.trace" -e trace=fsync,rename,renameat2 \
		"$MKELFIMAGE" set-command-line "$work/durable.elf" "durable=1"
	check_eq "an edit: fsync, rename, fsync of the directory" "fsync rename fsync " "$(order "$work/edit.trace")"
	strace -f -o "$work/sync.trace" -e trace=fsync,rename,renameat2 \
		"$MKELFIMAGE" --kernel "$good" -o "$work/sync.elf" --manifest "$work/sync.json" --sync
	check_eq "a build with --sync and a new manifest: both synced, renamed, both directories synced" \
		"fsync fsync rename rename fsync fsync " "$(order "$work/sync.trace")"
	strace -f -o "$work/plain.trace" -e trace=fsync,rename,renameat2 \
		"$MKELFIMAGE" --kernel "$good" -o "$work/sync.elf"
	check_eq "a build without --sync does not sync" "rename " "$(order "$work/plain.trace")"
else
	tap_skip "an edit: fsync, rename, fsync of the directory" "strace not found (Debian package strace)"
fi

# Two edits at once: the first is stopped (strace) in the middle of copying
# the new initrd; the second starts, and must wait for the first's lock.
if command -v strace >/dev/null; then
	truncate -s 16M "$work/big.img"
	cp "$work/base.elf" "$work/both.elf"
	start_stopped "$work/first.trace" "-e trace=copy_file_range,pwrite64 -e inject=copy_file_range,pwrite64:signal=SIGSTOP:when=3" \
		"$MKELFIMAGE" replace-initrd "$work/both.elf" "$work/big.img" 2>"$work/first.err"
	"$MKELFIMAGE" set-command-line "$work/both.elf" "second=1" 2>"$work/second.err" &
	second=$!
	sleep 1   # the second edit's chance to run ahead: it must not
	running=0
	kill -0 $second 2>/dev/null && running=1
	check_eq "the second edit waits while the first holds the image" "1 1" "$running $([ -n "$stopped_pid" ] && echo 1)"
	[ -n "$stopped_pid" ] && kill -CONT "$stopped_pid"
	first_status=0 second_status=0
	wait "$stopped_tracer" || first_status=$?
	wait $second || second_status=$?
	rm -f "$work/i"
	"$MKELFIMAGE" extract "$work/both.elf" --initrd "$work/i"
	check_eq "both edits exit 0 and both land: the first's initrd, the second's command line" \
		"0 0 16777216 second=1" "$first_status $second_status $(file_size "$work/i") $(cmdline "$work/both.elf")"
else
	tap_skip "two edits at once both land" "strace not found (Debian package strace)"
fi
tap_done
