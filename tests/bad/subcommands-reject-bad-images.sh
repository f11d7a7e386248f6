#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The bad inputs of tests/bad/README for inspect, extract, set-command-line,
# replace-initrd, --compress-initrd and --arch alpha: one exact error line,
# the exit status, no new output file, an existing output file unchanged, and
# for the edits the image itself unchanged and no temporary file beside it.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/alpha/alpha-lib.sh"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
printf '070701 initrd\n' >"$work/rd.img"
printf '070701 other initrd\n' >"$work/rd2.img"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --command-line "console=ttyS0" --digests \
	-o "$work/good32.elf" &&
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --command-line "console=ttyS0" --digests \
		--elf-class 64 -o "$work/good64.elf" ||
	{ echo "Bail out! cannot build the good images"; exit 1; }
bad=$work/images
sh "$top_srcdir/tests/bad/make-bad-images.sh" "$work/good32.elf" "$work/good64.elf" "$bad" ||
	{ echo "Bail out! cannot make the bad images"; exit 1; }

# u32 FILE OFFSET: a little-endian 32-bit value, as printed in messages (hex)
u32() { printf '0x%x' "$(od -An -tu4 -j "$2" -N4 "$1" | tr -d ' ')"; }
size32=$(file_size "$work/good32.elf")

out=$work/out
# sum FILE: cksum of a regular file (never opens a FIFO), else its type
sum() { if [ -f "$1" ]; then cksum <"$1"; else ls -ld "$1" 2>&1 | cut -c1; fi; }

# expect LABEL STATUS LINE IMAGE MKELFIMAGE_ARGS...: run mkelfimage; the
# exact line and status, $out holding only its old file "k" unchanged, IMAGE
# unchanged and nothing new beside it. LINE "" means no line (success).
expect() {
	_label=$1 _want_status=$2 _want=$3 _image=$4
	shift 4
	rm -rf "$out"
	mkdir -p "$out"
	printf 'previous output\n' >"$out/k"
	_before=$(sum "$_image")
	_dir_before=$(ls -A "$(dirname "$_image")" | tr '\n' ' ')
	_status=0
	timeout 20 "$MKELFIMAGE" "$@" >/dev/null 2>"$work/stderr" </dev/null || _status=$?
	_got=$(cat "$work/stderr")
	[ -z "$_want" ] || _want="mkelfimage: $_want"
	_problems=
	[ "$_status" = "$_want_status" ] || _problems="$_problems exit status $_status (want $_want_status);"
	[ "$_got" = "$_want" ] || _problems="$_problems stderr differs;"
	[ "$(ls -A "$out" | tr '\n' ' ')" = "k " ] && [ "$(cat "$out/k")" = "previous output" ] ||
		_problems="$_problems output folder: $(ls -A "$out" | tr '\n' ' ');"
	[ "$(sum "$_image")" = "$_before" ] || _problems="$_problems the image changed;"
	[ "$(ls -A "$(dirname "$_image")" | tr '\n' ' ')" = "$_dir_before" ] ||
		_problems="$_problems files beside the image changed;"
	if [ -z "$_problems" ]; then
		tap_ok "$_label"
	else
		tap_not_ok "$_label" "$_problems" "want: $_want" "got:  $_got"
	fi
}

# rejects_image NAME IMAGE LINE: the same line from all four subcommands
rejects_image() {
	expect "inspect: $1" 1 "$3" "$2" inspect "$2"
	expect "extract: $1" 1 "$3" "$2" extract "$2" --kernel "$out/k" --initrd "$out/i" --command-line-file "$out/c"
	expect "set-command-line: $1" 1 "$3" "$2" set-command-line "$2" "console=ttyS0 new"
	expect "replace-initrd: $1" 1 "$3" "$2" replace-initrd "$2" "$work/rd2.img"
}

