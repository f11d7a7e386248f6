#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# PVH: an image built with --no-multiboot carries only the Xen note
# XEN_ELFNOTE_PHYS32_ENTRY, so QEMU -kernel boots it through PVH (its PVH
# option ROM hands the stub an hvm_start_info). The stub reads the command
# line, the memory map, the RSDP and a module (QEMU -initrd) from it.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"

[ -n "$(qemu_binaries)" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"
command -v readelf >/dev/null || skip_all "no readelf (install binutils)"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 200000 /dev/urandom >"$work/rd.img"
head -c 70001 /dev/urandom >"$work/module.img"
check "mkelfimage --no-multiboot builds the image" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" \
	--command-line "console=ttyS0 x=1" --no-multiboot -o "$work/pvh.elf"
check "mkelfimage --no-multiboot builds an image without an initrd" \
	"$MKELFIMAGE" --kernel "$kernel" --command-line "console=ttyS0" --no-multiboot \
	-o "$work/pvh-noinitrd.elf"

# The image's headers: no multiboot magic; the Xen note names the PVH entry.
check "--no-multiboot: no multiboot magic in the first 8 KiB" \
	sh -c "! head -c 8192 '$work/pvh.elf' | od -An -tx4 -v -w4 | grep -q 1badb002"
readelf -lW "$work/pvh.elf" >"$work/phdrs"
check_eq "the PT_NOTE is the first program header, p_align 4 (QEMU misreads 8)" "NOTE 0x4" \
	"$(awk '$1 == "NOTE" || $1 == "LOAD" { print $1, $NF; exit }' "$work/phdrs")"
readelf -nW "$work/pvh.elf" >"$work/notes"
check "a Xen note of type 18 (XEN_ELFNOTE_PHYS32_ENTRY) with a 4-byte desc" \
	grep -q 'Xen  *0x00000004.*0x00000012' "$work/notes"
"$MKELFIMAGE" --kernel "$kernel" --no-pvh -o "$work/nopvh.elf"
check "--no-pvh: no Xen note" sh -c "! readelf -nW '$work/nopvh.elf' | grep -q '^ *Xen'"
check "--no-pvh keeps the ELFBoot notes" sh -c "readelf -nW '$work/nopvh.elf' | grep -q '^ *ELFBoot'"
"$MKELFIMAGE" --kernel "$kernel" --no-pvh --no-elf-notes -o "$work/nonotes.elf"
check "--no-pvh --no-elf-notes: neither Xen nor ELFBoot notes" \
	sh -c "! readelf -nW '$work/nonotes.elf' | grep -Eq '^ *(Xen|ELFBoot) '"
"$MKELFIMAGE" --kernel "$kernel" --no-multiboot --multiboot -o "$work/mb-again.elf"
check "--multiboot after --no-multiboot: the last one wins, the header is back" \
	sh -c "head -c 8192 '$work/mb-again.elf' | od -An -tx4 -v -w4 | grep -q 1badb002"

for qemu in $(qemu_binaries); do
	name=$(basename "$qemu")
	boot_image "$qemu" "$work/pvh.elf" "$work/$name.pvh" -append "y=2 z=three"
	check_probe_report "$name, PVH" "$work/$name.pvh" \
		"console=ttyS0 x=1 y=2 z=three" "$work/rd.img" 0x20f
	_rsdp=$(report_value acpi_rsdp_addr "$work/$name.pvh")
	check "$name, PVH: acpi_rsdp_addr from hvm_start_info.rsdp_paddr ($_rsdp)" \
		test -n "$_rsdp" -a "$_rsdp" != 0x0

	boot_image "$qemu" "$work/pvh-noinitrd.elf" "$work/$name.module" -initrd "$work/module.img"
	check_probe_report "$name, PVH, QEMU -initrd as the initrd (the image has none)" \
		"$work/$name.module" "console=ttyS0" "$work/module.img" 0x20f

	boot_image "$qemu" "$work/pvh.elf" "$work/$name.both" -initrd "$work/module.img"
	check_eq "$name, PVH: the image's own initrd wins over a loader module" \
		"$("$CRC32" "$work/rd.img")" "$(report_value initrd_crc32 "$work/$name.both")"
	check "$name, PVH: the ignored module is reported on COM1" \
		grep -q '^mkelfimage stub: loader modules ignored, the image has its own initrd: 1$' \
		"$work/$name.both.txt"
done
tap_done
