#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The audit a firmware user runs: take the payload back out of a flashed
# coreboot ROM (cbfstool extract -m x86, which turns coreboot's SELF back
# into an ELF without any PT_NOTE) and check it against what went in. The
# image carries its own records (digests, sizes, a bzImage's setup bytes)
# in a loaded segment as well as in its notes (formats/records.h), so with
# both cbfstool compressions:
#   inspect says it reads a payload that lost its notes, and finds them;
#   extract gives the kernel, the initrd and the command line back, byte
#   for byte, each checked against its SHA-256.
# Bad input, one line each: damage inside the ROM (cbfstool refuses changed
# LZMA data itself; extract refuses a changed stored segment), and a payload
# that never came from mkelfimage. The edits keep the loaded copy in step
# (set-command-line, replace-initrd, then the flash). No QEMU: cbfstool only.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/coreboot/coreboot-lib.sh"
command -v cbfstool >/dev/null 2>&1 || skip_all "no cbfstool (install coreboot-utils)"
command -v xz >/dev/null 2>&1 || skip_all "no xz (install xz-utils)"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
seq 1 30000 >"$work/rd"      # fixed bytes: the damaged-ROM case below is reproducible
cmdline="console=ttyS0 audited=1"
check "the coreboot template builds the payload (digests on)" \
	"$MKELFIMAGE" --template "$top_srcdir/templates/coreboot-payload.yaml" --kernel "$kernel" \
	--initrd "$work/rd" --command-line "$cmdline" -o "$work/payload.elf"
"$MKELFIMAGE" extract "$work/payload.elf" --initrd "$work/rd.in-image"
rom=$(coreboot_rom i440fx)

# flash COMPRESSION: the ROM with the payload, and the payload taken back out
flash() {
	cp "$rom" "$work/$1.rom"
	if [ "$1" = none ]; then
		cbfstool "$work/$1.rom" add-payload -f "$work/payload.elf" -n fallback/payload >/dev/null 2>&1
	else
		cbfstool "$work/$1.rom" add-payload -f "$work/payload.elf" -n fallback/payload -c "$1" >/dev/null 2>&1
	fi && cbfstool "$work/$1.rom" extract -n fallback/payload -m x86 -f "$work/$1.elf" >/dev/null 2>&1
}

for comp in none lzma; do
	check "$comp: cbfstool adds the payload and extracts it as an ELF" flash "$comp"
	check_eq "$comp: the extracted payload has no PT_NOTE" 0 \
		"$(readelf -lW "$work/$comp.elf" 2>/dev/null | grep -c '^ *NOTE')"
	"$MKELFIMAGE" inspect "$work/$comp.elf" >"$work/$comp.inspect" 2>&1
	check "$comp: inspect says the notes came from the records segment" \
		grep -q '^notes_source: the records segment: the image has lost its PT_NOTEs' "$work/$comp.inspect"
	check "$comp: inspect checks every digest: ok" \
		sh -c "grep -Eq '^  command line +0 +[0-9]+ [0-9a-f]{64} ok\$' '$work/$comp.inspect' &&
			grep -Eq '^  initrd file +0 +[0-9]+ [0-9a-f]{64} ok\$' '$work/$comp.inspect'"
	rm -f "$work/k" "$work/i" "$work/c"
	check "$comp: extract gives every part back" \
		"$MKELFIMAGE" extract "$work/$comp.elf" --kernel "$work/k" --initrd "$work/i" --command-line "$work/c"
	check "$comp: the kernel, byte for byte" cmp "$kernel" "$work/k"
	check "$comp: the initrd the image holds, byte for byte" cmp "$work/rd.in-image" "$work/i"
	check_eq "$comp: the command line" "$cmdline" "$(cat "$work/c")"
done

