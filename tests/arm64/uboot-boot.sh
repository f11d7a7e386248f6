#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# uboot-boot.sh ELF LOG [QEMU ARGS...]
#
# Boots ELF with U-Boot's `bootelf -p ADDR ${fdtcontroladdr}` on QEMU virt
# (u-boot-qemu's qemu_arm64), no typing: the ELF and a boot.scr go on a FAT
# partition of a virtio disk, and U-Boot's distro boot runs the script
# (recipe: ../shared/reference/uboot.md). The script ends with `reset` and
# QEMU runs with -no-reboot, so QEMU exits when the ELF returns or reboots.
# The serial output goes to LOG (\r removed).
#
# Two things the script does for Debian's U-Boot 2023.01:
# - `setenv autostart yes`: without it bootelf only loads (env_get_autostart).
# - Its flush() before "Starting application" never ends on QEMU's PL011:
#   pl01x's pending() says output is pending while the TX FIFO is not full,
#   and QEMU's FIFO never fills, so serial flush spins (measured: the loop
#   at 0x5ff34628-0x5ff3463c calls pending() at 0x5ff34c80, `eor x0, x2,
#   #0x20; ubfx x0, x0, #5, #1`, with -m 512M). When those two words are
#   there, the script makes pending() return 0 (mw.l) and says so with
#   "== U-Boot flush workaround applied"; else it leaves U-Boot alone.
#   No image can avoid this: the spin comes before the ELF is entered.
# The script also clears the first bytes at 0x40000000 (QEMU's tree) so the
# stub can find the tree only through argv[0].
#
# Environment: UBOOT_ARG (bootelf's argument after the address; default
# '${fdtcontroladdr}', "none" for no argument), UBOOT_BIN (default /usr/lib/u-boot/qemu_arm64/u-boot.bin),
# QEMU_AARCH64, BOOT_TIMEOUT (default 90), BOOT_MEMORY (512; the workaround's
# address holds for 512 MiB only).
# On a missing tool: one line on stderr naming it, exit status 2.
set -u

fail() {
	echo "$*" >&2
	exit 2
}

[ $# -ge 2 ] || fail "usage: $0 ELF LOG [QEMU ARGS...]"
elf=$1 log=$2
shift 2
uboot=${UBOOT_BIN:-/usr/lib/u-boot/qemu_arm64/u-boot.bin}
qemu=${QEMU_AARCH64:-qemu-system-aarch64}
[ -f "$uboot" ] || fail "no $uboot (install u-boot-qemu)"
for tool in mkimage:u-boot-tools mkfs.vfat:dosfstools mcopy:mtools "$qemu":qemu-system-arm; do
	command -v "${tool%%:*}" >/dev/null 2>&1 || fail "no ${tool%%:*} (install ${tool#*:})"
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/mkelfimage-uboot.XXXXXX") || fail "cannot create a directory"
trap 'rm -rf "$dir"' EXIT
# The file goes high: bootelf copies its segments from there to 0x40200000 up.
arg=${UBOOT_ARG-'${fdtcontroladdr}'}
[ "$arg" = none ] && arg=
cat >"$dir/boot.cmd" <<CMD
echo "== boot.scr running"
load \${devtype} \${devnum}:\${distro_bootpart} 0x48000000 image.elf
setenv autostart yes
if itest.l *0x5ff34c80 == 0xd27b0040 && itest.l *0x5ff34c84 == 0xd3451400; then
	mw.l 0x5ff34c80 0xd2800000 2
	echo "== U-Boot flush workaround applied"
fi
mw.l 0x40000000 0 4
bootelf -p 0x48000000 $arg
echo "== bootelf returned"
reset
CMD
mkimage -A arm64 -T script -C none -d "$dir/boot.cmd" "$dir/boot.scr" >/dev/null ||
	fail "mkimage failed"
size_mb=$(( ($(wc -c <"$elf") >> 20) + 16 ))
truncate -s "${size_mb}M" "$dir/part.img" &&
	mkfs.vfat -n MKELF "$dir/part.img" >/dev/null &&
	mcopy -i "$dir/part.img" "$dir/boot.scr" ::boot.scr &&
	mcopy -i "$dir/part.img" "$elf" ::image.elf || fail "cannot build the FAT partition"
# An MBR by hand: one bootable FAT32-LBA (0x0c) partition from LBA 2048.
truncate -s 1M "$dir/disk.img" && cat "$dir/part.img" >>"$dir/disk.img" || fail "cannot build the disk"
sectors=$((size_mb * 2048))
printf "\\200\\000\\000\\000\\014\\000\\000\\000\\000\\010\\000\\000$(printf '\\%03o\\%03o\\%03o\\%03o' \
	$((sectors & 255)) $((sectors >> 8 & 255)) $((sectors >> 16 & 255)) $((sectors >> 24 & 255)))" |
	dd of="$dir/disk.img" bs=1 seek=446 conv=notrunc 2>/dev/null
printf '\125\252' | dd of="$dir/disk.img" bs=1 seek=510 conv=notrunc 2>/dev/null

timeout "${BOOT_TIMEOUT:-90}" "$qemu" -M virt -cpu cortex-a57 -m "${BOOT_MEMORY:-512}" \
	-bios "$uboot" -drive if=none,file="$dir/disk.img",format=raw,id=d \
	-device virtio-blk-device,drive=d -display none -monitor none -serial "file:$dir/serial" \
	-no-reboot "$@" </dev/null >"$dir/qemu.out" 2>&1
status=$?
tr -d '\r' <"$dir/serial" >"$log" 2>/dev/null || : >"$log"
[ "$status" -eq 124 ] && echo "== timed out after ${BOOT_TIMEOUT:-90} s" >>"$log"
exit 0