# Not an image at all
cp "$kernel" "$bad/not-elf.elf"
rejects_image "not an ELF file (a bzImage)" "$bad/not-elf.elf" \
	"image '$bad/not-elf.elf': ELF header 0x0: no ELF magic (\\177ELF): not an ELF file"
rejects_image "a zero-length file" "$bad/empty.elf" "image '$bad/empty.elf': file is empty"
rejects_image "a missing file" "$bad/none.elf" "image '$bad/none.elf': cannot open: No such file or directory"
mkdir -p "$bad/dir.elf"
rejects_image "a directory" "$bad/dir.elf" "image '$bad/dir.elf': is a directory, not a file"
mkfifo "$bad/fifo.elf"
rejects_image "a FIFO (refused without waiting for a writer)" "$bad/fifo.elf" \
	"image '$bad/fifo.elf': not a regular file"
expect "inspect: a character device" 1 "image '/dev/null': not a regular file" "$work/rd.img" inspect /dev/null

# Cut at each header boundary
for class in 32 64; do
	size=$([ $class = 32 ] && echo 51 || echo 63)
	rejects_image "ELF$class cut inside the ELF header" "$bad/cut-in-ehdr$class.elf" \
		"image '$bad/cut-in-ehdr$class.elf': ELF header 0x0: the file ($size bytes) ends inside the ELF header"
done
rejects_image "ELF32 cut inside the program headers" "$bad/cut-in-phdrs32.elf" \
	"image '$bad/cut-in-phdrs32.elf': program header table 0x34: 6 program headers of 32 bytes at offset 0x34 end past the file (122 bytes)"
rejects_image "ELF64 cut inside the program headers" "$bad/cut-in-phdrs64.elf" \
	"image '$bad/cut-in-phdrs64.elf': program header table 0x40: 6 program headers of 56 bytes at offset 0x40 end past the file (164 bytes)"
rejects_image "ELF32 PT_NOTE ending inside a note header" "$bad/cut-in-notes32.elf" \
	"image '$bad/cut-in-notes32.elf': note at file offset $(u32 "$work/good32.elf" 56): 8 bytes left, less than a 12-byte note header"
rejects_image "ELF64 PT_NOTE ending inside a note header" "$bad/cut-in-notes64.elf" \
	"image '$bad/cut-in-notes64.elf': note at file offset $(u32 "$work/good64.elf" $((0x40 + 5 * 56 + 8))): 8 bytes left, less than a 12-byte note header"
rejects_image "the file cut inside its last segment's bytes (the records)" "$bad/cut-in-payload.elf" \
	"image '$bad/cut-in-payload.elf': PT_LOAD 0xd4: file bytes [$(u32 "$work/good32.elf" $((0xd4 + 4))), +$(u32 "$work/good32.elf" $((0xd4 + 16)))) end past the file ($((size32 - 5)) bytes)"
# The stub's header cut: an ELF executable, but not one mkelfimage made.
expect "inspect: the stub's segment cut inside its header (any ELF is inspected)" 0 "" \
	"$bad/cut-in-stub-header.elf" inspect "$bad/cut-in-stub-header.elf"
expect "extract: the stub's segment cut inside its header" 1 \
	"image '$bad/cut-in-stub-header.elf': no mkelfimage stub parameters: not an image mkelfimage made" \
	"$bad/cut-in-stub-header.elf" extract "$bad/cut-in-stub-header.elf" --kernel "$out/k"
for edit in "set-command-line:console=ttyS0" "replace-initrd:$work/rd2.img"; do
	expect "${edit%%:*}: the stub's segment cut inside its header" 1 \
		"image '$bad/cut-in-stub-header.elf': not an x86, arm64 or riscv64 image made by mkelfimage" \
		"$bad/cut-in-stub-header.elf" "${edit%%:*}" "$bad/cut-in-stub-header.elf" "${edit#*:}"
done