# Damage inside the ROM. cbfstool itself refuses a payload whose LZMA data
# was changed (the decoded length comes out wrong); a changed byte in a
# segment stored as is (the initrd: xz data does not shrink further) comes
# out of cbfstool, and extract refuses it.
payload_data() {
	_name_at=$(grep -abo 'fallback/payload' "$1" | head -n 1 | cut -d: -f1)
	_header=$((_name_at - 24))     # struct cbfs_file: magic[8] len type attributes_offset offset name
	echo $((_header + 0x$(od -An -tx1 -j $((_header + 20)) -N4 "$1" | tr -d ' \n')))
}
# segment_offset ROM LOAD: the offset in the payload's data of the segment loaded at LOAD
segment_offset() {
	cbfstool "$1" print -v 2>/dev/null | sed -n "s/.*offset: \(0x[0-9a-f]*\), load: $2,.*/\1/p"
}
data=$(payload_data "$work/lzma.rom")
kernel_lzma=$(segment_offset "$work/lzma.rom" 0x1000000)
initrd_at=$(readelf -lW "$work/payload.elf" | awk '$1 == "LOAD" { n++; if (n == 4) print $4 }' | sed 's/^0x0*/0x/')
initrd_plain=$(segment_offset "$work/lzma.rom" "$initrd_at")
cp "$work/lzma.rom" "$work/bad-lzma.rom"
printf '\125' | dd of="$work/bad-lzma.rom" bs=1 seek=$((data + kernel_lzma + 1000)) conv=notrunc 2>/dev/null
check "a ROM whose kernel LZMA data was damaged: cbfstool refuses to extract the payload" \
	sh -c "! cbfstool '$work/bad-lzma.rom' extract -n fallback/payload -m x86 -f '$work/bad-lzma.elf' >/dev/null 2>&1"
cp "$work/lzma.rom" "$work/bad.rom"
printf '\125' | dd of="$work/bad.rom" bs=1 seek=$((data + initrd_plain + 3000)) conv=notrunc 2>/dev/null
cbfstool "$work/bad.rom" extract -n fallback/payload -m x86 -f "$work/bad.elf" >/dev/null 2>&1
"$MKELFIMAGE" extract "$work/bad.elf" --initrd "$work/bad-i" 2>"$work/err"
check_eq "a payload whose initrd was damaged in the ROM: one line, exit 1, nothing written" \
	"1 mkelfimage: image '$work/bad.elf': the initrd 0 does not match its recorded SHA-256; the image is damaged no" \
	"$? $(cat "$work/err") $([ -e "$work/bad-i" ] && echo yes || echo no)"

# A payload mkelfimage never made: the probe's own ELF through the same round trip
cp "$rom" "$work/other.rom"
cbfstool "$work/other.rom" add-payload -f "$PROBE_DIR/probe-0x100000.elf" -n fallback/payload >/dev/null 2>&1
cbfstool "$work/other.rom" extract -n fallback/payload -m x86 -f "$work/other.elf" >/dev/null 2>&1
"$MKELFIMAGE" extract "$work/other.elf" --kernel "$work/other-k" 2>"$work/err"
check_eq "a payload mkelfimage never made: one line, exit 1" \
	"1 mkelfimage: image '$work/other.elf': no mkelfimage stub parameters: not an image mkelfimage made" \
	"$? $(cat "$work/err")"
# The edits rebuild the records segment too: after set-command-line and
# replace-initrd, the payload out of the ROM gives back the new parts.
cp "$work/payload.elf" "$work/edited.elf"
seq 5 20000 >"$work/rd2"
check "set-command-line and replace-initrd edit the payload" \
	sh -c "'$MKELFIMAGE' set-command-line '$work/edited.elf' 'console=ttyS0 edited=1' &&
		'$MKELFIMAGE' replace-initrd '$work/edited.elf' '$work/rd2'"
"$MKELFIMAGE" extract "$work/edited.elf" --initrd "$work/rd2.in-image"
cp "$work/edited.elf" "$work/payload.elf"
rm -f "$work/c" "$work/i"
check "the edited payload survives the flash" flash none
check "extract of the flashed edited payload: the new initrd and command line" \
	"$MKELFIMAGE" extract "$work/none.elf" --initrd "$work/i" --command-line "$work/c"
check "the new initrd, byte for byte" cmp "$work/rd2.in-image" "$work/i"
check_eq "the new command line" "console=ttyS0 edited=1" "$(cat "$work/c")"
tap_done
