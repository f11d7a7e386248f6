#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# -v prints the plan: the kernel's load and run addresses and init_size, the
# reservation, every segment with its address and sizes, the entry, the
# command line's length and limit, the initrd region, and the minimum RAM.
. "$top_srcdir/tests/lib.sh"

head -c 4096 /dev/urandom >"$work/rd.img"
"$MKELFIMAGE" -v --kernel "$PROBE_DIR/probe-2.15-reloc.bzImage" --initrd "$work/rd.img" \
	--command-line "console=ttyS0" -o "$work/boot.elf" >"$work/plan"
check "-v still writes the image" test -s "$work/boot.elf"
check "-v: the kernel's protocol, load and run addresses, init_size" \
	grep -qx 'kernel: protocol 2.15, relocatable, load 0x1000000, runs at 0x1000000, init_size 0x800000' "$work/plan"
check "-v: the reservation [load, runtime + init_size)" \
	grep -qx 'reserved for the kernel: 0x1000000-0x17fffff' "$work/plan"
for segment in kernel stub "command line" initrd; do
	check "-v: the $segment segment with address, file and memory sizes" \
		grep -Eq "^$segment +0x[0-9a-f]{8} 0x[0-9a-f]{8} 0x[0-9a-f]{8}$" "$work/plan"
done
check_eq "-v: segments as the program headers have them" \
	"$(LC_ALL=C readelf -lW "$work/boot.elf" | awk '$1 == "LOAD" { print $4 }' | sed 's/^0x0*/0x/')" \
	"$(sed -n 's/^[a-z ]* \(0x[0-9a-f]\{8\}\) 0x.*/\1/p' "$work/plan" | sed 's/^0x0*/0x/')"
check_eq "-v: the entry is the ELF entry point" \
	"$(LC_ALL=C readelf -hW "$work/boot.elf" | sed -n 's/^ *Entry point address: *//p')" \
	"$(sed -n 's/^entry: //p' "$work/plan")"
check "-v: the command line's length and limit" \
	grep -qx 'command line: 13 of at most 2047 bytes' "$work/plan"
initrd_end=$(($(sed -n 's/^initrd: \(0x[0-9a-f]*\), .*/\1/p' "$work/plan") + 4096))
check_eq "-v: minimum RAM covers the end of the initrd" \
	"minimum RAM: $(( (initrd_end + 1048575) / 1048576 )) MiB" "$(grep '^minimum RAM' "$work/plan" | sed 's/ (.*//')"
tap_done
