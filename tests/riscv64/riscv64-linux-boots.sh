#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A real Linux 6.1 riscv64 kernel (tests/riscv64/kernel/PROVENANCE.md: built
# from Debian's linux-source-6.1, with a libc-free /init that prints what it
# got) boots from an --arch riscv64 image under QEMU virt, 2 harts, OpenSBI:
# it runs the image's initrd, sees the command line the append policy
# makes of the built-in text and QEMU's -append, and brings up both harts
# (SBI HSM from the hart id the stub passed in a0).
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/riscv64/riscv64-lib.sh"
riscv64_require_qemu

riscv64_fixture_kernel "$work"
check "mkelfimage --arch riscv64 builds an image of the fixture kernel" \
	"$MKELFIMAGE" --arch riscv64 --kernel "$work/Image" --initrd "$RISCV64_FIXTURE/rd.cpio.gz" \
	--command-line "console=ttyS0" -o "$work/linux.elf"
riscv64_boot "$work/linux.elf" "$work/serial" -append "from=qemu"
check_eq "Linux runs /init from the image's initrd" "RV-INIT-OK" "$(grep -m1 '^RV-INIT-OK' "$work/serial.txt")"
check_eq "/proc/cmdline: the built-in text, then QEMU's -append" "RV-CMDLINE=[console=ttyS0 from=qemu]" \
	"$(grep -m1 '^RV-CMDLINE=' "$work/serial.txt")"
check_eq "both harts up in Linux" "RV-CPUS=2" \
	"$(riscv64_linux_cpus "$work/serial.txt" riscv64_boot "$work/linux.elf" "$work/serial" -append "from=qemu")"
check "the memory below the kernel (OpenSBI's, the stub's) is not Linux's RAM" \
	grep -q "Ignoring memory range 0x80000000 - 0x80400000" "$work/serial.txt"
tap_done
