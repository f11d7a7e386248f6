#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# set-command-line and replace-initrd stopped by SIGINT or SIGTERM in the
# middle of copying leave the image as it was, nothing beside it and nothing
# in TMPDIR: the edits rebuild from the image's own bytes (mkelfimage/edit.c)
# with no scratch copy, and the new image's temporary file goes with the
# signal (mkelfimage/output.c).
#
# strace stops the edit with SIGSTOP when it enters its second payload copy
# (the kernel is copied first, the initrd second); then the signal, then
# SIGCONT.
. "$top_srcdir/tests/lib.sh"
# In a sanitizer build: LeakSanitizer cannot run under ptrace (strace)
ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export ASAN_OPTIONS

command -v strace >/dev/null ||
	skip_all "strace not found (Debian package strace): it stops mkelfimage at a chosen system call"
good=$PROBE_DIR/probe-2.15-reloc.bzImage
# Large sparse initrds: their copy is a separate system call.
truncate -s 32M "$work/rd.img"
truncate -s 33M "$work/new.img"
"$MKELFIMAGE" --kernel "$good" --initrd "$work/rd.img" --command-line "before" -o "$work/base.elf"
copy_call=copy_file_range
strace -f -e trace=copy_file_range "$MKELFIMAGE" set-command-line "$work/base.elf" before 2>&1 >/dev/null |
	grep -q '^\(\[pid *[0-9]*\] \)\?copy_file_range(.* = [0-9]' || copy_call=pwrite64
when=2
[ $copy_call = pwrite64 ] && when=4

for edit in set-command-line replace-initrd; do
	if [ $edit = set-command-line ]; then arg="after"; else arg=$work/new.img; fi
	for signal in INT:2 TERM:15; do
		sig=${signal%:*} signum=${signal#*:}
		dir=$work/$edit-$sig
		mkdir -p "$dir/image" "$dir/tmp"
		cp "$work/base.elf" "$dir/image/boot.elf"
		before=$(cksum <"$dir/image/boot.elf")
		start_stopped "$dir/strace.log" "-e trace=$copy_call -e inject=$copy_call:signal=SIGSTOP:when=$when" \
			env TMPDIR="$dir/tmp" "$MKELFIMAGE" $edit "$dir/image/boot.elf" "$arg" >/dev/null 2>"$dir/stderr"
		temp=$(ls -A "$dir/image" | grep '^\.boot\.elf\.' | tr '\n' ' ')
		check "$edit, SIG$sig: stopped mid-copy with its temporary file present" test -n "$stopped_pid" -a -n "$temp"
		[ -n "$stopped_pid" ] && kill -"$signum" "$stopped_pid" 2>/dev/null
		[ -n "$stopped_pid" ] && kill -CONT "$stopped_pid" 2>/dev/null
		status=0
		wait "$stopped_tracer" || status=$?
		check_eq "$edit, SIG$sig: dies of the signal" "$((128 + signum))" "$status"
		check_eq "$edit, SIG$sig: the image unchanged, nothing beside it, nothing in TMPDIR" \
			"$before boot.elf " "$(cksum <"$dir/image/boot.elf") $(ls -A "$dir/image" | tr '\n' ' ')$(ls -A "$dir/tmp")"
	done
done
tap_done
