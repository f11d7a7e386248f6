#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The stub's boot log (issue 20): off by default; asked for at build time
# (--boot-log) or at boot by the word mkelfimage.log on the command line,
# which the stub takes out before the kernel sees the line. On every entry
# path it says which loader it found and why, where the memory map came
# from, what the zero page got, and where it enters the kernel:
#   multiboot (QEMU -kernel), PVH (QEMU, --no-multiboot), multiboot2 with EFI
#   blocks, ELF boot notes in EAX/EBX and on the stack, a coreboot table as
#   the argument and found by scanning, nothing at all (the CMOS), through
#   tests/harness; and a real coreboot ROM when cbfstool is there.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"
. "$top_srcdir/tests/coreboot/coreboot-lib.sh"
[ -n "${QEMU_X86_64:-}" ] && [ -x "$QEMU_X86_64" ] || skip_all "no qemu-system-x86_64 (install qemu-system-x86)"
harness=$top_builddir/tests/harness/harness.elf
[ -f "$harness" ] || skip_all "tests/harness/harness.elf not built (make check builds it)"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 50001 /dev/urandom >"$work/rd"
build() {
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" --command-line "console=ttyS0 x=1" "$@"
}
check "an image without --boot-log" build -o "$work/quiet.elf"
check "an image with --boot-log" build --boot-log -o "$work/log.elf"
check "a PVH image (--no-multiboot) with --boot-log" build --boot-log --no-multiboot -o "$work/pvh.elf"
check "inspect shows boot_log: yes" sh -c "'$MKELFIMAGE' inspect '$work/log.elf' | grep -qx '  boot_log: yes'"

# logged REPORT PATTERN: a log line matches
logged() {
	grep -q "^mkelfimage stub log: $2" "$1.txt"
}
# ends_well NAME REPORT: the log ends with the kernel's entry and the probe ran
ends_well() {
	check "$1: the log ends with the kernel's entry" logged "$2" "entering the kernel"
	check "$1: the probe kernel ran" grep -qx 'probe_end=ok' "$2.txt"
}

boot_image "$QEMU_X86_64" "$work/quiet.elf" "$work/quiet" -append "z=1"
check_eq "off by default: no log line" 0 "$(grep -c '^mkelfimage stub log:' "$work/quiet.txt")"

boot_image "$QEMU_X86_64" "$work/quiet.elf" "$work/word" -append "mkelfimage.log z=1"
check "the word at boot: multiboot, and why" logged "$work/word" "loader: multiboot (EAX 0x2badb002), the information at EBX 0x"
check "multiboot: the memory map's source" logged "$work/word" "memory map from the multiboot information"
check "multiboot: the image's initrd" logged "$work/word" "initrd: the image's, at 0x"
ends_well "multiboot" "$work/word"
check_eq "the word is taken out of the kernel's command line" "console=ttyS0 x=1 z=1" "$(report_value cmdline "$work/word")"

boot_image "$QEMU_X86_64" "$work/pvh.elf" "$work/pvh" -append "p=1"
check "--boot-log, PVH" logged "$work/pvh" "loader: PVH (entered at the PVH entry point"
check "PVH: the memory map from hvm_start_info" logged "$work/pvh" "memory map from hvm_start_info's memory map"
ends_well "PVH" "$work/pvh"

# harness MODE: the --boot-log image entered as that loader would
for mode in mb2-efi bhdr-eax bhdr-stack coreboot-arg coreboot-scan bare; do
	boot_image "$QEMU_X86_64" "$harness" "$work/$mode" -initrd "$work/log.elf" -append "mode=$mode -- y=2"
done
check "multiboot2" logged "$work/mb2-efi" "loader: multiboot2 (EAX 0x36d76289)"
check "multiboot2 with EFI: efi_info filled" logged "$work/mb2-efi" "EFI: system table at 0x"
check "multiboot2 with EFI: the RSDP" logged "$work/mb2-efi" "ACPI RSDP from the loader's information: 0x"
ends_well "multiboot2" "$work/mb2-efi"
check "ELF boot notes in EAX/EBX" logged "$work/bhdr-eax" "loader: ELF boot notes (EAX 0x0e1fb007)"
ends_well "ELF boot notes in EAX/EBX" "$work/bhdr-eax"
check "ELF boot notes on the stack" logged "$work/bhdr-stack" "loader: ELF boot notes as the first stack argument"
ends_well "ELF boot notes on the stack" "$work/bhdr-stack"
check "coreboot table as the argument" logged "$work/coreboot-arg" "loader: coreboot (its table as the first stack argument)"
check "coreboot table as the argument: memory from it" logged "$work/coreboot-arg" "memory map from the coreboot table"
ends_well "coreboot table as the argument" "$work/coreboot-arg"
check "coreboot table by scanning" logged "$work/coreboot-scan" "loader: coreboot (nothing passed; its table found by scanning"
ends_well "coreboot table by scanning" "$work/coreboot-scan"
check "nothing passed: none recognised" logged "$work/bare" "loader: none recognised"
check "nothing passed: memory from the CMOS" logged "$work/bare" "memory map from the CMOS"
ends_well "nothing passed" "$work/bare"

# A real coreboot ROM
if command -v cbfstool >/dev/null 2>&1 && command -v xz >/dev/null 2>&1; then
	coreboot_boot "$(coreboot_rom i440fx)" "$work/log.elf" "$work/rom" none "$QEMU_X86_64"
	check "real coreboot: its table as the argument" logged "$work/rom" "loader: coreboot (its table as the first stack argument)"
	check "real coreboot: the RSDP from the table" logged "$work/rom" "ACPI RSDP from the loader's information: 0x"
	ends_well "real coreboot" "$work/rom"
else
	tap_skip "real coreboot: the boot log" "no cbfstool or xz (install coreboot-utils, xz-utils)"
fi
tap_done