# Huge sizes and offsets
rejects_image "e_phnum PN_XNUM without section headers" "$bad/phnum-xnum.elf" \
	"image '$bad/phnum-xnum.elf': ELF header 0x2c: e_phnum 0xffff (PN_XNUM) puts the count in section header 0, but e_shoff is 0 (no section headers)"
rejects_image "e_phoff 0xfffffff0" "$bad/phoff-huge.elf" \
	"image '$bad/phoff-huge.elf': program header table 0xfffffff0: 6 program headers of 32 bytes at offset 0xfffffff0 end past the file ($size32 bytes)"
rejects_image "a PT_NOTE's p_offset 0xfffff000" "$bad/note-offset-huge.elf" \
	"image '$bad/note-offset-huge.elf': PT_NOTE 0x34: note bytes [0xfffff000, +$(u32 "$work/good32.elf" $((0x34 + 16)))) end past the file ($size32 bytes)"
rejects_image "a PT_LOAD's p_offset 0xfffff000" "$bad/load-offset-huge.elf" \
	"image '$bad/load-offset-huge.elf': PT_LOAD 0x74: file bytes [0xfffff000, +$(u32 "$work/good32.elf" $((0x74 + 16)))) end past the file ($size32 bytes)"
rejects_image "a PT_LOAD's p_filesz 0xffffffff" "$bad/load-filesz-huge.elf" \
	"image '$bad/load-filesz-huge.elf': PT_LOAD 0x74: file bytes [0x1000, +0xffffffff) end past the file ($size32 bytes)"
rejects_image "p_paddr + p_memsz wraps" "$bad/paddr-wraps.elf" \
	"image '$bad/paddr-wraps.elf': PT_LOAD 0xb4: p_paddr 0xfffff000 + p_memsz 0x2000 runs past the end of the address space"
rejects_image "a note's n_descsz 0xfffffff0" "$bad/descsz-huge.elf" \
	"image '$bad/descsz-huge.elf': note at file offset $(u32 "$work/good32.elf" 56): n_descsz 4294967280 runs past the end of the PT_NOTE"

# Overlapping segments: inspect shows them; what reads the memory refuses.
stub=$(u32 "$work/good32.elf" $((0x74 + 12)))
stub_end=$(printf '0x%x' $((stub + $(u32 "$work/good32.elf" $((0x74 + 20))))))
overlap="image '$bad/overlap.elf': PT_LOAD 0x94: program header 3 [$(printf '0x%x' $((stub + 0x1000))), $(printf '0x%x' $((stub + 0x1000 + $(u32 "$work/good32.elf" $((0x94 + 20))))))) overlaps program header 2 [$stub, $stub_end)"
expect "inspect: overlapping PT_LOADs are shown" 0 "" "$bad/overlap.elf" inspect "$bad/overlap.elf"
expect "extract: overlapping PT_LOADs" 1 "$overlap" "$bad/overlap.elf" extract "$bad/overlap.elf" --kernel "$out/k"
expect "set-command-line: overlapping PT_LOADs" 1 "$overlap" "$bad/overlap.elf" set-command-line "$bad/overlap.elf" x
expect "replace-initrd: overlapping PT_LOADs" 1 "$overlap" "$bad/overlap.elf" replace-initrd "$bad/overlap.elf" "$work/rd2.img"

# Without the kernel-setup note or the digest note
missing_setup="image '$bad/no-setup-note.elf': no kernel-setup note: the kernel's real-mode part is not in the image"
expect "extract --kernel: no kernel-setup note" 1 "$missing_setup" "$bad/no-setup-note.elf" \
	extract "$bad/no-setup-note.elf" --kernel "$out/new" --initrd "$out/i"
expect "set-command-line: no kernel-setup note" 1 "$missing_setup" "$bad/no-setup-note.elf" \
	set-command-line "$bad/no-setup-note.elf" x
expect "replace-initrd: no kernel-setup note" 1 "$missing_setup" "$bad/no-setup-note.elf" \
	replace-initrd "$bad/no-setup-note.elf" "$work/rd2.img"
