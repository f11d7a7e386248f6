#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every bad input of tests/bad/README: one exact error line on stderr, exit
# status 1, no output file, an existing output left as it was, no temporary
# file left behind.
. "$top_srcdir/tests/lib.sh"

bad=$work/bad
sh "$top_srcdir/tests/bad/make-bad-kernels.sh" "$PROBE_DIR/probe-2.15-reloc.bzImage" \
	"$MKPROBE" "$PROBE_DIR" "$bad" || { echo "Bail out! cannot make the bad kernels"; exit 1; }
good=$PROBE_DIR/probe-2.15-reloc.bzImage
printf '070701 initrd\n' >"$work/rd.img"

# rejects RULE EXPECTED_LINE MKELFIMAGE_ARGS... (the output is "$out", set here)
rejects() {
	rejects_with 1 "$@"
}

# rejects_with STATUS RULE EXPECTED_LINE MKELFIMAGE_ARGS...; the output is
# boot.elf in a new folder under $out_base (default $work).
rejects_with() {
	want_status=$1 rule=$2 want=$3
	shift 3
	out_dir=${out_base:-$work}/out.$tap_count
	mkdir -p "$out_dir"
	printf 'previous output\n' >"$out_dir/boot.elf"
	out=$out_dir/boot.elf
	status=0
	"$MKELFIMAGE" "$@" -o "$out" 2>"$work/stderr" >/dev/null || status=$?
	got=$(cat "$work/stderr")
	left=$(ls -A "$out_dir" | tr '\n' ' ')
	if [ "$status" = "$want_status" ] && [ "$got" = "mkelfimage: $want" ] &&
	   [ "$(cat "$out")" = "previous output" ] && [ "$left" = "boot.elf " ]; then
		tap_ok "rejects: $rule"
	else
		tap_not_ok "rejects: $rule" "exit status $status (want $want_status)" \
			"want: mkelfimage: $want" "got:  $got" "files left: $left"
	fi
	rm -f "$out"
	status=0
	"$MKELFIMAGE" "$@" -o "$out" 2>/dev/null >/dev/null || status=$?
	check "no output file appears: $rule" test "$status" = "$want_status" -a ! -e "$out" -a -z "$(ls -A "$out_dir")"
}

# rejects_kernel RULE FILE EXPECTED_AFTER_PREFIX: a bad kernel file
rejects_kernel() {
	rejects "$1" "kernel '$2': $3" --kernel "$2" --initrd "$work/rd.img" --command-line x
}

rejects_kernel "kernel must exist" "$work/none.bzImage" \
	"cannot open: No such file or directory"
mkdir -p "$work/dir.bzImage"
rejects_kernel "kernel must be a regular file, not a directory" "$work/dir.bzImage" \
	"is a directory, not a file"
rejects_kernel "a bzImage holds HdrS at 0x202 (empty file)" "$bad/empty.bzImage" \
	'setup header 0x202: file is 0 bytes, too short to hold the "HdrS" signature at 0x202'
rejects_kernel "a bzImage holds HdrS at 0x202 (file cut at 200 bytes)" "$bad/truncated-before-hdrs.bzImage" \
	'setup header 0x202: file is 200 bytes, too short to hold the "HdrS" signature at 0x202'
rejects_kernel "a bzImage holds HdrS at 0x202" "$bad/no-hdrs.bzImage" \
	'setup header 0x202: no "HdrS" signature (found 0x65706f4e): not a Linux bzImage'
rejects_kernel "boot_flag is 0xaa55 (boot.rst)" "$bad/bad-boot-flag.bzImage" \
	"setup header 0x1fe: boot_flag is 0x55aa, not 0xaa55"
rejects_kernel "the setup header lies inside the file" "$bad/truncated-setup-header.bzImage" \
	"setup header 0x26c: file ends at 0x220, inside the setup header that runs to 0x26c"
size=$(file_size "$bad/setup-sects-past-end.bzImage")
rejects_kernel "setup_sects must leave a kernel inside the file" "$bad/setup-sects-past-end.bzImage" \
	"setup header 0x1f1: setup_sects 255 puts the kernel at 0x20000, past the end of the $size-byte file"
rejects_kernel "syssize must not exceed the kernel bytes present" "$bad/syssize-past-end.bzImage" \
	"setup header 0x1f4: syssize 0xffffff declares 268435440 kernel bytes but only $((size - 2560)) follow the setup"
rejects_kernel "protocol 2.02 or later (boot.rst: cmd_line_ptr)" "$bad/protocol-2.01.bzImage" \
	"setup header 0x206: protocol 2.01 is below the minimum 2.02"
rejects_kernel "LOADED_HIGH set: a zImage is refused" "$bad/zimage.bzImage" \
	"setup header 0x211: loadflags 0x00 lacks LOADED_HIGH: a zImage, not a bzImage"

rejects "command line at most cmdline_size bytes" \
	"command line: 17 bytes exceed the limit of 16 (the kernel's cmdline_size, boot.rst)" \
	--kernel "$bad/cmdline-size-16.bzImage" --command-line "0123456789abcdefg"
