#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Outputs are never the wrong file (issue 15): the manifest is compared with
# the image by identity (another spelling, a hard link, a symlink), an
# existing device, FIFO or socket is refused and stays, -o "" is a usage
# error before any work, output names up to NAME_MAX work (the temporary
# name is cut to fit), and - is standard output for -o and --manifest.
# Each refusal: exit 1, one line, the existing output unchanged, no
# temporary file left.
. "$top_srcdir/tests/lib.sh"

good=$PROBE_DIR/probe-2.15-reloc.bzImage
printf '070701 initrd\n' >"$work/rd.img"

# refused NAME DIR EXPECTED_LINE ARGS...: run in DIR (which holds only what
# the case made), exit 1 and the exact line; DIR's listing (with types) and
# each file's bytes are as before.
refused() {
	r_name=$1 r_dir=$2 r_want=$3
	shift 3
	before=$(cd "$r_dir" && ls -lA --time-style=+ | sed 1d && find . -maxdepth 1 -type f -exec cat {} + | cksum)
	status=0
	(cd "$r_dir" && exec "$MKELFIMAGE" "$@") >"$work/out.txt" 2>"$work/stderr" || status=$?
	after=$(cd "$r_dir" && ls -lA --time-style=+ | sed 1d && find . -maxdepth 1 -type f -exec cat {} + | cksum)
	check_eq "$r_name: exit 1 and one line" "1 mkelfimage: $r_want" "$status $(cat "$work/stderr")"
	check_eq "$r_name: every existing file unchanged, nothing new, nothing on stdout" "$before" "$after$(cat "$work/out.txt")"
}

# The manifest is the image by another name.
d=$work/same
mkdir -p "$d"
printf 'previous image\n' >"$d/out.elf"
refused "--manifest ./out.elf with -o out.elf" "$d" "manifest './out.elf': is the image output" \
	--kernel "$good" -o out.elf --manifest ./out.elf
refused "--manifest DIR/../DIR/out.elf with -o out.elf" "$d" "manifest '../same/out.elf': is the image output" \
	--kernel "$good" -o out.elf --manifest ../same/out.elf
ln "$d/out.elf" "$d/hard.json"
refused "--manifest a hard link to the image" "$d" "manifest 'hard.json': is the image output" \
	--kernel "$good" -o out.elf --manifest hard.json
ln -s out.elf "$d/sym.json"
refused "--manifest a symlink to the image" "$d" "manifest 'sym.json': is the image output" \
	--kernel "$good" -o out.elf --manifest sym.json
refused "-o a symlink to the manifest" "$d" "manifest 'out.elf': is the image output" \
	--kernel "$good" -o sym.json --manifest out.elf
d=$work/new
mkdir -p "$d"
refused "--manifest ./new.elf with -o new.elf, neither existing" "$d" "manifest './new.elf': is the image output" \
	--kernel "$good" -o new.elf --manifest ./new.elf

# An existing output that is not a regular file is refused and stays.
d=$work/special
mkdir -p "$d"
mkfifo "$d/fifo"
mknod "$d/null" c 1 3
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$d/socket"
ln -s null "$d/null-link"
for name in fifo null socket null-link; do
	refused "-o an existing $name" "$d" \
		"output '$name': not a regular file; a device, FIFO or socket is never replaced (use - for standard output)" \
		--kernel "$good" -o "$name"
	refused "--manifest an existing $name" "$d" \
		"output '$name': not a regular file; a device, FIFO or socket is never replaced (use - for standard output)" \
		--kernel "$good" -o "$work/special.elf" --manifest "$name"
done
check "the character device is still one" test -c "$d/null"
check "the FIFO is still one" test -p "$d/fifo"
check "the socket is still one" test -S "$d/socket"
rm -f "$work/special.elf"

# An empty name is a usage error before any work (no temporary image).
d=$work/empty
mkdir -p "$d"
refused "-o \"\"" "$d" "--output '': an empty file name (give a file, or - for standard output)" \
	--kernel "$good" -o ""
refused "--manifest \"\"" "$d" "--manifest '': an empty file name (give a file, or - for standard output)" \
	--kernel "$good" -o out.elf --manifest ""

# Names of 248 to 255 bytes: the temporary name is cut to stay within NAME_MAX.
d=$work/long
mkdir -p "$d"
ok=0
for len in 248 250 252 254 255; do
	name=$(printf "%${len}s" "" | tr ' ' n)
	"$MKELFIMAGE" --kernel "$good" -o "$d/$name" 2>"$work/stderr" &&
		[ ! -s "$work/stderr" ] && [ "$(head -c 4 "$d/$name" | tail -c 3)" = ELF ] && ok=$((ok + 1))
	"$MKELFIMAGE" --kernel "$good" -o "$d/$name" 2>/dev/null || ok=$((ok - 1))
done
check_eq "output names of 248 to 255 bytes are written, and replaced" 5 "$ok"
check_eq "... with no temporary file left" 5 "$(ls -A "$d" | wc -l)"

# - is standard output, for the image and for the manifest.
d=$work/stdout
mkdir -p "$d/tmp"
"$MKELFIMAGE" --kernel "$good" --initrd "$work/rd.img" -o "$d/file.elf" --manifest "$d/file.json"
status=0
(cd "$d" && TMPDIR=$d/tmp exec "$MKELFIMAGE" --kernel "$good" --initrd "$work/rd.img" -v -o -) \
	>"$work/image" 2>"$work/stderr" || status=$?
check "-o -: the image on standard output, the same bytes as a file build" cmp "$d/file.elf" "$work/image"
check "-o -: exit 0, the --verbose plan on standard error, no file made, TMPDIR left empty" \
	test "$status" = 0 -a -s "$work/stderr" -a -z "$(ls -A "$d/tmp")" -a "$(ls -A "$d" | tr '\n' ' ')" = "file.elf file.json tmp "
(cd "$d" && "$MKELFIMAGE" --kernel "$good" --initrd "$work/rd.img" -o "$d/file.elf" --manifest -) >"$work/json"
check_eq "--manifest -: the manifest on standard output, as the file one" "$(cat "$d/file.json")" "$(cat "$work/json")"
refused "-o - with --manifest -" "$d" "manifest '-': is the image output (standard output holds one of them)" \
	--kernel "$good" -o - --manifest -
refused "-o - with a bad kernel writes nothing to standard output" "$d" "kernel '$work/rd.img': setup header 0x202: file is 14 bytes, too short to hold the \"HdrS\" signature at 0x202" \
	--kernel "$work/rd.img" -o -
check "-o - never made a file named -" test ! -e "$d/-"
printf 'kernel: %s\noutput: "-"\n' "$good" >"$d/t.yaml"
(cd "$d" && "$MKELFIMAGE" --template t.yaml --initrd "$work/rd.img") >"$work/image"
check "a template's output: - is standard output too, not a file beside the template" \
	sh -c 'cmp -s "$1" "$2" && test ! -e "$3"' sh "$d/file.elf" "$work/image" "$d/-"
cp "$good" "$d/k.bzImage"
status=0
"$MKELFIMAGE" --kernel "$d/k.bzImage" -o - >>"$d/k.bzImage" 2>"$work/stderr" || status=$?
check_eq "-o - with standard output appending to the kernel: exit 1, one line" \
	"1 mkelfimage: output '-': is the kernel input" "$status $(cat "$work/stderr")"
check "... and the kernel unchanged" cmp "$good" "$d/k.bzImage"
tap_done
