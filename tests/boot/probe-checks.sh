# SPDX-License-Identifier: GPL-2.0-or-later
# The checks every probe boot gets, sourced by the tests/boot/*.sh scripts.
# check_probe_report LABEL REPORT EXPECTED_CMDLINE INITRD_FILE EXPECTED_VERSION
check_probe_report() {
	label=$1 report=$2 want_cmdline=$3 initrd=$4 want_version=$5

	if ! grep -qx 'probe_end=ok' "$report.txt"; then
		tap_not_ok "$label: the probe kernel ran and finished its report" \
			"serial output:" "$(tail -n 5 "$report.txt")" "qemu:" "$(tail -n 3 "$report.qemu")"
		return
	fi
	tap_ok "$label: the probe kernel ran and finished its report"
	check_eq "$label: command line as built in plus the loader's text" \
		"$want_cmdline" "$(report_value cmdline "$report")"
	check_eq "$label: cmd_line_ptr is not 0 (boot.rst)" "" \
		"$(report_value cmdline_ptr_zero "$report")"
	check_eq "$label: ramdisk_size is the initrd's size" \
		"$(hex "$(file_size "$initrd")")" "$(report_value hdr.ramdisk_size "$report")"
	check_eq "$label: initrd bytes arrive intact (CRC-32)" \
		"$("$CRC32" "$initrd")" "$(report_value initrd_crc32 "$report")"
	check_initrd_placement "$label" "$report" "$initrd"
	check_eq "$label: sentinel is 0 (zero-page.rst)" 0x0 "$(report_value sentinel "$report")"
	check_eq "$label: type_of_loader is 0xff (boot.rst)" 0xff "$(report_value hdr.type_of_loader "$report")"
	check_eq "$label: setup header copied: version" "$want_version" "$(report_value hdr.version "$report")"
	check_eq "$label: setup header copied: root_dev marker" 0x1234 "$(report_value hdr.root_dev "$report")"
	check_eq "$label: setup header copied: root_flags marker" 0x5678 "$(report_value hdr.root_flags "$report")"
	check_eq "$label: code32_start is where the kernel runs" \
		"$(report_value load_addr "$report")" "$(report_value hdr.code32_start "$report")"
	entries=$(report_value e820_entries "$report")
	check "$label: e820 map present ($entries entries)" \
		test -n "$entries" -a "$entries" != 0x0
	check "$label: e820 has usable RAM above 1 MiB" \
		grep -Eq '^e820\.[0-9a-f]+=0x[0-9a-f]+ 0x[0-9a-f]+ 0x1$' "$report.txt"
	check_eq "$label: 32-bit entry: CS is __BOOT_CS" 0x10 "$(report_value cs "$report")"
	check_eq "$label: 32-bit entry: DS is __BOOT_DS" 0x18 "$(report_value ds "$report")"
	check_eq "$label: 32-bit entry: SS is __BOOT_DS" 0x18 "$(report_value ss "$report")"
	check_eq "$label: 32-bit entry: interrupts off" 0x0 "$(report_value eflags_if "$report")"
	check_eq "$label: 32-bit entry: EBX, EBP, EDI are 0" "0x0 0x0 0x0" \
		"$(report_value ebx "$report") $(report_value ebp "$report") $(report_value edi "$report")"
	esi=$(report_value esi "$report")
	check "$label: 32-bit entry: ESI points at boot_params ($esi)" test -n "$esi" -a "$esi" != 0x0
}

# The initrd starts page aligned above the kernel's reservation
# [load, runtime + init_size) and ends at or below initrd_addr_max.
check_initrd_placement() {
	label=$1 report=$2 initrd=$3
	image=$(($(report_value hdr.ramdisk_image "$report")))
	size=$(file_size "$initrd")
	load=$(($(report_value load_addr "$report")))
	init_size=$(($(report_value hdr.init_size "$report")))
	pref=$(($(report_value hdr.pref_address "$report")))
	max=$(($(report_value hdr.initrd_addr_max "$report")))
	runtime=$load
	[ "$pref" -gt "$runtime" ] && runtime=$pref
	if [ $((image % 4096)) -eq 0 ] && [ "$image" -ge $((runtime + init_size)) ] &&
	   [ "$image" -ge $((load + ${INITRD_MIN_GAP:-0})) ] && [ $((image + size - 1)) -le "$max" ]; then
		tap_ok "$label: initrd page aligned, above the kernel's init_size, below initrd_addr_max"
	else
		tap_not_ok "$label: initrd page aligned, above the kernel's init_size, below initrd_addr_max" \
			"ramdisk_image=$(hex "$image") size=$(hex "$size") load=$(hex "$load") runtime=$(hex "$runtime") init_size=$(hex "$init_size") initrd_addr_max=$(hex "$max")"
	fi
}
