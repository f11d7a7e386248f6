#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The image is a well-formed ELF32 multiboot image: readelf and eu-readelf read
# it without a warning, and the program headers follow the rules of
# doc/ARCHITECTURE.md (all at or above 1 MiB, p_vaddr == p_paddr, at most 10
# PT_LOAD), with a valid multiboot header in the first 8 KiB and no a.out kludge.
. "$top_srcdir/tests/lib.sh"

head -c 5000 /dev/urandom >"$work/rd.img"
"$MKELFIMAGE" --kernel "$PROBE_DIR/probe-2.15-reloc.bzImage" --initrd "$work/rd.img" \
	--command-line "console=ttyS0" -o "$work/boot.elf"

if command -v readelf >/dev/null; then
	readelf -lnW "$work/boot.elf" >"$work/readelf.out" 2>"$work/readelf.err"
	check "readelf -lnW reads the image" test $? = 0
	check_eq "readelf prints no warning" "" "$(cat "$work/readelf.err"; grep -i warning "$work/readelf.out")"
	check "readelf: ELF32 executable for Intel 80386" \
		grep -q 'Elf file type is EXEC' "$work/readelf.out"
else
	tap_skip "readelf reads the image" "readelf not installed (binutils)"
fi
if command -v eu-readelf >/dev/null; then
	eu-readelf -a "$work/boot.elf" >"$work/eu.out" 2>"$work/eu.err"
	check "eu-readelf -a reads the image" test $? = 0
	check_eq "eu-readelf prints no warning" "" "$(cat "$work/eu.err")"
else
	tap_skip "eu-readelf reads the image" "eu-readelf not installed (elfutils)"
fi

# Program headers: type offset vaddr paddr filesz memsz flags align
LC_ALL=C readelf -lW "$work/boot.elf" | awk '$1 == "LOAD"' >"$work/loads"
check "at most 10 PT_LOAD (room for a kexec loader's own segments)" \
	test "$(wc -l <"$work/loads")" -le 10
# load_rules: p_vaddr == p_paddr, at or above 1 MiB, ascending order
load_rules() {
	last=0
	while read -r type offset vaddr paddr rest; do
		[ "$vaddr" = "$paddr" ] || { echo "p_vaddr $vaddr != p_paddr $paddr"; return; }
		[ $((paddr)) -ge 1048576 ] || { echo "segment at $paddr is below 1 MiB"; return; }
		[ $((paddr)) -ge "$last" ] || { echo "segment at $paddr follows a higher one"; return; }
		last=$((paddr))
	done <"$work/loads"
	echo fine
}
check_eq "every PT_LOAD has p_vaddr == p_paddr (iPXE), is at or above 1 MiB, in ascending order" \
	fine "$(load_rules)"

# Multiboot header: magic, flags 0x3 without bit 16, checksum, within 8 KiB
mb=$(od -An -tx4 -v -w4 -N 8192 "$work/boot.elf" | awk '
	{ w[NR] = $1 }
	END { for (i = 1; i <= NR; i++) if (w[i] == "1badb002") { print (i - 1) * 4, w[i + 1], w[i + 2]; exit } }')
set -- $mb
check "a multiboot header lies in the first 8 KiB" test -n "$mb"
check_eq "multiboot flags: page-aligned modules and memory info, no a.out kludge" 00000003 "${2:-}"
check_eq "multiboot checksum makes the sum 0" \
	0 "$(( (0x1badb002 + 0x${2:-0} + 0x${3:-0}) & 0xffffffff ))"
tap_done
