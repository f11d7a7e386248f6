# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for the arm64 tests, sourced after tests/lib.sh.
# ARM64_SUPPORT (yes/no) and QEMU_AARCH64 come from tests/arm64/local.mk.

ARM64_PROBE=$top_builddir/tests/arm64/probe.Image
ARM64_PROBE_GZ=$top_builddir/tests/arm64/probe.Image.gz

# arm64_skip_all REASON: skip the script, or fail it under
# MKELFIMAGE_REQUIRE_ARM64=1 (for a CI that installs the tools).
arm64_skip_all() {
	if [ "${MKELFIMAGE_REQUIRE_ARM64:-0}" = 1 ]; then
		tap_not_ok "arm64 tests required (MKELFIMAGE_REQUIRE_ARM64=1)" "$*"
		tap_done
		exit 1
	fi
	skip_all "$*"
}

# arm64_require_toolchain: skip the whole script without the cross compiler.
arm64_require_toolchain() {
	[ "${ARM64_SUPPORT:-no}" = yes ] ||
		arm64_skip_all "no aarch64-linux-gnu cross compiler (configure: arm64 support: no); install gcc-aarch64-linux-gnu"
}

# arm64_require_qemu: also skip without qemu-system-aarch64.
arm64_require_qemu() {
	arm64_require_toolchain
	[ -n "${QEMU_AARCH64:-}" ] && [ -x "$QEMU_AARCH64" ] ||
		arm64_skip_all "no qemu-system-aarch64 (install qemu-system-arm)"
}

# arm64_boot IMAGE REPORT [QEMU ARGS...]: boot QEMU virt with -kernel IMAGE
# (BOOT_MACHINE, default virt; BOOT_CPU, default cortex-a57); the probe and
# the test initramfs power off, which ends QEMU. Only the serial text counts.
arm64_boot() {
	_arm64_image=$1 _arm64_report=$2
	shift 2
	timeout "${BOOT_TIMEOUT:-60}" "$QEMU_AARCH64" -M "${BOOT_MACHINE:-virt}" -cpu "${BOOT_CPU:-cortex-a57}" \
		-m "${BOOT_MEMORY:-512}" -display none -monitor none -serial "file:$_arm64_report" -no-reboot \
		-kernel "$_arm64_image" "$@" </dev/null >"$_arm64_report.qemu" 2>&1 || :
	tr -d '\r' <"$_arm64_report" >"$_arm64_report.txt" 2>/dev/null || : >"$_arm64_report.txt"
}

# arm64_segment_addr IMAGE INDEX: p_paddr of PT_LOAD number INDEX (from 1), as 0x...
arm64_segment_addr() {
	readelf -lW "$1" | awk -v want="$2" '$1 == "LOAD" { n++; if (n == want) { print $4; exit } }' |
		sed 's/^0x0*/0x/'
}

# arm64_load_count IMAGE
arm64_load_count() {
	readelf -lW "$1" | awk '$1 == "LOAD" { n++ } END { print n + 0 }'
}

# arm64_check_initrd LABEL REPORT START FILE: the probe found
# linux,initrd-start = START, the size of FILE, and FILE's bytes (CRC-32).
arm64_check_initrd() {
	check_eq "$1: linux,initrd-start" "$3" "$(report_value initrd_start "$2")"
	check_eq "$1: initrd size (linux,initrd-end - start)" "$(hex "$(file_size "$4")")" "$(report_value initrd_size "$2")"
	check_eq "$1: CRC-32 of the bytes the probe read" "$("$CRC32" "$4")" \
		"$(report_value initrd_crc32 "$2")"
}
