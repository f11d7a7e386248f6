#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The layout of an --arch riscv64 image: ELF64 EM_RISCV, PT_LOADs only (no
# PT_NOTE at p_paddr 0 for U-Boot 2023.01 to copy), the stub first at
# 0x80200000 (where fw_jump and QEMU 7.2's -kernel enter a payload) opening
# with a jump over its header, the kernel on the next 2 MiB boundary, the
# initrd after it; --plan prints every rule with its numbers, the OpenSBI
# one among them; the same inputs give the same bytes.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/riscv64/riscv64-lib.sh"
riscv64_require_toolchain

head -c 100000 /dev/urandom >"$work/rd"
image=$work/probe.elf
check "mkelfimage --arch riscv64 builds the probe image" \
	"$MKELFIMAGE" --arch riscv64 --kernel "$RISCV64_PROBE" --initrd "$work/rd" --command-line "x=1" -o "$image"
readelf -hlW "$image" >"$work/readelf" 2>&1
check_eq "ELF64" "ELF64" "$(sed -n 's/^ *Class: *//p' "$work/readelf")"
check_eq "EM_RISCV" "RISC-V" "$(sed -n 's/^ *Machine: *//p' "$work/readelf")"
check_eq "program headers: three PT_LOADs and nothing else" "LOAD LOAD LOAD" \
	"$(awk '/^Program Headers/ { on = 1; next } on && /^ *[A-Z]/ && $1 != "Type" { printf "%s%s", sep, $1; sep = " " } /^$/ { on = 0 }' "$work/readelf")"
check_eq "the stub first at 0x80200000, the kernel at 0x80400000" "0x80200000 0x80400000" \
	"$(riscv64_segment_addr "$image" 1) $(riscv64_segment_addr "$image" 2)"
stub_offset=$(readelf -lW "$image" | awk '$1 == "LOAD" { print $2; exit }')
first=$(od -An -tx4 -j "$((stub_offset))" -N4 "$image" | tr -d ' ')
check_eq "the stub's first word is a jal x0 (a jump) to its entry" "6f" "$(printf '%02x' $((0x$first & 0xfff)))"
entry=$(sed -n 's/^ *Entry point address: *//p' "$work/readelf")
check_eq "e_entry is the stub's entry, past its header" "0x80200038" "$entry"
"$MKELFIMAGE" --arch riscv64 --kernel "$RISCV64_PROBE" --initrd "$work/rd" --command-line "x=1" --plan >"$work/plan" 2>&1
check "--plan names the OpenSBI rule and it holds" grep -q "^  ok .*0x80200000 (OpenSBI owns the start of RAM" "$work/plan"
check "--plan: the stub outside the kernel's reservation" grep -q "^  ok .*stub at 0x80200000, outside the reservation" "$work/plan"
check "--plan: 0 failed" grep -q " 0 failed" "$work/plan"
"$MKELFIMAGE" --arch riscv64 --kernel "$RISCV64_PROBE" --initrd "$work/rd" --command-line "x=1" -o "$work/again.elf"
check "the same inputs give the same bytes" cmp -s "$image" "$work/again.elf"
gzip -n -9 -c "$RISCV64_PROBE" >"$work/probe.gz"
"$MKELFIMAGE" --arch riscv64 --kernel "$work/probe.gz" --initrd "$work/rd" --command-line "x=1" -o "$work/gz.elf"
check "an Image.gz gives the same image as the Image" cmp -s "$image" "$work/gz.elf"
tap_done