"$MKELFIMAGE" extract "$bad/no-setup-note.elf" --initrd "$work/i-only"
check "extract --initrd works without the kernel-setup note" cmp "$work/rd.img" "$work/i-only"
expect "extract --kernel: no digest note" 1 \
	"image '$bad/no-digest-note.elf': no digest recorded for the kernel (not made by this mkelfimage)" \
	"$bad/no-digest-note.elf" extract "$bad/no-digest-note.elf" --kernel "$out/new"
expect "extract --initrd: no digest note, so no initrd is known" 1 \
	"image '$bad/no-digest-note.elf': 1 --initrd given, the image holds 0 initrd(s)" \
	"$bad/no-digest-note.elf" extract "$bad/no-digest-note.elf" --initrd "$out/new"
expect "set-command-line: no digest note" 1 \
	"image '$bad/no-digest-note.elf': no digest recorded for the kernel (not made by this mkelfimage)" \
	"$bad/no-digest-note.elf" set-command-line "$bad/no-digest-note.elf" x

# Digest mismatches: nothing is written, not even the parts that check out.
expect "extract: a damaged initrd; the kernel, which checks out, is not written either" 1 \
	"image '$bad/damaged-initrd.elf': the initrd 0 does not match its recorded SHA-256; the image is damaged" \
	"$bad/damaged-initrd.elf" extract "$bad/damaged-initrd.elf" --kernel "$out/new" --initrd "$out/i"
expect "extract: a damaged kernel; the existing output is kept" 1 \
	"image '$bad/damaged-kernel.elf': the kernel does not match its recorded SHA-256; the image is damaged" \
	"$bad/damaged-kernel.elf" extract "$bad/damaged-kernel.elf" --kernel "$out/k"
expect "set-command-line: a damaged initrd" 1 \
	"image '$bad/damaged-initrd.elf': the initrd 0 does not match its recorded SHA-256; the image is damaged" \
	"$bad/damaged-initrd.elf" set-command-line "$bad/damaged-initrd.elf" x
expect "replace-initrd: a damaged kernel" 1 \
	"image '$bad/damaged-kernel.elf': the kernel does not match its recorded SHA-256; the image is damaged" \
	"$bad/damaged-kernel.elf" replace-initrd "$bad/damaged-kernel.elf" "$work/rd2.img"
cp "$bad/damaged-initrd.elf" "$work/fixed.elf"
"$MKELFIMAGE" replace-initrd "$work/fixed.elf" "$work/rd2.img" &&
	"$MKELFIMAGE" extract "$work/fixed.elf" --initrd "$work/fixed-i"
check "replace-initrd on a damaged initrd replaces it (the damaged part is not used)" cmp "$work/rd2.img" "$work/fixed-i"

# extract's outputs: never the image, each once, in an existing directory, not a directory
cp "$work/good32.elf" "$work/img.elf"
expect "extract: the output is the image" 1 "output '$work/img.elf': is the image" "$work/img.elf" \
	extract "$work/img.elf" --kernel "$work/img.elf"
ln "$work/img.elf" "$work/img-link.elf"
expect "extract: the output is a hard link to the image" 1 "output '$work/img-link.elf': is the image" \
	"$work/img.elf" extract "$work/img.elf" --initrd "$work/img-link.elf"
expect "extract: one output given twice" 1 "output '$out/x': also given as '$out/x'; each output once" \
	"$work/img.elf" extract "$work/img.elf" --kernel "$out/x" --initrd "$out/x"
expect "extract: an output in a missing directory" 1 \
	"output '$out/missing/k': directory '$out/missing' does not exist" \
	"$work/img.elf" extract "$work/img.elf" --command-line-file "$out/missing/k"
expect "extract: an output that is a directory" 1 "output '$work/images': is a directory" \
	"$work/img.elf" extract "$work/img.elf" --kernel "$work/images"
