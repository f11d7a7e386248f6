#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A build stopped by any catchable terminating signal (SIGHUP, SIGINT,
# SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM, SIGXCPU, SIGVTALRM,
# SIGPROF, a real-time signal) in the middle of copying the initrd leaves no
# temporary file and no partial output, and an existing output stays as it
# was (mkelfimage/output.c removes the temporary file in its signal handler,
# then dies of the signal).
#
# Deterministic, no timing: strace stops mkelfimage with SIGSTOP when it
# enters its second payload copy (the kernel is copied first, the initrd
# second); the test sees the temporary file, sends the signal, then SIGCONT.
. "$top_srcdir/tests/lib.sh"
# In a sanitizer build: LeakSanitizer cannot run under ptrace (strace)
ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export ASAN_OPTIONS

command -v strace >/dev/null ||
	skip_all "strace not found (Debian package strace): it stops mkelfimage at a chosen system call"
good=$PROBE_DIR/probe-2.15-reloc.bzImage
# A sparse initrd: large enough that its copy is a separate system call.
truncate -s 64M "$work/rd.img"

# The payload copy: copy_file_range, or pwrite64 where it is not available
# (the stub, the command line, the kernel and then the initrd are written).
copy_call=copy_file_range when=2
if ! strace -f -o /dev/null -e trace=copy_file_range "$MKELFIMAGE" --kernel "$good" \
	--initrd "$work/rd.img" -o "$work/probe.elf" 2>/dev/null ||
   ! strace -f -e trace=copy_file_range "$MKELFIMAGE" --kernel "$good" --initrd "$work/rd.img" \
	-o "$work/probe.elf" 2>&1 >/dev/null | grep -q '^\(\[pid *[0-9]*\] \)\?copy_file_range(.* = [0-9]'; then
	copy_call=pwrite64 when=4
fi

# children PID: the first child of a process (strace's tracee)
children() {
	tr -s ' ' '\n' <"/proc/$1/task/$1/children" 2>/dev/null | sed -n 1p
}

# SIGQUIT and SIGXCPU dump core: not here.
ulimit -c 0
for signal in HUP:1 INT:2 QUIT:3 USR1:10 USR2:12 PIPE:13 ALRM:14 TERM:15 XCPU:24 VTALRM:26 PROF:27 \
	      RTMIN:34 RTMAX:64; do
	sig=${signal%:*} signum=${signal#*:}
	dir=$work/$sig
	mkdir -p "$dir"
	printf 'previous output\n' >"$dir/boot.elf"
	# env --default-signal: a shell starts background commands with SIGINT and SIGQUIT ignored.
	env --default-signal=INT,QUIT strace -f -o "$dir/strace.log" -e trace=$copy_call \
		-e inject=$copy_call:signal=SIGSTOP:when=$when \
		"$MKELFIMAGE" --kernel "$good" --initrd "$work/rd.img" -o "$dir/boot.elf" \
		>/dev/null 2>"$dir/stderr" &
	tracer=$!
	# Wait (bounded by a count, not a time assertion) until strace reports
	# mkelfimage stopped in its group-stop (not one of its per-call stops).
	tries=0
	while [ $tries -lt 600 ] && kill -0 $tracer 2>/dev/null &&
	      ! grep -q 'stopped by SIGSTOP' "$dir/strace.log" 2>/dev/null; do
		tries=$((tries + 1))
		sleep 0.1
	done
	tracee=$(children $tracer)
	temp=$(cd "$dir" && ls -A | grep '^\.boot\.elf\.' | tr '\n' ' ')
	check "SIG$sig: mkelfimage is stopped mid-copy with its temporary file present" \
		test -n "$tracee" -a -n "$temp"
	[ -n "$tracee" ] && kill -"$signum" "$tracee" 2>/dev/null
	[ -n "$tracee" ] && kill -CONT "$tracee" 2>/dev/null
	status=0
	wait $tracer || status=$?
	check_eq "SIG$sig: mkelfimage dies of the signal" "$((128 + signum))" "$status"
	left=$(ls -A "$dir" | grep -v '^strace.log$\|^stderr$' | tr '\n' ' ')
	check_eq "SIG$sig: no temporary file and no partial output remain" "boot.elf " "$left"
	check_eq "SIG$sig: the existing output is unchanged" "previous output" "$(cat "$dir/boot.elf")"
done

# Without an existing output, nothing at all appears.
dir=$work/fresh
mkdir -p "$dir"
strace -f -o /dev/null -e trace=$copy_call -e inject=$copy_call:signal=SIGTERM:when=$when \
	"$MKELFIMAGE" --kernel "$good" --initrd "$work/rd.img" -o "$dir/boot.elf" >/dev/null 2>&1
check_eq "SIGTERM without an existing output: the directory stays empty" "" "$(ls -A "$dir")"
tap_done
