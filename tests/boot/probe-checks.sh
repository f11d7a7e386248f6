# SPDX-License-Identifier: GPL-2.0-or-later
# The checks every probe boot gets, sourced by the tests/boot/*.sh scripts.
# check_probe_report LABEL REPORT EXPECTED_CMDLINE INITRD_FILE EXPECTED_VERSION
check_probe_report() {
	_p_label=$1 _p_report=$2 _p_want_cmdline=$3 _p_initrd=$4 _p_want_version=$5

	if ! grep -qx 'probe_end=ok' "$_p_report.txt"; then
		tap_not_ok "$_p_label: the probe kernel ran and finished its report" \
			"serial output:" "$(tail -n 5 "$_p_report.txt")" "qemu:" "$(tail -n 3 "$_p_report.qemu")"
		return
	fi
	tap_ok "$_p_label: the probe kernel ran and finished its report"
	check_eq "$_p_label: command line as built in plus the loader's text" \
		"$_p_want_cmdline" "$(report_value cmdline "$_p_report")"
	check_eq "$_p_label: cmd_line_ptr is not 0 (boot.rst)" "" \
		"$(report_value cmdline_ptr_zero "$_p_report")"
	check_eq "$_p_label: ramdisk_size is the initrd's size" \
		"$(hex "$(file_size "$_p_initrd")")" "$(report_value hdr.ramdisk_size "$_p_report")"
	check_eq "$_p_label: initrd bytes arrive intact (CRC-32)" \
		"$("$CRC32" "$_p_initrd")" "$(report_value initrd_crc32 "$_p_report")"
	check_initrd_placement "$_p_label" "$_p_report" "$_p_initrd"
	check_eq "$_p_label: sentinel is 0 (zero-page.rst)" 0x0 "$(report_value sentinel "$_p_report")"
	check_eq "$_p_label: type_of_loader is 0xff (boot.rst)" 0xff "$(report_value hdr.type_of_loader "$_p_report")"
	check_eq "$_p_label: setup header copied: version" "$_p_want_version" "$(report_value hdr.version "$_p_report")"
	check_eq "$_p_label: setup header copied: root_dev marker" 0x1234 "$(report_value hdr.root_dev "$_p_report")"
	check_eq "$_p_label: setup header copied: root_flags marker" 0x5678 "$(report_value hdr.root_flags "$_p_report")"
	check_eq "$_p_label: code32_start is where the kernel runs" \
		"$(report_value load_addr "$_p_report")" "$(report_value hdr.code32_start "$_p_report")"
	_p_entries=$(report_value e820_entries "$_p_report")
	check "$_p_label: e820 map present ($_p_entries entries)" \
		test -n "$_p_entries" -a "$_p_entries" != 0x0
	check "$_p_label: e820 has one RAM range holding the kernel and the initrd" \
		e820_ram_covers "$_p_report" "$(report_value load_addr "$_p_report")" \
		"$(($(report_value hdr.ramdisk_image "$_p_report") + $(report_value hdr.ramdisk_size "$_p_report")))"
	check_eq "$_p_label: 32-bit entry: CS is __BOOT_CS" 0x10 "$(report_value cs "$_p_report")"
	check_eq "$_p_label: 32-bit entry: DS is __BOOT_DS" 0x18 "$(report_value ds "$_p_report")"
	check_eq "$_p_label: 32-bit entry: SS is __BOOT_DS" 0x18 "$(report_value ss "$_p_report")"
	check_eq "$_p_label: 32-bit entry: interrupts off" 0x0 "$(report_value eflags_if "$_p_report")"
	check_eq "$_p_label: 32-bit entry: EBX, EBP, EDI are 0" "0x0 0x0 0x0" \
		"$(report_value ebx "$_p_report") $(report_value ebp "$_p_report") $(report_value edi "$_p_report")"
	_p_esi=$(report_value esi "$_p_report")
	check "$_p_label: 32-bit entry: ESI points at boot_params ($_p_esi)" test -n "$_p_esi" -a "$_p_esi" != 0x0
}