set --
for i in $(seq 0 64); do set -- "$@" --initrd "$out/i$i"; done
expect "extract: more than 64 --initrd" 1 "extract: more than 64 --initrd" "$work/img.elf" \
	extract "$work/img.elf" "$@"
expect "extract: more --initrd than the image holds" 1 \
	"image '$work/img.elf': 2 --initrd given, the image holds 1 initrd(s)" \
	"$work/img.elf" extract "$work/img.elf" --initrd "$out/a" --initrd "$out/b"
expect "extract: no output asked for" 1 \
	"extract: give one image and at least one of --kernel, --vmlinux, --initrd, --command-line-file" \
	"$work/img.elf" extract "$work/img.elf"

# An image of a vmlinux holds its PT_LOADs, not the file: extract --kernel is
# refused; --vmlinux and the edits check the PT_LOADs against the `kernel
# loaded` digest first (tests/pipeline/vmlinux-edits.sh: the good cases).
"$MKELFIMAGE" --kernel "$PROBE_DIR/probe-vmlinux-i386" --initrd "$work/rd.img" --digests -o "$work/vm.elf" ||
	{ echo "Bail out! cannot build the vmlinux image"; exit 1; }
expect "extract --kernel: a vmlinux image" 1 \
	"image '$work/vm.elf': the kernel is a vmlinux (PVH entry); the image holds only its PT_LOADs, not the file, so it cannot be given back: --vmlinux writes a minimal vmlinux of them" \
	"$work/vm.elf" extract "$work/vm.elf" --kernel "$out/k"
expect "extract --vmlinux: a bzImage image" 1 \
	"image '$work/img.elf': the kernel is a bzImage, not a vmlinux: use --kernel" \
	"$work/img.elf" extract "$work/img.elf" --vmlinux "$out/k"
cp "$work/vm.elf" "$work/vm-damaged.elf"
first=$(readelf -lW "$PROBE_DIR/probe-vmlinux-i386" | awk '$1 == "LOAD" { print $4; exit }')
flip_byte "$work/vm-damaged.elf" \
	$(($(readelf -lW "$work/vm.elf" | awk -v a="$first" '$1 == "LOAD" && $4 == a { print $2 }') + 16))
damaged_vm="image '$work/vm-damaged.elf': the kernel's loaded part does not match its recorded SHA-256; the image is damaged"
expect "extract --vmlinux: a damaged kernel PT_LOAD; the existing output is kept" 1 "$damaged_vm" \
	"$work/vm-damaged.elf" extract "$work/vm-damaged.elf" --vmlinux "$out/k"
expect "set-command-line: a vmlinux image with a damaged kernel PT_LOAD" 1 "$damaged_vm" \
	"$work/vm-damaged.elf" set-command-line "$work/vm-damaged.elf" x
expect "replace-initrd: a vmlinux image with a damaged kernel PT_LOAD" 1 "$damaged_vm" \
	"$work/vm-damaged.elf" replace-initrd "$work/vm-damaged.elf" "$work/rd2.img"

# The edits: bad arguments leave the image as it was.
expect "replace-initrd: the new initrd is the image" 1 "output '$work/img.elf': is an initrd input" \
	"$work/img.elf" replace-initrd "$work/img.elf" "$work/img.elf"
expect "replace-initrd: a missing initrd" 1 "initrd '$work/none.img': cannot open: No such file or directory" \
	"$work/img.elf" replace-initrd "$work/img.elf" "$work/none.img"
: >"$work/empty.img"
expect "replace-initrd: an empty initrd" 1 "initrd '$work/empty.img': file is empty" \
	"$work/img.elf" replace-initrd "$work/img.elf" "$work/empty.img"
expect "replace-initrd: a directory as the initrd" 1 "initrd '$work/images': is a directory, not a file" \
	"$work/img.elf" replace-initrd "$work/img.elf" "$work/images"
