#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# An --arch alpha image is a clean ELF64 EM_ALPHA executable: readelf and
# eu-readelf read it without a warning, every PT_LOAD has p_vaddr == p_paddr
# in KSEG with p_offset congruent to p_vaddr, the entry is the stub's; the
# same inputs give the same bytes; --max-size is checked before writing;
# -v prints the Alpha plan.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/alpha/alpha-lib.sh"
alpha_require_toolchain

image=$work/a.elf
head -c 12345 /dev/urandom >"$work/rd"
build() {
	"$MKELFIMAGE" --arch alpha --kernel "$ALPHA_PROBE" --initrd "$work/rd" \
		--command-line "console=ttyS0" -o "$1"
}
check "mkelfimage --arch alpha" build "$image"

readelf -hlW "$image" >"$work/readelf" 2>"$work/readelf.err"
check_eq "readelf reads it without a warning" "" "$(cat "$work/readelf.err")"
check_eq "ELF64 executable (ET_EXEC)" "ELF64 EXEC" \
	"$(sed -n 's/^ *Class: *//p' "$work/readelf") $(sed -n 's/^ *Type: *\([A-Z]*\).*/\1/p' "$work/readelf")"
if command -v eu-readelf >/dev/null; then
	eu-readelf -a "$image" >/dev/null 2>"$work/eu.err"
	check_eq "eu-readelf reads it without a warning" "" "$(cat "$work/eu.err")"
else
	tap_skip "eu-readelf reads it without a warning" "no eu-readelf (install elfutils)"
fi
# low 16 bits of a hex number (awk numbers cannot hold 64-bit addresses exactly)
bad=$(awk 'function low16(s,   v, i) {
	s = substr(s, length(s) - 3); v = 0
	for (i = 1; i <= 4; i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v
}
$1 == "LOAD" && ($3 != $4 || substr($3, 1, 8) != "0xfffffc" || low16($2) % 8192 != low16($3) % 8192)' "$work/readelf")
check_eq "PT_LOAD: p_vaddr == p_paddr, in KSEG, p_offset = p_vaddr mod 8 KiB" "" "$bad"
# the stub's entry follows its 0x30-byte header (stubs/alpha/header.S)
stub=$(alpha_segment_vaddr "$image" 3)
low=$(printf '%s' "$stub" | tail -c 4)
entry=$(sed -n 's/^ *Entry point address: *//p' "$work/readelf")
check_eq "the entry is the stub's, after its header" \
	"${stub%????}$(printf '%04x' $((0x$low + 0x30)))" "$entry"

check "a second build" build "$work/b.elf"
check "same inputs, same bytes" cmp -s "$image" "$work/b.elf"

size=$(file_size "$image")
"$MKELFIMAGE" --arch alpha --kernel "$ALPHA_PROBE" --initrd "$work/rd" \
	--max-size $((size - 1)) -o "$work/c.elf" 2>"$work/err"
check_eq "--max-size one byte short: exit 1, nothing written" "1 no-file" \
	"$? $([ -e "$work/c.elf" ] && echo file || echo no-file)"
check "the error names the size and the limit" \
	grep -q "$size bytes exceed --max-size $((size - 1)) by 1 bytes" "$work/err"
check "--max-size exactly the size is accepted" "$MKELFIMAGE" --arch alpha \
	--kernel "$ALPHA_PROBE" --initrd "$work/rd" --max-size "$size" -o "$work/c.elf"

"$MKELFIMAGE" --arch alpha --kernel "$ALPHA_PROBE" --initrd "$work/rd" -v -o "$work/d.elf" >"$work/plan"
check "-v prints PARAM at START_ADDR - 0x6000" grep -q '^PARAM (ZERO_PGE): 0xfffffc000100a000$' "$work/plan"
check "-v prints the initrd segment" grep -Eq '^initrd +0xfffffc' "$work/plan"

# inspect reads an Alpha image as what it is
"$MKELFIMAGE" inspect --json "$work/d.elf" >"$work/d.json"
check_eq "inspect: made by mkelfimage, ELF64, its segments named, QEMU clipper the loader" \
	"True ELF64 kernel,kernel,stub,initrd QEMU clipper -kernel:True" \
	"$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(d["made_by_mkelfimage"], d["file"]["class"], ",".join(s["name"] for s in d["segments"]),
      " ".join("%s:%s" % (l["loader"], l["accepts"]) for l in d["loaders"]))' "$work/d.json")"
tap_done
