#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# One rule for every limit: numbers read as documented (decimal or 0x hex,
# K/M/G; no sign, space or octal), a value option given twice is an error,
# one initrd limit for builds and edits, and --plan checks --max-size as the
# build does. Each: exit status, the one line, no output.
. "$top_srcdir/tests/lib.sh"

good=$PROBE_DIR/probe-2.15-reloc.bzImage
printf '070701 initrd\n' >"$work/rd.img"

# refused LABEL EXPECTED_LINE ARGS...: exit 1, that line, no image written
refused() {
	label=$1 want=$2
	shift 2
	rm -f "$work/out.elf"
	"$MKELFIMAGE" "$@" >/dev/null 2>"$work/err"
	status=$?
	check_eq "$label: exit status 1" 1 "$status"
	check_eq "$label: the error line" "mkelfimage: $want" "$(cat "$work/err")"
	check "$label: no output" test ! -e "$work/out.elf"
}

size=$("$MKELFIMAGE" --kernel "$good" --plan | sed -n 's/^  -    no --max-size: the file may have any size (\([0-9]*\) bytes)$/\1/p')
check "--plan says the file size when there is no --max-size" test -n "$size"
refused "--max-size 010 is ten bytes, not octal eight" \
	"output '$work/out.elf': $size bytes exceed --max-size 10 by $((size - 10)) bytes; nothing written" \
	--kernel "$good" --max-size 010 -o "$work/out.elf"
for bad in " 5M" "+5M" "-5M" "0x" "5MB" "1K5" "0x1G0"; do
	refused "--max-size '$bad' is no size" \
		"--max-size '$bad': not a size in bytes (like 1048576, 0x100000, 512K, 8M)" \
		--kernel "$good" --max-size "$bad" -o "$work/out.elf"
done
"$MKELFIMAGE" --kernel "$good" --max-size 0x10000K -o "$work/out.elf" 2>"$work/err"
check_eq "--max-size 0x10000K (64 MiB) builds" "0 " "$? $(cat "$work/err")"

"$MKELFIMAGE" --kernel "$good" --max-size 010 --plan >"$work/plan" 2>"$work/err"
check_eq "--plan with a --max-size the image exceeds: exit 1" 1 $?
check "--plan shows the broken --max-size rule" \
	grep -qx "  FAIL image file $size bytes, at most --max-size 10" "$work/plan"
check_eq "--plan names it as the build would" \
	"mkelfimage: image: $size bytes exceed --max-size 10 by $((size - 10)) bytes; nothing written" \
	"$(cat "$work/err")"

for option in --max-size:1M --elf-class:32 --command-line-policy:fixed --initrd-placement:high \
	--compress-initrd:xz --arch:x86 --output:"$work/out.elf" --kernel:"$good"; do
	name=${option%%:*} value=${option#*:}
	refused "$name given twice" "$name given twice; give it once" \
		--kernel "$good" -o "$work/out.elf" "$name" "$value" "$name" "$value"
done

"$MKELFIMAGE" --kernel "$good" --initrd "$work/rd.img" -o "$work/ex.elf"
for option in kernel vmlinux command-line-file; do
	"$MKELFIMAGE" extract "$work/ex.elf" "--$option" "$work/x1" "--$option" "$work/x2" 2>"$work/err"
	check_eq "extract --$option given twice: exit 1, one line, nothing written" \
		"1 mkelfimage: extract: --$option given twice; give it once " \
		"$? $(cat "$work/err") $(ls "$work/x1" "$work/x2" 2>/dev/null)"
done

set --
i=0
while [ $i -lt 65 ]; do
	set -- "$@" --initrd "$work/rd.img"
	i=$((i + 1))
done
refused "65 initrds" "initrd '$work/rd.img': 65 initrds, more than the 64 an image holds" \
	--kernel "$good" "$@" -o "$work/out.elf"
shift 2
"$MKELFIMAGE" --kernel "$good" "$@" -o "$work/out.elf" 2>"$work/err"
check_eq "64 initrds build" "0 " "$? $(cat "$work/err")"
files=$(i=0; while [ $i -lt 64 ]; do echo "$work/rd.img"; i=$((i + 1)); done)
cp "$work/out.elf" "$work/kept.elf"
# shellcheck disable=SC2086
"$MKELFIMAGE" replace-initrd "$work/out.elf" $files "$work/last.img" 2>"$work/err"
check_eq "replace-initrd with 65 initrds: exit 1" 1 $?
check_eq "replace-initrd with 65 initrds: the same limit" \
	"mkelfimage: initrd '$work/last.img': 65 initrds, more than the 64 an image holds" "$(cat "$work/err")"
check "replace-initrd with 65 initrds: the image is as it was" cmp "$work/kept.elf" "$work/out.elf"

# A compressed kernel is judged by its first decoded bytes, and bounded.
head -c 4000000 /dev/zero | gzip >"$work/zeros.gz"
mkdir "$work/tmp"
rm -f "$work/out.elf"
TMPDIR=$work/tmp "$MKELFIMAGE" --kernel "$work/zeros.gz" -o "$work/out.elf" 2>"$work/err"
check_eq "a gzip kernel that is no ELF: exit 1 and the line" \
	"1 mkelfimage: kernel '$work/zeros.gz': gzip-compressed, but no ELF file once decompressed; a compressed kernel must be a vmlinux" \
	"$? $(cat "$work/err")"
python3 -c '
import lzma, sys
c = lzma.LZMACompressor(format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC32)
out = open(sys.argv[1], "wb")
out.write(c.compress(b"\x7fELF"))
zeros = bytes(1 << 24)
for i in range(65):
    out.write(c.compress(zeros))
out.write(c.flush())' "$work/huge.xz"
TMPDIR=$work/tmp "$MKELFIMAGE" --kernel "$work/huge.xz" -o "$work/out.elf" 2>"$work/err"
check_eq "an xz kernel that decodes past 1 GiB: exit 1 and the limit" \
	"1 mkelfimage: kernel '$work/huge.xz': decodes to more than 1073741824 bytes (the most a compressed vmlinux may decode to)" \
	"$? $(cat "$work/err")"
check_eq "no image, and the decoded temporary file is gone" "" "$(ls -A "$work/tmp")$(ls "$work/out.elf" 2>/dev/null)"
tap_done