expect "set-command-line: a command line over the kernel's cmdline_size" 1 \
	"command line: 2048 bytes exceed the limit of 2047 (the kernel's cmdline_size, boot.rst)" \
	"$work/img.elf" set-command-line "$work/img.elf" "$(printf 'x%.0s' $(seq 1 2048))"
expect "set-command-line: no text" 1 "usage: mkelfimage set-command-line IMAGE TEXT [--sign-key FILE --sign-cert FILE [--sign-pass SOURCE] | --remove-signature]" \
	"$work/img.elf" set-command-line "$work/img.elf"
expect "replace-initrd: no initrd" 1 "usage: mkelfimage replace-initrd IMAGE FILE... (the new initrds, in order) [--sign-key FILE --sign-cert FILE [--sign-pass SOURCE] | --remove-signature]" \
	"$work/img.elf" replace-initrd "$work/img.elf"

# Unreadable files: root reads anything, so these run as nobody.
chmod 755 "$work"
cp "$work/good32.elf" "$work/unreadable.elf"
chmod 000 "$work/unreadable.elf"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	for sub in inspect extract set-command-line replace-initrd; do
		case $sub in
		inspect) set -- ;;
		extract) set -- --kernel "$work/k-nobody" ;;
		set-command-line) set -- x ;;
		replace-initrd) set -- "$work/rd.img" ;;
		esac
		status=0
		setpriv --reuid=65534 --regid=65534 --clear-groups "$MKELFIMAGE" $sub "$work/unreadable.elf" "$@" \
			>/dev/null 2>"$work/stderr" || status=$?
		check_eq "$sub: an unreadable image (run as nobody)" \
			"1 mkelfimage: image '$work/unreadable.elf': cannot open: Permission denied" \
			"$status $(cat "$work/stderr")"
	done
	check "... and nothing was written" test ! -e "$work/k-nobody"
elif [ "$(id -u)" != 0 ]; then
	rejects_image "an unreadable image" "$work/unreadable.elf" \
		"image '$work/unreadable.elf': cannot open: Permission denied"
else
	tap_skip "an unreadable image" "running as root without setpriv"
fi

# Disk full on an in-place edit: a 64 KiB tmpfs in a private mount namespace
# (root only) holding the image and a filler. Exit 2, the image unchanged,
# no temporary file left.
full=$work/full
mkdir -p "$full"
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null &&
   unshare -m sh -c "mount -t tmpfs -o size=64k tmpfs '$full'" 2>/dev/null; then
	for edit in "set-command-line:console=ttyS0 new" "replace-initrd:$work/rd2.img"; do
		unshare -m sh -c "mount -t tmpfs -o size=64k tmpfs '$full' &&
			cp '$work/good32.elf' '$full/boot.elf' &&
			dd if=/dev/zero of='$full/filler' bs=1k count=24 status=none &&
			{ '$MKELFIMAGE' '${edit%%:*}' '$full/boot.elf' '${edit#*:}' 2>'$work/stderr'
			  echo \$? >'$work/status'; } &&
			ls -A '$full' | tr '\\n' ' ' >'$work/left' && cksum <'$full/boot.elf' >'$work/kept'"
		case $(cat "$work/stderr") in
		"mkelfimage: output '$full/boot.elf': cannot "*": No space left on device") ok=1 ;;
		*) ok=0 ;;
		esac
		check_eq "${edit%%:*}, disk full: exit 2 and one line naming the image and ENOSPC" "2 1" \
			"$(cat "$work/status") $ok"
		check_eq "${edit%%:*}, disk full: the image unchanged, no temporary file" \
			"boot.elf filler $(cksum <"$work/good32.elf")" "$(cat "$work/left")$(cat "$work/kept")"
	done
else
	tap_skip "edits on a full disk" "needs root and unshare for a private tmpfs"
fi

