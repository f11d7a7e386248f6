#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Real coreboot 25.06 ROMs (tests/coreboot/roms, built from source for
# QEMU's i440fx and q35 boards without a payload) run an image of the probe
# kernel as their payload, added with cbfstool add-payload. One boot per
# row covers each board, each compression and each QEMU:
#   i440fx, uncompressed, qemu-system-x86_64    q35, LZMA, qemu-system-x86_64
#   i440fx, LZMA, qemu-system-i386              q35, uncompressed, qemu-system-i386
# coreboot enters e_entry with its table's address as the C argument; the
# stub finds the table there and builds the zero page from it. Each report
# is checked: the built-in command line, the initrd's bytes, the e820 map
# equal to coreboot's memory table (as coreboot logs it), acpi_rsdp_addr
# inside one of coreboot's CONFIGURATION TABLES ranges (from the table's
# RSDP record; Linux would otherwise scan for it).
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"
. "$top_srcdir/tests/coreboot/coreboot-lib.sh"
coreboot_require

initrd=$work/rd
head -c 300001 /dev/urandom >"$initrd"
cmdline="console=ttyS0 via=coreboot"
image=$work/probe.elf
check "mkelfimage builds the probe image with the coreboot template (digests, xz initrd)" \
	"$MKELFIMAGE" --template "$top_srcdir/templates/coreboot-payload.yaml" \
	--kernel "$PROBE_DIR/probe-2.15-reloc.bzImage" --initrd "$initrd" --command-line "$cmdline" -o "$image"
"$MKELFIMAGE" extract "$image" --initrd "$work/rd.in-image"
entry=$(readelf -hW "$image" | sed -n 's/^ *Entry point address: *0x0*//p')

# row BOARD COMPRESSION QEMU
row() {
	_qemu=$3
	case $3 in
	*i386) _qemu=${QEMU_I386:-} ;;
	*) _qemu=${QEMU_X86_64:-} ;;
	esac
	_label="coreboot $1, $2, $(basename "${_qemu:-$3}")"
	if [ -z "$_qemu" ] || [ ! -x "$_qemu" ]; then
		tap_skip "$_label" "no $3 (install qemu-system-x86)"
		return
	fi
	_report=$work/$1-$2-$(basename "$_qemu")
	coreboot_boot "$(coreboot_rom "$1")" "$image" "$_report" "$2" "$_qemu"
	check_eq "$_label: coreboot jumped to e_entry with its table as the argument" "0x$entry" \
		"$(sed -n 's/.*Jumping to boot code at \(0x[0-9a-f]*\)(.*/\1/p' "$_report.txt" | sed 's/^0x0*/0x/' | tail -n 1)"
	check_eq "$_label: the probe ran to its end" ok "$(report_value probe_end "$_report")"
	check_eq "$_label: the built-in command line" "$cmdline" "$(report_value cmdline "$_report")"
	check_eq "$_label: the initrd's bytes (CRC-32 of the image's, xz-recompressed by the template)" \
		"$("$CRC32" "$work/rd.in-image")" "$(report_value initrd_crc32 "$_report")"
	coreboot_e820 "$_report.txt" >"$_report.want"
	probe_e820 "$_report" >"$_report.got"
	check_eq "$_label: e820 is coreboot's memory table" "$(cat "$_report.want")" "$(cat "$_report.got")"
	_rsdp=$(report_value acpi_rsdp_addr "$_report")
	check "$_label: acpi_rsdp_addr ($_rsdp) lies in coreboot's tables" \
		sh -c "sed -n 's/^.*[0-9]\\. \\([0-9a-f]\\{16\\}\\)-\\([0-9a-f]\\{16\\}\\): CONFIGURATION TABLES.*/\\1 \\2/p' '$_report.txt' |
			{ while read -r s e; do [ \$((0x\$s)) -le \$(($_rsdp)) ] && [ \$(($_rsdp)) -le \$((0x\$e)) ] && exit 0; done; exit 1; }"
}
row i440fx none qemu-system-x86_64
row i440fx lzma qemu-system-i386
row q35 lzma qemu-system-x86_64
row q35 none qemu-system-i386
tap_done
