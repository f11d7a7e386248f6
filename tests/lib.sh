# SPDX-License-Identifier: GPL-2.0-or-later
# Shared helpers for the TAP test scripts: sourced, never run.
# The environment comes from Makefile.am (AM_TESTS_ENVIRONMENT):
# top_srcdir, top_builddir, MKELFIMAGE, QEMU_X86_64, QEMU_I386.

set -u
: "${top_builddir:?run through make check}"
: "${MKELFIMAGE:=$top_builddir/mkelfimage/mkelfimage}"
PROBE_DIR=$top_builddir/tests/probe
MKPROBE=$PROBE_DIR/mkprobe
CRC32=$top_builddir/tests/tools/crc32

tap_count=0
tap_failed=0

# A scratch directory removed on exit (kept with KEEP_TEST_FILES=1).
work=$(mktemp -d "${TMPDIR:-/tmp}/mkelfimage-test.XXXXXX")
cleanup() { [ "${KEEP_TEST_FILES:-0}" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT

tap_ok() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count - $1"
}

tap_not_ok() {
	tap_count=$((tap_count + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_count - $1"
	shift
	for _line in "$@"; do printf '#   %s\n' "$_line"; done
}

tap_skip() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count - $1 # SKIP $2"
}

# skip_all REASON: the whole script cannot run here.
skip_all() {
	echo "1..0 # SKIP $*"
	exit 0
}

# boot_test: this script boots a virtual machine (QEMU) and checks what the
# booted code reports. With MKELFIMAGE_SKIP_BOOT_TESTS=1 it skips as a whole:
# make distcheck in CI and the Debian package build run the quick tests only,
# since the two full CI builds already run every boot.
boot_test() {
	[ "${MKELFIMAGE_SKIP_BOOT_TESTS:-0}" = 1 ] &&
		skip_all "a boot test, and MKELFIMAGE_SKIP_BOOT_TESTS=1 asks for the quick tests only"
	:
}

# check NAME COMMAND...: one test line from a command's exit status.
check() {
	_check_name=$1
	shift
	if "$@"; then tap_ok "$_check_name"; else tap_not_ok "$_check_name" "command failed: $*"; fi
}

# check_eq NAME EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then
		tap_ok "$1"
	else
		tap_not_ok "$1" "expected: '$2'" "got:      '$3'"
	fi
}

tap_done() {
	echo "1..$tap_count"
	[ "$tap_failed" -eq 0 ]
}

# qemu_binaries: the QEMU system emulators found by configure.
qemu_binaries() {
	for _qemu in ${QEMU_X86_64:-} ${QEMU_I386:-}; do
		[ -x "$_qemu" ] && echo "$_qemu"
	done
}

# boot_qemu QEMU REPORT [QEMU ARGS...]: run a machine with the serial console
# in REPORT (REPORT.txt without carriage returns). The probe leaves QEMU
# through isa-debug-exit; the exit status of QEMU is never the verdict, only
# what the booted code printed.
boot_qemu() {
	_boot_qemu=$1 _boot_report=$2
	shift 2
	timeout "${BOOT_TIMEOUT:-120}" "$_boot_qemu" -m "${BOOT_MEMORY:-256}" \
		-display none -monitor none -serial "file:$_boot_report" -no-reboot \
		-device isa-debug-exit,iobase=0xf4,iosize=4 "$@" \
		</dev/null >"$_boot_report.qemu" 2>&1 || :
	tr -d '\r' <"$_boot_report" >"$_boot_report.txt" 2>/dev/null || : >"$_boot_report.txt"
}

# boot_image QEMU IMAGE REPORT [QEMU ARGS...]: boot_qemu with -kernel IMAGE.
boot_image() {
	_boot_image_qemu=$1 _boot_image_file=$2 _boot_image_report=$3
	shift 3
	boot_qemu "$_boot_image_qemu" "$_boot_image_report" -kernel "$_boot_image_file" "$@"
}

# fake_memmap ROOT: a machine's /sys/firmware/memmap under ROOT for bootelf
# --dry-run (BOOTELF_SYSROOT=ROOT): RAM [0, 0x9fc00), reserved up to 1 MiB,
# RAM [1 MiB, 2 GiB).
fake_memmap() {
	_fm_dir=$1/sys/firmware/memmap
	mkdir -p "$_fm_dir/0" "$_fm_dir/1" "$_fm_dir/2" &&
		echo 0x0 >"$_fm_dir/0/start" && echo 0x9fbff >"$_fm_dir/0/end" &&
		echo "System RAM" >"$_fm_dir/0/type" &&
		echo 0x9fc00 >"$_fm_dir/1/start" && echo 0xfffff >"$_fm_dir/1/end" &&
		echo "Reserved" >"$_fm_dir/1/type" &&
		echo 0x100000 >"$_fm_dir/2/start" && echo 0x7fffffff >"$_fm_dir/2/end" &&
		echo "System RAM" >"$_fm_dir/2/type"
}

# report_value KEY REPORT: the value of the first KEY= line the probe printed.
report_value() {
	sed -n "s/^$1=//p" "$2.txt" | head -n 1
}

# hex N: a number as the probe prints it (lowercase, 0x, no leading zeros).
hex() {
	printf '0x%x' "$1"
}

# file_size FILE
file_size() {
	stat -c %s "$1"
}

# flip_byte FILE OFFSET: complement one byte in place (always a change,
# whatever the byte was: random test data never makes it a no-op)
flip_byte() {
	_f_old=$(od -An -tu1 -j "$2" -N 1 "$1" | tr -d ' ')
	printf "\\$(printf '%03o' $((_f_old ^ 255)))" |
		dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

# start_stopped LOG "STRACE OPTIONS" COMMAND...: run COMMAND in the
# background under strace (its trace in LOG), which stops it with SIGSTOP as
# the options say (-e inject=CALL:signal=SIGSTOP:when=N); return once it is
# stopped (or gone). Sets stopped_tracer (strace, to wait for) and
# stopped_pid (the command, to signal; empty if it never stopped). No timing
# assertion: the wait is bounded by a count. The caller's redirections apply.
start_stopped() {
	_ss_log=$1 _ss_opts=$2
	shift 2
	# env --default-signal: a shell starts background commands with SIGINT and SIGQUIT ignored.
	# shellcheck disable=SC2086 # the options are words
	env --default-signal=INT,QUIT strace -f -o "$_ss_log" $_ss_opts "$@" &
	stopped_tracer=$!
	_ss_tries=0
	while [ $_ss_tries -lt 600 ] && kill -0 $stopped_tracer 2>/dev/null &&
	      ! grep -q 'stopped by SIGSTOP' "$_ss_log" 2>/dev/null; do
		_ss_tries=$((_ss_tries + 1))
		sleep 0.1
	done
	stopped_pid=$(tr -s ' ' '\n' <"/proc/$stopped_tracer/task/$stopped_tracer/children" 2>/dev/null | sed -n 1p)
}
