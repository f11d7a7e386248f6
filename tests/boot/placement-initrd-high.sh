#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --initrd-placement high: the stub moves the initrd at boot to the highest
# page-aligned place in usable RAM (from the loader's memory map) that ends
# at or below initrd_addr_max and 4 GiB, clear of the kernel's init_size.
# In QEMU's map nothing of ours lies at the top of RAM, so the initrd must
# end less than a page below the end of its RAM range (or of the limit).
# The bytes arrive intact (CRC-32), also when the old and new places overlap.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"

[ -n "$(qemu_binaries)" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"
command -v readelf >/dev/null || skip_all "no readelf (install binutils)"
qemu=$(qemu_binaries | head -n 1)

# planned_initrd IMAGE SIZE: the address the plan gave the initrd (its PT_LOAD)
planned_initrd() {
	readelf -lW "$1" | while read -r _s_type _s_offset _s_vaddr _s_paddr _s_filesz _s_rest; do
		if [ "$_s_type" = LOAD ] && [ $((_s_filesz)) -eq "$2" ]; then
			echo "$_s_vaddr"
			break
		fi
	done
}

# ram_end REPORT ADDR: end of the e820 RAM range holding ADDR (empty if none)
ram_end() {
	sed -n 's/^e820\.[0-9a-f]*=//p' "$1.txt" | while read -r _r_addr _r_size _r_type; do
		if [ "$_r_type" = 0x1 ] && [ $((_r_addr)) -le $(($2)) ] &&
		   [ $((_r_addr + _r_size)) -gt $(($2)) ]; then
			echo $((_r_addr + _r_size))
			break
		fi
	done
}

# check_high LABEL REPORT CMDLINE INITRD VERSION PLANNED LIMIT: every check
# of a probe boot (probe-checks.sh: the initrd intact, page aligned, above
# init_size, below initrd_addr_max), then: moved up, and at the top below
# min(end of its RAM range, LIMIT)
check_high() {
	_h_label=$1 _h_report=$2 _h_initrd=$4 _h_planned=$(($6)) _h_limit=$(($7))
	check_probe_report "$_h_label" "$_h_report" "$3" "$_h_initrd" "$5"
	grep -qx 'probe_end=ok' "$_h_report.txt" || return
	_h_image=$(($(report_value hdr.ramdisk_image "$_h_report")))
	_h_end=$((_h_image + $(file_size "$_h_initrd")))
	_h_top=$(ram_end "$_h_report" "$_h_image")
	[ -n "$_h_top" ] && [ "$_h_top" -gt "$_h_limit" ] && _h_top=$_h_limit
	check "$_h_label: above the planned address ($(hex "$_h_image") > $(hex "$_h_planned"))" \
		test "$_h_image" -gt "$_h_planned"
	check "$_h_label: within RAM, less than a page below its top ($(hex "$_h_end") <= $(hex "${_h_top:-0}"))" \
		test -n "$_h_top" -a "$_h_end" -le "${_h_top:-0}" -a $((${_h_top:-0} - _h_end)) -lt 4096
}

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 1048579 /dev/urandom >"$work/rd.img"
check "mkelfimage --initrd-placement high builds the image" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --command-line "console=ttyS0" \
	--initrd-placement high -o "$work/high.elf"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --command-line "console=ttyS0" \
	-o "$work/planned.elf"
planned=$(planned_initrd "$work/high.elf" 1048579)
check "both images plan the initrd at the same address ($planned)" \
	test -n "$planned" -a "$planned" = "$(planned_initrd "$work/planned.elf" 1048579)"

for q in $(qemu_binaries); do
	name=$(basename "$q")
	for memory in 128 1024; do
		BOOT_MEMORY=$memory boot_image "$q" "$work/high.elf" "$work/$name.$memory"
		check_high "$name, $memory MiB, multiboot" "$work/$name.$memory" console=ttyS0 \
			"$work/rd.img" 0x20f "$planned" 0x100000000
	done
done

BOOT_MEMORY=128 boot_image "$qemu" "$work/planned.elf" "$work/planned"
check_eq "the default (planned) leaves the initrd where the plan put it" \
	"$planned" "$(printf '0x%08x' "$(report_value hdr.ramdisk_image "$work/planned")")"

# PVH: the memory map comes from hvm_start_info instead of multiboot.
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --command-line "console=ttyS0" \
	--initrd-placement high --no-multiboot -o "$work/pvh.elf"
BOOT_MEMORY=128 boot_image "$qemu" "$work/pvh.elf" "$work/pvh"
check_high "128 MiB, PVH" "$work/pvh" console=ttyS0 "$work/rd.img" 0x20f "$planned" 0x100000000

# initrd_addr_max below the end of RAM: the initrd ends at or below it.
"$MKPROBE" --code "$PROBE_DIR/probe-0x1000000.bin" --protocol 2.15 --relocatable 1 \
	--pref-address 0x1000000 --code32-start 0x1000000 --initrd-addr-max 0x1fffffff \
	-o "$work/max.bzImage"
"$MKELFIMAGE" --kernel "$work/max.bzImage" --initrd "$work/rd.img" --initrd-placement high \
	-o "$work/max.elf"
BOOT_MEMORY=1024 boot_image "$qemu" "$work/max.elf" "$work/max"
check_high "1024 MiB, initrd_addr_max 0x1fffffff" "$work/max" "" "$work/rd.img" 0x20f \
	"$(planned_initrd "$work/max.elf" 1048579)" 0x20000000

# Protocol 2.02 has no initrd_addr_max: 0x37ffffff applies (boot.rst).
"$MKELFIMAGE" --kernel "$PROBE_DIR/probe-2.02.bzImage" --initrd "$work/rd.img" \
	--initrd-placement high -o "$work/old.elf"
BOOT_MEMORY=1024 boot_image "$qemu" "$work/old.elf" "$work/old"
check_high "1024 MiB, protocol 2.02" "$work/old" "" "$work/rd.img" 0x202 \
	"$(planned_initrd "$work/old.elf" 1048579)" 0x38000000

# A 48 MiB guest and a 16 MiB initrd (size not a multiple of 4): the new
# place overlaps the old one, so the copy must run from the end down.
head -c 16777219 /dev/urandom >"$work/big.img"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/big.img" --initrd-placement high -o "$work/big.elf"
big_planned=$(planned_initrd "$work/big.elf" 16777219)
BOOT_MEMORY=48 boot_image "$qemu" "$work/big.elf" "$work/big"
check_high "48 MiB, 16 MiB initrd" "$work/big" "" "$work/big.img" 0x20f "$big_planned" 0x100000000
check "48 MiB, 16 MiB initrd: old and new places overlap (memmove)" \
	test $(($(report_value hdr.ramdisk_image "$work/big"))) -lt $((big_planned + 16777219))
tap_done