# The initrd starts page aligned above the kernel's reservation
# [load, runtime + init_size) and ends at or below initrd_addr_max.
check_initrd_placement() {
	_p_label=$1 _p_report=$2 _p_initrd=$3
	_p_image=$(($(report_value hdr.ramdisk_image "$_p_report")))
	_p_size=$(file_size "$_p_initrd")
	_p_load=$(($(report_value load_addr "$_p_report")))
	_p_init_size=$(($(report_value hdr.init_size "$_p_report")))
	_p_pref=$(($(report_value hdr.pref_address "$_p_report")))
	_p_max=$(($(report_value hdr.initrd_addr_max "$_p_report")))
	# boot.rst: before 2.03 the header has no initrd_addr_max; 0x37ffffff applies
	[ "$_p_max" = 0 ] && _p_max=$((0x37ffffff))
	_p_runtime=$_p_load
	[ "$_p_pref" -gt "$_p_runtime" ] && _p_runtime=$_p_pref
	if [ $((_p_image % 4096)) -eq 0 ] &&
	   [ "$_p_image" -ge $((_p_runtime + _p_init_size)) ] &&
	   [ "$_p_image" -ge $((_p_load + ${INITRD_MIN_GAP:-0})) ] &&
	   [ $((_p_image + _p_size - 1)) -le "$_p_max" ]; then
		tap_ok "$_p_label: initrd page aligned, above the kernel's init_size, below initrd_addr_max"
	else
		tap_not_ok "$_p_label: initrd page aligned, above the kernel's init_size, below initrd_addr_max" \
			"ramdisk_image=$(hex "$_p_image") size=$(hex "$_p_size") load=$(hex "$_p_load") runtime=$(hex "$_p_runtime") init_size=$(hex "$_p_init_size") initrd_addr_max=$(hex "$_p_max")"
	fi
}

# e820_ram_covers REPORT START END: some type-1 entry spans [START, END).
e820_ram_covers() {
	sed -n 's/^e820\.[0-9a-f]*=//p' "$1.txt" | {
		while read -r _e_addr _e_size _e_type; do
			if [ "$_e_type" = 0x1 ] && [ $((_e_addr)) -le $(($2)) ] &&
			   [ $((_e_addr + _e_size)) -ge $(($3)) ]; then
				exit 0
			fi
		done
		exit 1
	}
}

# memmap_ram_covers REPORT START END: some type-1 PVH memmap entry spans [START, END).
memmap_ram_covers() {
	sed -n 's/^memmap\.[0-9a-f]*=/e820.0=/p' "$1.txt" >"$1.memmap.txt"
	e820_ram_covers "$1.memmap" "$2" "$3"
}

# check_pvh_report LABEL REPORT EXPECTED_CMDLINE INITRD_FILE: the probe
# vmlinux (tests/probe, README "The PVH report") entered through its PVH
# note got a version 1 hvm_start_info (Xen pvh.pandoc) with the command
# line, the initrd as module 0 and the memory map, in 32-bit flat mode.
check_pvh_report() {
	_v_label=$1 _v_report=$2 _v_want_cmdline=$3 _v_initrd=$4

	if ! grep -qx 'probe_end=ok' "$_v_report.txt" || ! grep -qx 'entry=pvh' "$_v_report.txt"; then
		tap_not_ok "$_v_label: the probe vmlinux ran from its PVH entry and finished its report" \
			"serial output:" "$(tail -n 5 "$_v_report.txt")" "qemu:" "$(tail -n 3 "$_v_report.qemu")"
		return
	fi
	tap_ok "$_v_label: the probe vmlinux ran from its PVH entry and finished its report"
	check_eq "$_v_label: start_info magic and version 1 (pvh.pandoc)" "0x336ec578 0x1" \
		"$(report_value start_info.magic "$_v_report") $(report_value start_info.version "$_v_report")"
	_v_ebx=$(report_value ebx "$_v_report")
	check "$_v_label: EBX points at the start_info ($_v_ebx, 8-byte aligned)" \
		test -n "$_v_ebx" -a "$_v_ebx" != 0x0 -a $((_v_ebx % 8)) = 0
	check_eq "$_v_label: command line at cmdline_paddr, as built in plus the loader's text" \
		"$_v_want_cmdline" "$(report_value cmdline "$_v_report")"
	check_eq "$_v_label: one module, of the initrd's size" \
		"0x1 $(hex "$(file_size "$_v_initrd")")" \
		"$(report_value start_info.nr_modules "$_v_report") $(report_value module.0.size "$_v_report")"
	check_eq "$_v_label: module 0 bytes arrive intact (CRC-32)" \
		"$("$CRC32" "$_v_initrd")" "$(report_value initrd_crc32 "$_v_report")"
	_v_entries=$(report_value start_info.memmap_entries "$_v_report")
	check "$_v_label: memory map present ($_v_entries entries)" test -n "$_v_entries" -a "$_v_entries" != 0x0
	check "$_v_label: one RAM range holds the kernel and module 0" \
		memmap_ram_covers "$_v_report" "$(report_value load_addr "$_v_report")" \
		"$(($(report_value module.0.paddr "$_v_report") + $(report_value module.0.size "$_v_report")))"
	check_eq "$_v_label: PVH entry: flat CS and DS (the stub's), interrupts off" "0x10 0x18 0x0" \
		"$(report_value cs "$_v_report") $(report_value ds "$_v_report") $(report_value eflags_if "$_v_report")"
}
