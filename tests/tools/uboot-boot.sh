#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# uboot-boot.sh ARCH ELF LOG [QEMU ARGS...]
#
# Boots ELF with U-Boot's `bootelf -p ADDR ${fdtcontroladdr}` on QEMU virt,
# no typing: the ELF and a boot.scr go on a FAT partition of a virtio disk,
# and U-Boot's distro boot runs the script (recipe: the U-Boot rows of
# doc/loaders.md). The script ends with `reset` and QEMU runs with
# -no-reboot, so QEMU exits when the ELF returns or reboots. The serial
# output goes to LOG (\r removed). ARCH:
# - arm64: u-boot-qemu's qemu_arm64 as the firmware (-bios);
# - riscv64: its qemu-riscv64_smode, an S-mode U-Boot that QEMU's OpenSBI
#   (-bios default) starts as its payload (-kernel);
# - x86: its qemu-x86 ROM (-bios; a 32-bit U-Boot) on qemu-system-x86_64
#   (QEMU_X86; qemu-system-i386 has no long mode for a 64-bit kernel), the
#   disk on IDE, isa-debug-exit for the probe (bootelf: EAX argc, EDX argv).
#
# Two things the script does for Debian's arm64 U-Boot 2023.01:
# - `setenv autostart yes`: without it bootelf only loads (env_get_autostart).
# - Its flush() before "Starting application" never ends on QEMU's PL011:
#   pl01x's pending() says output is pending while the TX FIFO is not full,
#   and QEMU's FIFO never fills, so serial flush spins (measured: the loop
#   at 0x5ff34628-0x5ff3463c calls pending() at 0x5ff34c80, `eor x0, x2,
#   #0x20; ubfx x0, x0, #5, #1`, with -m 512M). When those two words are
#   there, the script makes pending() return 0 (mw.l) and says so with
#   "== U-Boot flush workaround applied"; else it leaves U-Boot alone.
#   No image can avoid this: the spin comes before the ELF is entered.
# On arm64 the script also clears the first bytes at 0x40000000 (QEMU's
# tree) so the stub can find the tree only through argv[0].
#
# Environment: UBOOT_ARG (bootelf's argument after the address; default
# '${fdtcontroladdr}', "none" for no argument), UBOOT_BIN (default: the
# ARCH's in /usr/lib/u-boot), QEMU_AARCH64, QEMU_RISCV64, BOOT_TIMEOUT
# (default 90), BOOT_MEMORY (512; the arm64 workaround's address holds for
# 512 MiB only), UBOOT_UNTIL (a pattern: QEMU is stopped once the serial
# output has it).
# On a missing tool: one line on stderr naming it, exit status 2.
set -u

fail() {
	echo "$*" >&2
	exit 2
}

[ $# -ge 3 ] || fail "usage: $0 ARCH ELF LOG [QEMU ARGS...]"
arch=$1 elf=$2 log=$3
shift 3
# Per arch: U-Boot, QEMU and its package, where the file is loaded (bootelf
# copies the segments from there), mkimage's arch, the script's first steps.
case $arch in
arm64)
	uboot=${UBOOT_BIN:-/usr/lib/u-boot/qemu_arm64/u-boot.bin}
	qemu=${QEMU_AARCH64:-qemu-system-aarch64} qemu_package=qemu-system-arm
	load=0x48000000 mkimage_arch=arm64
	prepare='if itest.l *0x5ff34c80 == 0xd27b0040 && itest.l *0x5ff34c84 == 0xd3451400; then
	mw.l 0x5ff34c80 0xd2800000 2
	echo "== U-Boot flush workaround applied"
fi
mw.l 0x40000000 0 4' ;;
riscv64)
	uboot=${UBOOT_BIN:-/usr/lib/u-boot/qemu-riscv64_smode/uboot.elf}
	qemu=${QEMU_RISCV64:-qemu-system-riscv64} qemu_package=qemu-system-misc
	load=0x84000000 mkimage_arch=riscv prepare= ;;
x86)
	# the file at 256 MiB: above a distribution kernel's reservation from 16 MiB
	uboot=${UBOOT_BIN:-/usr/lib/u-boot/qemu-x86/u-boot.rom}
	qemu=${QEMU_X86:-qemu-system-x86_64} qemu_package=qemu-system-x86
	load=0x10000000 mkimage_arch=x86 prepare= ;;
*)
	fail "unknown ARCH '$arch' (arm64, riscv64 or x86)" ;;
esac
[ -f "$uboot" ] || fail "no $uboot (install u-boot-qemu)"
for tool in mkimage:u-boot-tools mkfs.vfat:dosfstools mcopy:mtools "$qemu":$qemu_package; do
	command -v "${tool%%:*}" >/dev/null 2>&1 || fail "no ${tool%%:*} (install ${tool#*:})"
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/mkelfimage-uboot.XXXXXX") || fail "cannot create a directory"
trap 'rm -rf "$dir"' EXIT
# The file goes high: bootelf copies its segments from there to the start of RAM + 2 MiB up.
arg=${UBOOT_ARG-'${fdtcontroladdr}'}
[ "$arg" = none ] && arg=
cat >"$dir/boot.cmd" <<CMD
echo "== boot.scr running"
load \${devtype} \${devnum}:\${distro_bootpart} $load image.elf
setenv autostart yes
$prepare
bootelf -p $load $arg
echo "== bootelf returned"
reset
CMD
mkimage -A $mkimage_arch -T script -C none -d "$dir/boot.cmd" "$dir/boot.scr" >/dev/null ||
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

case $arch in
arm64) set -- -M virt -cpu cortex-a57 -bios "$uboot" -drive if=none,file="$dir/disk.img",format=raw,id=d \
	-device virtio-blk-device,drive=d "$@" ;;
riscv64) set -- -M virt -smp 2 -bios default -kernel "$uboot" -drive if=none,file="$dir/disk.img",format=raw,id=d \
	-device virtio-blk-device,drive=d "$@" ;;
x86) set -- -bios "$uboot" -drive file="$dir/disk.img",format=raw,if=ide \
	-device isa-debug-exit,iobase=0xf4,iosize=4 "$@" ;;
esac
timeout "${BOOT_TIMEOUT:-90}" "$qemu" -m "${BOOT_MEMORY:-512}" \
	-display none -monitor none -serial "file:$dir/serial" \
	-no-reboot "$@" </dev/null >"$dir/qemu.out" 2>&1 &
qemu_pid=$!
# UBOOT_UNTIL: a line that ends the boot as soon as it shows (a kernel that
# cannot power the machine off: U-Boot on x86 gives it no ACPI)
if [ -n "${UBOOT_UNTIL:-}" ]; then
	while kill -0 "$qemu_pid" 2>/dev/null; do
		if grep -q "$UBOOT_UNTIL" "$dir/serial" 2>/dev/null; then
			sleep 1
			kill "$qemu_pid" 2>/dev/null
			break
		fi
		sleep 0.5
	done
fi
wait "$qemu_pid"
status=$?
tr -d '\r' <"$dir/serial" >"$log" 2>/dev/null || : >"$log"
[ "$status" -eq 124 ] && echo "== timed out after ${BOOT_TIMEOUT:-90} s" >>"$log"
exit 0
