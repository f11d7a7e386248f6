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
rejects "pref_address below 4 GiB (checked before it can wrap)" \
	"kernel: pref_address 0xfffffffffffff000 is not below 4 GiB (ELF32 images and the stub address the low 4 GiB)" \
	--kernel "$bad/pref-address-top.bzImage"
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

# Cut at every header boundary (make-bad-kernels.sh): the first error the
# parser meets at that length. syssize (0x1f4): the probe's code in paragraphs.
syssize=$(od -An -tu4 -j $((0x1f4)) -N 4 "$good" | tr -d ' ')
for cut in 1f1 1fe 202 205 206 207 208 211 214 22c 230 238 258 260 26b 26c 9ff a00 a01; do
	len=$((0x$cut))
	if [ $len -lt $((0x206)) ]; then
		want="setup header 0x202: file is $len bytes, too short to hold the \"HdrS\" signature at 0x202"
	elif [ $len -lt $((0x208)) ]; then
		want="setup header 0x206: file ends before the protocol version"
	elif [ $len -lt $((0x26c)) ]; then
		want="setup header 0x26c: file ends at 0x$cut, inside the setup header that runs to 0x26c"
	elif [ $len -le $((0xa00)) ]; then
		want="setup header 0x1f1: setup_sects 4 puts the kernel at 0xa00, past the end of the $len-byte file"
	else
		want="setup header 0x1f4: syssize $(hex "$syssize") declares $((syssize * 16)) kernel bytes but only $((len - 0xa00)) follow the setup"
	fi
	rejects_kernel "a kernel cut at 0x$cut is refused" "$bad/cut-at-0x$cut.bzImage" "$want"
done
rejects_kernel "the setup header reaches the version field (jump length at 0x201)" "$bad/jump-too-short.bzImage" \
	"setup header 0x201: jump length 0x00 ends the header before the version field"
rejects_kernel "a header shorter than kernel_version, file cut after it (fuzzer regression)" \
	"$bad/short-header-cut-at-0x20f.bzImage" \
	"setup header 0x1f1: setup_sects 4 puts the kernel at 0xa00, past the end of the 527-byte file"
rejects_kernel "cmdline_size is not 0" "$bad/cmdline-size-0.bzImage" "setup header 0x238: cmdline_size is 0"
rejects_kernel "kernel_alignment is a power of two" "$bad/alignment-not-power-of-2.bzImage" \
	"setup header 0x230: kernel_alignment 0x300000 is not a power of two"

# vmlinux kernels (make-bad-vmlinux.sh from the i386 probe vmlinux): no PVH
# note, cut, overlapping, and broken gzip/xz compression.
sh "$top_srcdir/tests/bad/make-bad-vmlinux.sh" "$PROBE_DIR/probe-vmlinux-i386" "$bad" ||
	{ echo "Bail out! cannot make the bad vmlinux kernels"; exit 1; }
rejects_kernel "a vmlinux has the Xen PVH entry note" "$bad/no-pvh-note.vmlinux" \
	"ELF kernel has no Xen PVH entry note (XEN_ELFNOTE_PHYS32_ENTRY); build it with CONFIG_PVH=y"
rejects_kernel "a vmlinux's program headers lie in the file" "$bad/truncated.vmlinux" \
	"program header table 0x34: 3 program headers of 32 bytes at offset 0x34 end past the file (100 bytes)"
# p_memsz of the two PT_LOADs (0x28 into each program header), as linked
text_memsz=$(od -An -tu4 -j $((52 + 20)) -N 4 "$bad/overlapping.vmlinux" | tr -d ' ')
data_memsz=$(od -An -tu4 -j $((84 + 20)) -N 4 "$bad/overlapping.vmlinux" | tr -d ' ')
rejects_kernel "a vmlinux's PT_LOADs do not overlap" "$bad/overlapping.vmlinux" \
	"$(printf 'PT_LOAD 0x54: program header 1 [0x1000000, 0x%x) overlaps program header 0 [0x1000000, 0x%x)' \
		$((0x1000000 + data_memsz)) $((0x1000000 + text_memsz)))"
rejects_kernel "a gzip vmlinux has a good CRC-32" "$bad/bad-crc.vmlinux.gz" "gzip: incorrect data check"
rejects_kernel "a gzip vmlinux is complete" "$bad/truncated.vmlinux.gz" "gzip: the stream is truncated"
rejects_kernel "an xz vmlinux decodes" "$bad/corrupt.vmlinux.xz" "xz: corrupt data (liblzma error 9)"
rejects_kernel "an xz vmlinux is complete" "$bad/truncated.vmlinux.xz" "xz: the stream is truncated"
if [ -f "$bad/good.vmlinux.bz2" ]; then
	rejects_kernel "a compressed vmlinux is gzip or xz" "$bad/good.vmlinux.bz2" \
		"bzip2-compressed; a compressed vmlinux may be gzip or xz, decompress this one first"
