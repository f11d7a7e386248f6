#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# U-Boot's `bootelf -p ADDR ${fdtcontroladdr}` (u-boot-qemu's S-mode
# qemu-riscv64_smode, started by OpenSBI on QEMU virt with 2 harts; a boot
# script on a disk, no typing: tests/tools/uboot-boot.sh) boots the probe
# and the fixture Linux kernel from --arch riscv64 images. U-Boot calls the
# ELF as a C function (a0 = argc, a1 = argv, argv[0] = the tree's address
# in hex): the stub takes the tree from argv[0] and the hart id from SBI
# HSM (the one STARTED hart), since U-Boot passes none.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/riscv64/riscv64-lib.sh"
riscv64_require_qemu

uboot=/usr/lib/u-boot/qemu-riscv64_smode/uboot.elf
[ -f "$uboot" ] || riscv64_skip_all "no $uboot (install u-boot-qemu)"
for tool in mkimage:u-boot-tools mkfs.vfat:dosfstools mcopy:mtools; do
	command -v "${tool%%:*}" >/dev/null 2>&1 || riscv64_skip_all "no ${tool%%:*} (install ${tool#*:})"
done

head -c 100003 /dev/urandom >"$work/rd"
check "mkelfimage --arch riscv64 builds the probe image" \
	"$MKELFIMAGE" --arch riscv64 --kernel "$RISCV64_PROBE" --initrd "$work/rd" \
	--command-line "console=ttyS0 via=u-boot" -o "$work/probe.elf"
riscv64_uboot "$work/probe.elf" "$work/probe"
check_eq "bootelf entered the stub at e_entry" "## Starting application at 0x80200038 ..." \
	"$(grep -m1 '^## Starting application' "$work/probe.txt")"
check_eq "the probe ran and reported" "mkelfimage-riscv64-probe 1" \
	"$(grep -m1 '^mkelfimage-riscv64-probe' "$work/probe.txt")"
check_eq "a0 is this hart (found through SBI HSM), the other waits STOPPED" "0x1 0x1" \
	"$(report_value a0_started "$work/probe") $(report_value harts_stopped "$work/probe")"
check_eq "the tree found through argv[0] is valid, with the built-in line" "ok console=ttyS0 via=u-boot" \
	"$(report_value fdt "$work/probe") $(report_value cmdline "$work/probe")"
check_eq "the initrd's bytes are intact (CRC-32)" "$("$CRC32" "$work/rd")" \
	"$(report_value initrd_crc32 "$work/probe")"

riscv64_fixture_kernel "$work"
check "mkelfimage --arch riscv64 builds an image of the fixture kernel" \
	"$MKELFIMAGE" --arch riscv64 --kernel "$work/Image" --initrd "$RISCV64_FIXTURE/rd.cpio.gz" \
	--command-line "console=ttyS0 via=u-boot" -o "$work/linux.elf"
riscv64_uboot "$work/linux.elf" "$work/linux"
check_eq "bootelf: Linux runs /init from the image's initrd" "RV-INIT-OK" "$(grep -m1 '^RV-INIT-OK' "$work/linux.txt")"
check_eq "bootelf: /proc/cmdline is the built-in line" "RV-CMDLINE=[console=ttyS0 via=u-boot]" \
	"$(grep -m1 '^RV-CMDLINE=' "$work/linux.txt")"
check_eq "bootelf: both harts up in Linux" "RV-CPUS=2" \
	"$(riscv64_linux_cpus "$work/linux.txt" riscv64_uboot "$work/linux.elf" "$work/linux")"
tap_done