long=$(printf 'x%.0s' $(seq 1 256))
rejects "command line at most 255 bytes before protocol 2.06" \
	"command line: 256 bytes exceed the limit of 255 (255 before protocol 2.06, boot.rst)" \
	--kernel "$PROBE_DIR/probe-2.02.bzImage" --command-line "$long"
# initrd_of KERNEL: the initrd address the plan gives KERNEL (it moves with the stub's size)
initrd_of() {
	"$MKELFIMAGE" -v --kernel "$1" --initrd "$work/rd.img" -o "$work/plan.elf" |
		sed -n 's/^initrd: \(0x[0-9a-f]*\),.*/\1/p'
	rm -f "$work/plan.elf"
}
# A sparse initrd that starts like a newc cpio, so no "unknown kind" warning
printf '070701' >"$work/big-rd.img"
truncate -s 32M "$work/big-rd.img"
at=$(initrd_of "$bad/initrd-addr-max-32m.bzImage")
rejects "initrd ends at or below initrd_addr_max" \
	"initrd: 33554432 bytes at $at would end at $(hex $((at + 33554432 - 1))), above initrd_addr_max 0x1ffffff (boot.rst); the initrd cannot be placed" \
	--kernel "$bad/initrd-addr-max-32m.bzImage" --initrd "$work/big-rd.img"
rejects "initrd must exist" "initrd '$work/none.img': cannot open: No such file or directory" \
	--kernel "$good" --initrd "$work/none.img"
rejects "initrd must be a regular file, not a directory" \
	"initrd '$work/dir.bzImage': is a directory, not a file" \
	--kernel "$good" --initrd "$work/dir.bzImage"

printf 'console=ttyS0\0init=/evil\n' >"$work/nul.txt"
rejects "a command line file holds no NUL byte" \
	"command line file '$work/nul.txt': NUL byte at offset 13; a command line is text" \
	--kernel "$good" --command-line-file "$work/nul.txt"
rejects "a command line file must exist" \
	"command line file '$work/none.txt': cannot open: No such file or directory" \
	--kernel "$good" --command-line-file "$work/none.txt"
printf 'x\n' >"$work/cmdline.txt"
rejects "the command line is given once (file and text)" \
	"--command-line given after --command-line-file: give the command line once" \
	--kernel "$good" --command-line-file "$work/cmdline.txt" --command-line y

# An unreadable file: root reads anything, so run that case as nobody.
chmod 755 "$work"
cp "$good" "$work/unreadable.bzImage"
chmod 000 "$work/unreadable.bzImage"
if [ "$(id -u)" != 0 ]; then
	rejects_kernel "kernel must be readable" "$work/unreadable.bzImage" "cannot open: Permission denied"
	cp "$work/rd.img" "$work/unreadable.img"
	chmod 000 "$work/unreadable.img"
	rejects "initrd must be readable" "initrd '$work/unreadable.img': cannot open: Permission denied" \
		--kernel "$good" --initrd "$work/unreadable.img"
elif command -v setpriv >/dev/null; then
	status=0
	setpriv --reuid=65534 --regid=65534 --clear-groups "$MKELFIMAGE" \
		--kernel "$work/unreadable.bzImage" -o "$work/unreadable.elf" 2>"$work/stderr" || status=$?
	check_eq "rejects: kernel must be readable (run as nobody)" \
		"1 mkelfimage: kernel '$work/unreadable.bzImage': cannot open: Permission denied" \
		"$status $(cat "$work/stderr")"
	cp "$work/rd.img" "$work/unreadable.img"
	chmod 000 "$work/unreadable.img"
	chmod 644 "$work/unreadable.bzImage"
	status=0
	setpriv --reuid=65534 --regid=65534 --clear-groups "$MKELFIMAGE" --kernel "$work/unreadable.bzImage" \
		--initrd "$work/unreadable.img" -o "$work/unreadable.elf" 2>"$work/stderr" || status=$?
	check_eq "rejects: initrd must be readable (run as nobody)" \
		"1 mkelfimage: initrd '$work/unreadable.img': cannot open: Permission denied" \
		"$status $(cat "$work/stderr")"
else
	tap_skip "rejects: kernel must be readable" "running as root without setpriv"
fi

# Usage and output errors
status=0
"$MKELFIMAGE" --kernel "$good" -o "$work/missing-dir/boot.elf" 2>"$work/stderr" || status=$?
check_eq "rejects: the output directory must exist" \
	"1 mkelfimage: output '$work/missing-dir/boot.elf': directory '$work/missing-dir' does not exist" \
	"$status $(cat "$work/stderr")"
rejects "--append is an alias of --command-line: only one" \
	"--command-line given after --append: --append is an alias of --command-line, give one" \
	--kernel "$good" --append a --command-line b
rejects "a kernel is required" "no kernel given (--kernel FILE)" --initrd "$work/rd.img"
rejects "unknown options are refused" "unknown option '--bogus'; try 'mkelfimage --help'" \
	--kernel "$good" --bogus
tap_done
