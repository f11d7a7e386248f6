# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for the Alpha tests, sourced after tests/lib.sh.
# ALPHA_SUPPORT (yes/no) and QEMU_ALPHA come from tests/alpha/local.mk.

ALPHA_PROBE_DIR=$top_builddir/tests/alpha
ALPHA_PROBE=$ALPHA_PROBE_DIR/probe-0x1010000.elf
ALPHA_PROBE_LEGACY=$ALPHA_PROBE_DIR/probe-0x310000.elf

# alpha_skip_all REASON: skip the script, or fail it under
# MKELFIMAGE_REQUIRE_ALPHA=1 (for a CI that installs the toolchain).
alpha_skip_all() {
	if [ "${MKELFIMAGE_REQUIRE_ALPHA:-0}" = 1 ]; then
		tap_not_ok "Alpha tests required (MKELFIMAGE_REQUIRE_ALPHA=1)" "$*"
		tap_done
		exit 1
	fi
	skip_all "$*"
}

# alpha_require_toolchain: skip the whole script without the cross toolchain.
alpha_require_toolchain() {
	[ "${ALPHA_SUPPORT:-no}" = yes ] ||
		alpha_skip_all "no alpha-linux-gnu cross toolchain (configure: Alpha support: no); install gcc-alpha-linux-gnu binutils-alpha-linux-gnu"
}

# alpha_require_qemu: also skip without qemu-system-alpha.
alpha_require_qemu() {
	alpha_require_toolchain
	[ -n "${QEMU_ALPHA:-}" ] && [ -x "$QEMU_ALPHA" ] ||
		alpha_skip_all "no qemu-system-alpha (install qemu-system-misc)"
}

# alpha_boot IMAGE REPORT [QEMU ARGS...]: boot on QEMU's clipper machine with
# its PALcode; the probe halts, which ends QEMU. Only the serial text counts.
alpha_boot() {
	_alpha_image=$1 _alpha_report=$2
	shift 2
	timeout "${BOOT_TIMEOUT:-60}" "$QEMU_ALPHA" -M clipper -m "${BOOT_MEMORY:-256}" \
		-display none -monitor none -serial "file:$_alpha_report" -no-reboot \
		-kernel "$_alpha_image" "$@" </dev/null >"$_alpha_report.qemu" 2>&1 || :
	tr -d '\r' <"$_alpha_report" >"$_alpha_report.txt" 2>/dev/null || : >"$_alpha_report.txt"
}

# alpha_segment_vaddr IMAGE INDEX: p_vaddr of PT_LOAD number INDEX (from 1), as 0x...
alpha_segment_vaddr() {
	readelf -lW "$1" | awk -v want="$2" '$1 == "LOAD" { n++; if (n == want) { print $3; exit } }' |
		sed 's/^0x0*/0x/'
}

# alpha_load_count IMAGE
alpha_load_count() {
	readelf -lW "$1" | awk '$1 == "LOAD" { n++ } END { print n + 0 }'
}

# alpha_check_initrd LABEL REPORT START FILE: the probe found INITRD_START =
# START, INITRD_SIZE = the size of FILE, and FILE's bytes (CRC-32) there.
alpha_check_initrd() {
	check_eq "$1: INITRD_START" "$3" "$(report_value initrd_start "$2")"
	check_eq "$1: INITRD_SIZE" "$(hex "$(file_size "$4")")" "$(report_value initrd_size "$2")"
	check_eq "$1: CRC-32 of the bytes the probe read" "$("$CRC32" "$4")" \
		"$(report_value initrd_crc32 "$2")"
}
