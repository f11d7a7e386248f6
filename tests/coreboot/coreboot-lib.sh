# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for the real coreboot tests, sourced after tests/lib.sh: coreboot
# 25.06 ROMs for QEMU's i440fx and q35 boards without a payload
# (roms/PROVENANCE.md), an image added as fallback/payload with cbfstool
# (coreboot-utils), booted with QEMU -bios.

ROM_DIR=$top_srcdir/tests/coreboot/roms

# coreboot_require: skip without cbfstool, xz or QEMU
coreboot_require() {
	command -v cbfstool >/dev/null 2>&1 || skip_all "no cbfstool (install coreboot-utils)"
	command -v xz >/dev/null 2>&1 || skip_all "no xz (install xz-utils)"
	[ -n "$(qemu_binaries)" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"
}

# coreboot_rom NAME: the ROM roms/coreboot-qemu-NAME.rom.xz, decompressed once into $work
coreboot_rom() {
	[ -f "$work/$1.rom" ] || xz -dc "$ROM_DIR/coreboot-qemu-$1.rom.xz" >"$work/$1.rom"
	echo "$work/$1.rom"
}

# coreboot_boot ROM IMAGE REPORT COMPRESSION QEMU [QEMU ARGS...]: IMAGE as
# fallback/payload of a copy of ROM (COMPRESSION: none or lzma), booted with
# -bios (q35 ROMs: -M q35); the serial log in REPORT and REPORT.txt. The
# probe ends QEMU through isa-debug-exit, a kernel by panic=-1 or poweroff.
coreboot_boot() {
	_cb_rom=$1 _cb_image=$2 _cb_report=$3 _cb_comp=$4 _cb_qemu=$5
	shift 5
	cp "$_cb_rom" "$_cb_report.rom"
	if [ "$_cb_comp" = none ]; then
		cbfstool "$_cb_report.rom" add-payload -f "$_cb_image" -n fallback/payload >"$_cb_report.cbfs" 2>&1
	else
		cbfstool "$_cb_report.rom" add-payload -f "$_cb_image" -n fallback/payload -c "$_cb_comp" >"$_cb_report.cbfs" 2>&1
	fi || { : >"$_cb_report.txt"; return 1; }
	case $_cb_rom in
	*q35*) set -- -M q35 "$@" ;;
	esac
	boot_qemu "$_cb_qemu" "$_cb_report" -bios "$_cb_report.rom" "$@"
	rm -f "$_cb_report.rom"
}

# coreboot_e820 LOG: coreboot's memory table as it logs it (" N. START-END: TYPE"),
# as the e820 the stub gives Linux: RAM type 1, anything else 2, one "START
# SIZE TYPE" line each, in hex. The log names ramstage's range apart; the
# table itself holds it as CONFIGURATION TABLES, joined with its neighbours.
coreboot_e820() {
	sed -n 's/^.*[0-9][0-9]*\. \([0-9a-f]\{16\}\)-\([0-9a-f]\{16\}\): \([A-Z ]*[A-Z]\).*$/\1 \2 \3/p' "$1" |
		awk 'function hex(text,   i, v) { v = 0; text = tolower(text)
				for (i = 1; i <= length(text); i++) v = v * 16 + index("0123456789abcdef", substr(text, i, 1)) - 1
				return v }
			!seen[$1]++ { start = hex($1); end = hex($2) + 1
			type = ($3 == "RAMSTAGE") ? "CONFIGURATION" : $3
			if (n && type == t[n] && start == e[n]) { e[n] = end; next }
			n++; s[n] = start; e[n] = end; t[n] = type }
			function tohex(v,   out) { out = ""; do { out = substr("0123456789abcdef", v % 16 + 1, 1) out; v = int(v / 16) } while (v > 0); return "0x" out }
			END { for (i = 1; i <= n; i++) print tohex(s[i]), tohex(e[i] - s[i]), t[i] == "RAM" ? "0x1" : "0x2" }'
}

# probe_e820 REPORT: the probe's e820 entries, one "START SIZE TYPE" line each
probe_e820() {
	sed -n 's/^e820\.[0-9]*=//p' "$1.txt"
}
