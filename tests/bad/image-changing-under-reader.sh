#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# An image that shrinks while inspect, extract or an edit reads it is one
# error line and exit status 2, not a death by SIGBUS, and leaves no file
# (mkelfimage/output.h, output_guard_mapping); one that grows while extract
# or an edit reads it is refused before any output is renamed
# (imageread_check_unchanged).
#
# strace stops the command with SIGSTOP right after it maps the image (-P:
# only the calls on that file); the test changes the file, then SIGCONT.
. "$top_srcdir/tests/lib.sh"

command -v strace >/dev/null ||
	skip_all "strace not found (Debian package strace): it stops mkelfimage at a chosen system call"
# In a sanitizer build: mkelfimage's own SIGBUS handler is what is tested, so
# ASan must not take the signal first; LeakSanitizer cannot run under ptrace.
ASAN_OPTIONS="handle_sigbus=0:detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export ASAN_OPTIONS
good=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 200000 /dev/urandom >"$work/rd.img"
"$MKELFIMAGE" --kernel "$good" --initrd "$work/rd.img" --digests -o "$work/base.elf"

# changed NAME HOW COMMAND ARGS...: IMAGE in ARGS is the image; HOW is
# truncate's size argument
changed() {
	c_name=$1 c_how=$2
	shift 2
	dir=$work/$tap_count
	mkdir -p "$dir"
	cp "$work/base.elf" "$dir/t.elf"
	image=$dir/t.elf
	c_cmd=$1
	shift
	set -- "$c_cmd" "$image" "$@"
	(cd "$dir" && start_stopped "$work/strace.$tap_count.log" "-P $image -e trace=mmap -e inject=mmap:signal=SIGSTOP" \
		"$MKELFIMAGE" "$@" >/dev/null 2>"$work/stderr"
	 truncate -s "$c_how" "$image"
	 [ -n "$stopped_pid" ] && kill -CONT "$stopped_pid"
	 status=0
	 wait "$stopped_tracer" || status=$?
	 echo "$status" >"$work/status")
}

for cmd in inspect "extract --initrd out.img" "set-command-line x=1" "replace-initrd $work/rd.img"; do
	# shellcheck disable=SC2086 # the words of the command
	changed "$cmd" 0 $cmd
	check_eq "${cmd%% *}, the image cut to 0 bytes while mapped: exit 2 and one line" \
		"2 mkelfimage: image '$image': file shrank while being read" "$(cat "$work/status") $(cat "$work/stderr")"
	check_eq "${cmd%% *}: no file left beside the image" "t.elf" "$(ls -A "$dir" | tr '\n' ' ' | sed 's/ $//')"
done
changed grows +100 extract --kernel k --initrd i
size=$(file_size "$work/base.elf")
check_eq "extract, the image grown by 100 bytes while read: exit 2 and one line" \
	"2 mkelfimage: image '$image': file changed while being read ($size bytes, now $((size + 100))); nothing written" \
	"$(cat "$work/status") $(cat "$work/stderr")"
check_eq "extract, the image grown: no output written" "t.elf" "$(ls -A "$dir" | tr '\n' ' ' | sed 's/ $//')"
changed grows +100 set-command-line x=1
check_eq "set-command-line, the image grown by 100 bytes while read: exit 2 and one line" \
	"2 mkelfimage: image '$image': file changed while being read ($size bytes, now $((size + 100))); nothing written" \
	"$(cat "$work/status") $(cat "$work/stderr")"
check_eq "set-command-line, the image grown: left as the other writer made it, nothing beside it" \
	"$((size + 100)) t.elf" "$(file_size "$image") $(ls -A "$dir" | tr '\n' ' ' | sed 's/ $//')"
tap_done
