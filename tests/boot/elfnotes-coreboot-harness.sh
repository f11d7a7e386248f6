#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# ELF boot notes and coreboot tables, through tests/harness (a multiboot
# kernel that loads boot.elf from its module as coreboot's elfboot would and
# enters it as each of these loaders does):
#   bhdr-eax       EAX=0x0E1FB007, EBX=notes (coreboot v2); memory from a
#                  coreboot table found by the scan (0x500 forwarder)
#   bhdr-stack     EAX=EBX=0, notes at [ESP+4] (kexec elf-x86, Etherboot),
#                  with Etherboot's EB_I386_MEMMAP note
#   coreboot-arg   the coreboot table as the payload's argument (selfboot.c)
#   coreboot-scan  nothing passed; the table found at 0x500 and forwarded
#   coreboot-many  a table with more than 128 memory ranges
#   bhdr-nomem, bare  no memory information at all: the CMOS fallback
# and checks the image's ELFBoot notes and checksum the way elfboot does.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"

[ -n "$(qemu_binaries)" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"
harness=$top_builddir/tests/harness/harness.elf
[ -f "$harness" ] || skip_all "tests/harness/harness.elf not built (make check builds it)"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 100001 /dev/urandom >"$work/rd.img"
check "mkelfimage builds the image" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" \
	--command-line "console=ttyS0 x=1" -o "$work/boot.elf"

# boot_harness QEMU MODE REPORT [LOADER TEXT]
boot_harness() {
	boot_image "$1" "$harness" "$3" -initrd "$work/boot.elf" -append "mode=$2 -- ${4:-}"
}

for qemu in $(qemu_binaries); do
	name=$(basename "$qemu")
	for mode in bhdr-eax bhdr-stack coreboot-arg coreboot-scan; do
		report=$work/$name.$mode
		boot_harness "$qemu" "$mode" "$report" "y=2 z=3"
		# a coreboot table carries no command line, but one range of its own
		want="console=ttyS0 x=1" table_ranges=1
		case $mode in
		bhdr-stack) want="console=ttyS0 x=1 y=2 z=3" table_ranges=0 ;;
		bhdr-*) want="console=ttyS0 x=1 y=2 z=3" ;;
		esac
		check_probe_report "$name, $mode" "$report" "$want" "$work/rd.img" 0x20f
		ranges=$(($(sed -n 's/^harness_ranges=//p' "$report.txt") + table_ranges))
		check_eq "$name, $mode: e820 holds the loader's memory ranges" \
			"$(hex "$ranges")" "$(report_value e820_entries "$report")"
		case $mode in
		bhdr-stack)
			check_eq "$name, $mode: no RSDP without a coreboot table" 0x0 \
				"$(report_value acpi_rsdp_addr "$report")" ;;
		*)
			check_eq "$name, $mode: acpi_rsdp_addr from the table's LB_TAG_ACPI_RSDP" \
				"$(sed -n 's/^harness_rsdp=//p' "$report.txt")" \
				"$(report_value acpi_rsdp_addr "$report")"
			check "$name, $mode: LB_MEM_TABLE becomes e820 reserved (type 2)" \
				grep -qx 'e820\.[0-9a-f]*=0x500 0x100 0x2' "$report.txt" ;;
		esac
	done
done

# More ranges than the zero page's 128: the rest go to a SETUP_E820_EXT node
# (tests/boot/e820-ext-real-kernel.sh shows a real kernel reading it)
qemu=$(qemu_binaries | head -n 1)
report=$work/many
boot_harness "$qemu" coreboot-many "$report"
check "coreboot-many: the probe kernel finished its report" grep -qx 'probe_end=ok' "$report.txt"
check_eq "coreboot-many: the zero page holds 128 e820 entries" 0x80 \
	"$(report_value e820_entries "$report")"
_setup_data=$(report_value hdr.setup_data "$report")
check "coreboot-many: hdr.setup_data points at the SETUP_E820_EXT node ($_setup_data)" \
	test -n "$_setup_data" -a "$_setup_data" != 0x0

report=$work/elfboot
boot_harness "$qemu" coreboot-arg "$report"
check_eq "ELFBoot EIN_PROGRAM_NAME is Linux (NUL-terminated, as elfboot wants)" Linux \
	"$(sed -n 's/^harness_program=//p' "$report.txt")"
check_eq "ELFBoot EIN_PROGRAM_VERSION is the kernel_version string" "probe 0.1.0" \
	"$(sed -n 's/^harness_version=//p' "$report.txt")"
sum=$(sed -n 's/^harness_checksum_note=//p' "$report.txt")
check "ELFBoot EIN_PROGRAM_CHECKSUM is present ($sum)" test -n "$sum"
check_eq "ELFBoot checksum: what elfboot recomputes over headers and loaded segments" \
	"$sum" "$(sed -n 's/^harness_checksum_computed=//p' "$report.txt")"

# No memory information from the loader and no coreboot table (kexec-tools'
# elf-x86 under a PC BIOS; iPXE's ELF loader, which passes nothing): the stub
# says so and takes the RAM sizes from the CMOS (QEMU fills them).
for mode in bhdr-nomem bare; do
	boot_harness "$qemu" "$mode" "$work/$mode" "y=2"
	check "$mode: the stub says the memory map comes from the CMOS" \
		grep -qx 'mkelfimage stub: no memory map from the loader: RAM sizes from the CMOS' "$work/$mode.txt"
	check "$mode: the probe kernel finished its report" grep -qx 'probe_end=ok' "$work/$mode.txt"
	check "$mode: e820 has one RAM range holding the kernel and the initrd (from the CMOS)" \
		e820_ram_covers "$work/$mode" "$(report_value load_addr "$work/$mode")" \
		"$(($(report_value hdr.ramdisk_image "$work/$mode") + $(report_value hdr.ramdisk_size "$work/$mode")))"
done
check_eq "bhdr-nomem: the notes' command line still follows the built-in one" \
	"console=ttyS0 x=1 y=2" "$(report_value cmdline "$work/bhdr-nomem")"
check "bare: the stub says the loader passed nothing it knows" \
	grep -q '^mkelfimage stub: no boot information from the loader' "$work/bare.txt"
tap_done
