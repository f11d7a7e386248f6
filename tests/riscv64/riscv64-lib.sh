# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for the riscv64 tests, sourced after tests/lib.sh.
# RISCV64_SUPPORT (yes/no) and QEMU_RISCV64 come from tests/riscv64/local.mk.

RISCV64_PROBE=$top_builddir/tests/riscv64/probe.Image
RISCV64_FIXTURE=$top_srcdir/tests/riscv64/kernel

# riscv64_skip_all REASON: skip the script, or fail it under
# MKELFIMAGE_REQUIRE_RISCV64=1 (for a CI that installs the tools).
riscv64_skip_all() {
	if [ "${MKELFIMAGE_REQUIRE_RISCV64:-0}" = 1 ]; then
		tap_not_ok "riscv64 tests required (MKELFIMAGE_REQUIRE_RISCV64=1)" "$*"
		tap_done
		exit 1
	fi
	skip_all "$*"
}

# riscv64_require_toolchain: skip the whole script without the cross compiler.
riscv64_require_toolchain() {
	[ "${RISCV64_SUPPORT:-no}" = yes ] ||
		riscv64_skip_all "no riscv64-linux-gnu cross compiler (configure: riscv64 support: no); install gcc-riscv64-linux-gnu"
}

# riscv64_require_qemu: also skip without qemu-system-riscv64.
riscv64_require_qemu() {
	riscv64_require_toolchain
	[ -n "${QEMU_RISCV64:-}" ] && [ -x "$QEMU_RISCV64" ] ||
		riscv64_skip_all "no qemu-system-riscv64 (install qemu-system-misc)"
}

# riscv64_fixture_kernel DIR: the fixture's Linux 6.1 Image, decompressed into DIR/Image
riscv64_fixture_kernel() {
	xz -dc "$RISCV64_FIXTURE/Image.xz" >"$1/Image"
}

# riscv64_boot IMAGE REPORT [QEMU ARGS...]: QEMU virt, 2 harts, OpenSBI
# (-bios default) entering -kernel IMAGE; the probe and the fixture's init
# power off through SBI, which ends QEMU. Only the serial text counts.
riscv64_boot() {
	_rv_image=$1 _rv_report=$2
	shift 2
	timeout "${BOOT_TIMEOUT:-60}" "$QEMU_RISCV64" -M virt -smp 2 -m "${BOOT_MEMORY:-256}" -bios default \
		-display none -monitor none -serial "file:$_rv_report" -no-reboot \
		-kernel "$_rv_image" "$@" </dev/null >"$_rv_report.qemu" 2>&1 || :
	tr -d '\r' <"$_rv_report" >"$_rv_report.txt" 2>/dev/null || : >"$_rv_report.txt"
}

# riscv64_uboot IMAGE LOG: the same image through U-Boot's bootelf (S-mode
# U-Boot as OpenSBI's payload, a boot script on a disk: tests/tools/uboot-boot.sh)
riscv64_uboot() {
	QEMU_RISCV64=$QEMU_RISCV64 sh "$top_srcdir/tests/tools/uboot-boot.sh" riscv64 "$1" "$2"
	cp "$2" "$2.txt"
}

# riscv64_segment_addr IMAGE INDEX: p_paddr of PT_LOAD number INDEX (from 1), as 0x...
riscv64_segment_addr() {
	readelf -lW "$1" | awk -v want="$2" '$1 == "LOAD" { n++; if (n == want) { print $4; exit } }' |
		sed 's/^0x0*/0x/'
}

# riscv64_linux_cpus LOG BOOT-COMMAND...: the fixture init's RV-CPUS= line
# from LOG. Linux waits 1 s (of host time: TCG) for a hart that SBI HSM
# accepted to start; on a loaded host that wait can run out after the hart
# left the stub's hands. Only then ("CPUn: failed to come online", not
# "failed to start", which is an HSM refusal) is the boot run once more,
# and the test's log says so.
riscv64_linux_cpus() {
	_rv_log=$1
	shift
	if ! grep -q '^RV-CPUS=2' "$_rv_log" && grep -q 'CPU[0-9]*: failed to come online' "$_rv_log"; then
		echo "# $(grep -m1 'failed to come online' "$_rv_log"): HSM started the hart but Linux's 1 s wait ran out (host load); booting once more" >&2
		"$@"
	fi
	grep -m1 '^RV-CPUS=' "$_rv_log"
}