else
	tap_skip "rejects: a compressed vmlinux is gzip or xz" "no bzip2 to make one"
fi
rejects_kernel "a compressed kernel is a vmlinux" "$bad/not-elf.gz" \
	"gzip-compressed, but no ELF file once decompressed; a compressed kernel must be a vmlinux"

# Huge sizes: nothing wraps, the rule that breaks is named.
# end_of KERNEL: where the plan ends the image of KERNEL with no initrd (page aligned)
end_of() {
	set -- $("$MKELFIMAGE" -v --kernel "$1" -o "$work/plan.elf" |
		sed -n 's/^records  *\(0x[0-9a-f]*\) *0x[0-9a-f]* *\(0x[0-9a-f]*\)$/\1 \2/p')
	rm -f "$work/plan.elf"
	[ $# = 2 ] && echo $(($1 + $2))
}
"$MKPROBE" --code "$PROBE_DIR/probe-0x1000000.bin" --relocatable 1 --pref-address 0x1000000 \
	--init-size 0x800000 -o "$work/init-8m.bzImage"
"$MKPROBE" --code "$PROBE_DIR/probe-0x1000000.bin" --relocatable 1 --pref-address 0x1000000 \
	--init-size 0xffffffff -o "$work/init-4g.bzImage"
end=$(end_of "$work/init-8m.bzImage")
if [ -n "$end" ]; then
	# The reservation grows from 0x1800000 to 0x101000000 (0x1000000 + 0xffffffff, page aligned).
	rejects "init_size 0xffffffff: the image must end below 4 GiB" \
		"$(printf 'image: ends at 0x%x, above 4 GiB (ELF32 images and the stub address the low 4 GiB)' \
			$((end + 0x101000000 - 0x1800000)))" --kernel "$work/init-4g.bzImage"
else
	tap_not_ok "rejects: init_size 0xffffffff" "no records segment (the highest) in the plan of -v"
fi
printf '070701' >"$work/huge-rd.img"
truncate -s 5G "$work/huge-rd.img"
at=$(initrd_of "$good")
rejects "a 5 GiB initrd ends above initrd_addr_max" \
	"initrd: 5368709120 bytes at $at would end at $(hex $((at + 5368709120 - 1))), above initrd_addr_max 0x7fffffff (boot.rst); the initrd cannot be placed" \
	--kernel "$good" --initrd "$work/huge-rd.img"
rm -f "$work/huge-rd.img"

# Zero-length files, devices, FIFOs
: >"$work/empty.img"
rejects "an initrd is not empty" "initrd '$work/empty.img': file is empty" --kernel "$good" --initrd "$work/empty.img"
rejects "the kernel is a regular file, not a device" "kernel '/dev/null': not a regular file" --kernel /dev/null
rejects "a command line file is a regular file, not a directory" \
	"command line file '$work/dir.bzImage': is a directory, not a file" \
	--kernel "$good" --command-line-file "$work/dir.bzImage"
mkfifo "$work/fifo"
for what in kernel initrd; do
	if [ $what = kernel ]; then args="--kernel $work/fifo"; else args="--kernel $good --initrd $work/fifo"; fi
	status=0
	# shellcheck disable=SC2086 # the paths hold no spaces
	timeout 10 "$MKELFIMAGE" $args -o "$work/fifo.elf" 2>"$work/stderr" </dev/null || status=$?
	check_eq "rejects: a FIFO as the $what (without waiting for a writer)" \
		"1 mkelfimage: $what '$work/fifo': not a regular file" "$status $(cat "$work/stderr")"
done

# The output: not a directory, never one of the inputs (by any name).
mkdir -p "$work/outdir"
status=0
"$MKELFIMAGE" --kernel "$good" -o "$work/outdir" 2>"$work/stderr" || status=$?
check_eq "rejects: the output is not a directory" "1 mkelfimage: output '$work/outdir': is a directory" \
	"$status $(cat "$work/stderr")"
cp "$good" "$work/k.bzImage"
cp "$work/rd.img" "$work/i.img"
ln "$work/k.bzImage" "$work/k-link.bzImage"
ln -s "$work/i.img" "$work/i-symlink.img"
for case in "kernel:$work/k.bzImage:is the kernel input" "initrd:$work/i.img:is an initrd input" \
	    "hard link to the kernel:$work/k-link.bzImage:is the kernel input" \
	    "symbolic link to the initrd:$work/i-symlink.img:is an initrd input"; do
	name=${case%%:*} rest=${case#*:}
	path=${rest%%:*} why=${rest#*:}
	before=$(cksum <"$work/k.bzImage")$(cksum <"$work/i.img")
	status=0
	"$MKELFIMAGE" --kernel "$work/k.bzImage" --initrd "$work/i.img" -o "$path" 2>"$work/stderr" || status=$?
	check_eq "rejects: the output is not the $name" "1 mkelfimage: output '$path': $why" \
		"$status $(cat "$work/stderr")"
	check_eq "the inputs are unchanged: output was the $name" "$before" \
		"$(cksum <"$work/k.bzImage")$(cksum <"$work/i.img")"
done

# Inputs read whole before the output is written are still the user's files.
printf 'console=ttyS0\n' >"$work/cl.txt"
printf 'kernel: %s\n' "$good" >"$work/t.yaml"
for case in "command line file:$work/cl.txt:--command-line-file $work/cl.txt" \
	    "template:$work/t.yaml:--template $work/t.yaml" \
	    "manifest (--manifest equal to -o):$work/m.elf:--manifest $work/m.elf"; do
	name=${case%%:*} rest=${case#*:}
	path=${rest%%:*} args=${rest#*:}
	[ -e "$path" ] || printf 'previous\n' >"$path"
	before=$(cksum <"$path")
	status=0
	# shellcheck disable=SC2086 # the paths hold no spaces
	"$MKELFIMAGE" --kernel "$good" $args -o "$path" >/dev/null 2>&1 || status=$?
	check_eq "rejects: the output is not the $name (status 1, file unchanged)" "1 $before" "$status $(cksum <"$path")"
done

# A symbolic link as the output is replaced by the image (rename(2) replaces
# the link itself, atomically); the file it pointed to is left as it was.
mkdir -p "$work/sym"
printf 'the link target\n' >"$work/sym/target"
ln -s target "$work/sym/boot.elf"
"$MKELFIMAGE" --kernel "$good" -o "$work/sym/boot.elf" 2>"$work/stderr"
check "a symlinked output becomes a regular file holding the image" \
	test ! -L "$work/sym/boot.elf" -a -f "$work/sym/boot.elf" -a "$(head -c 4 "$work/sym/boot.elf" | tail -c 3)" = ELF
check_eq "the symlink's old target is unchanged" "the link target" "$(cat "$work/sym/target")"

# Disk full: a 512 KiB tmpfs in a private mount namespace (root only) holds the
# stub and the kernel but not a 1 MiB initrd. Exit 2, nothing left behind.
{ printf '070701'; head -c 1048570 /dev/zero; } >"$work/mib.img"
full=$work/full
mkdir -p "$full"
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null &&
   unshare -m sh -c "mount -t tmpfs -o size=512k tmpfs '$full'" 2>/dev/null; then
	status=0
	unshare -m sh -c "mount -t tmpfs -o size=512k tmpfs '$full' &&
		printf 'previous output\n' >'$full/boot.elf' &&
		{ '$MKELFIMAGE' --kernel '$good' --initrd '$work/mib.img' -o '$full/boot.elf' 2>'$work/stderr'
		  echo \$? >'$work/status'; } &&
		ls -A '$full' >'$work/left' && cat '$full/boot.elf' >'$work/kept'" || status=$?
	got=$(cat "$work/stderr")
	case $got in
	"mkelfimage: output '$full/boot.elf': cannot "*": No space left on device") ok=1 ;;
	*) ok=0 ;;
	esac
	check_eq "disk full: exit status 2 and one line naming the output and ENOSPC" "2 1" "$(cat "$work/status") $ok"
	check_eq "disk full: no temporary file left, the existing output kept" "boot.elf previous output" \
		"$(cat "$work/left") $(cat "$work/kept")"
else
	# Not root: a file size limit gives EFBIG at the same place instead.
	status=0
	(ulimit -f 512; exec "$MKELFIMAGE" --kernel "$good" --initrd "$work/mib.img" \
		-o "$full/boot.elf") 2>"$work/stderr" || status=$?
	check_eq "file too large (ulimit -f): exit status 2, nothing left" "2 " "$status $(ls -A "$full")"
fi

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