# --compress-initrd: streams it cannot decode, and its temporary file
{ printf '070701'; head -c 300000 /dev/urandom; } >"$work/big.cpio"
gzip -9 -n -c "$work/big.cpio" >"$work/big.gz"
xz --check=crc32 -c "$work/big.cpio" >"$work/big.xz"
head -c 5000 "$work/big.xz" >"$work/cut.xz"
cp "$work/big.gz" "$work/corrupt.gz"
printf 'XXXX' | dd of="$work/corrupt.gz" bs=1 seek=2000 conv=notrunc status=none
cp "$work/big.xz" "$work/corrupt.xz"
printf 'XXXX' | dd of="$work/corrupt.xz" bs=1 seek=$(($(file_size "$work/big.xz") - 20)) conv=notrunc status=none
: | gzip -n >"$work/nothing.gz"
build_rejects() {
	_label=$1 _status=$2 _want=$3
	shift 3
	expect "--compress-initrd: $_label" "$_status" "$_want" "$work/rd.img" "$@" -o "$out/k"
}
build_rejects "a truncated xz stream" 1 "initrd '$work/cut.xz': xz: the stream is truncated" \
	--kernel "$kernel" --initrd "$work/cut.xz" --compress-initrd none
build_rejects "a gzip stream with a bad CRC" 1 "initrd '$work/corrupt.gz': gzip: incorrect data check" \
	--kernel "$kernel" --initrd "$work/corrupt.gz" --compress-initrd xz
build_rejects "a corrupt xz stream" 1 "initrd '$work/corrupt.xz': xz: corrupt data (liblzma error 9)" \
	--kernel "$kernel" --initrd "$work/corrupt.xz" --compress-initrd gzip
build_rejects "a gzip stream of nothing" 1 "initrd '$work/nothing.gz': empty once decompressed" \
	--kernel "$kernel" --initrd "$work/nothing.gz" --compress-initrd none
TMPDIR=$work/no-such-dir
export TMPDIR
build_rejects "TMPDIR missing (exit 2)" 2 \
	"temporary directory '$work/no-such-dir': cannot create a file: No such file or directory" \
	--kernel "$kernel" --initrd "$work/big.gz" --compress-initrd none
TMPDIR=$work
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null &&
   unshare -m sh -c "mount -t tmpfs -o size=64k tmpfs '$full'" 2>/dev/null; then
	rm -rf "$out" && mkdir -p "$out"
	unshare -m sh -c "mount -t tmpfs -o size=64k tmpfs '$full' &&
		{ TMPDIR='$full' '$MKELFIMAGE' --kernel '$kernel' --initrd '$work/big.gz' --compress-initrd none \
			-o '$out/boot.elf' 2>'$work/stderr'; echo \$? >'$work/status'; } && ls -A '$full' >'$work/left'"
	check_eq "--compress-initrd, TMPDIR full: exit 2, one line naming the initrd, nothing left" \
		"2 mkelfimage: temporary file for initrd '$work/big.gz': cannot write: No space left on device " \
		"$(cat "$work/status") $(cat "$work/stderr") $(cat "$work/left")$(ls -A "$out")"
else
	tap_skip "--compress-initrd with TMPDIR full" "needs root and unshare for a private tmpfs"
fi

# --arch alpha: the inputs and the output around a good Alpha kernel
if [ "${ALPHA_SUPPORT:-no}" = yes ]; then
	cp "$ALPHA_PROBE" "$work/vmlinux"
	alpha_rejects() {
		_label=$1 _want=$2
		shift 2
		expect "--arch alpha: $_label" 1 "$_want" "$work/vmlinux" --arch alpha "$@"
	}
	: >"$work/empty.vmlinux"
	alpha_rejects "an empty kernel" "kernel '$work/empty.vmlinux': 0 bytes is no vmlinux" \
		--kernel "$work/empty.vmlinux" -o "$out/k"
	alpha_rejects "a directory as the kernel" "kernel '$work/images': is a directory, not a file" \
		--kernel "$work/images" -o "$out/k"
	alpha_rejects "a FIFO as the kernel" "kernel '$bad/fifo.elf': not a regular file" \
		--kernel "$bad/fifo.elf" -o "$out/k"
	alpha_rejects "the output is the kernel" "output '$work/vmlinux': is the kernel input" \
		--kernel "$work/vmlinux" -o "$work/vmlinux"
	alpha_rejects "the output is the initrd" "output '$work/rd.img': is an initrd input" \
		--kernel "$work/vmlinux" --initrd "$work/rd.img" -o "$work/rd.img"
	alpha_rejects "an output in a missing directory" "output '$out/missing/k': directory '$out/missing' does not exist" \
		--kernel "$work/vmlinux" -o "$out/missing/k"
	alpha_rejects "an empty initrd" "initrd '$work/empty.img': file is empty" \
		--kernel "$work/vmlinux" --initrd "$work/empty.img" -o "$out/k"
	alpha_rejects "ELF32 asked for" "--elf-class 32: an Alpha image is ELF64 (use 64 or leave it out)" \
		--kernel "$work/vmlinux" --elf-class 32 -o "$out/k"
	alpha_rejects "the kernel cut at its program headers" \
		"kernel '$work/cut.vmlinux': program header table 0x40: $(od -An -tu2 -j 56 -N2 "$ALPHA_PROBE" | tr -d ' ') program headers of 56 bytes at offset 0x40 end past the file (100 bytes)" \
		--kernel "$(head -c 100 "$ALPHA_PROBE" >"$work/cut.vmlinux"; echo "$work/cut.vmlinux")" -o "$out/k"
	# An Alpha image is named as such by the subcommands that cannot read it
	mkdir -p "$work/alpha-image"
	"$MKELFIMAGE" --arch alpha --kernel "$work/vmlinux" --initrd "$work/rd.img" -o "$work/alpha-image/a.elf" ||
		{ echo "Bail out! cannot build the Alpha image"; exit 1; }
	alpha_image_refused="image '$work/alpha-image/a.elf': an Alpha image: extract and the edits are not supported for Alpha images"
	expect "an Alpha image: extract refuses it by name" 1 "$alpha_image_refused" "$work/alpha-image/a.elf" \
		extract "$work/alpha-image/a.elf" --kernel "$out/k"
	expect "an Alpha image: set-command-line refuses it by name" 1 "$alpha_image_refused" \
		"$work/alpha-image/a.elf" set-command-line "$work/alpha-image/a.elf" x
	expect "an Alpha image: replace-initrd refuses it by name" 1 "$alpha_image_refused" \
		"$work/alpha-image/a.elf" replace-initrd "$work/alpha-image/a.elf" "$work/rd.img"
	if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
		cp "$ALPHA_PROBE" "$work/unreadable.vmlinux"
		chmod 000 "$work/unreadable.vmlinux"
		status=0
		setpriv --reuid=65534 --regid=65534 --clear-groups "$MKELFIMAGE" --arch alpha \
			--kernel "$work/unreadable.vmlinux" -o "$work/alpha-nobody.elf" 2>"$work/stderr" || status=$?
		check_eq "--arch alpha: an unreadable kernel (run as nobody)" \
			"1 mkelfimage: kernel '$work/unreadable.vmlinux': cannot open: Permission denied" \
			"$status $(cat "$work/stderr")"
	fi
else
	if [ "${MKELFIMAGE_REQUIRE_ALPHA:-0}" = 1 ]; then
		tap_not_ok "--arch alpha bad inputs (MKELFIMAGE_REQUIRE_ALPHA=1)" "built without the Alpha toolchain"
	else
		tap_skip "--arch alpha bad inputs" "no alpha-linux-gnu cross toolchain (configure: Alpha support: no)"
	fi
fi
tap_done
