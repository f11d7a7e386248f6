#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# GRUB 2 for BIOS (grub-pc-bin) boots the image through its Multiboot2
# header: `multiboot2 /boot.elf ARGS` plus a `module2`, from a grub-mkrescue
# ISO (issue 14). The stub's Multiboot2 path gives the command line (GRUB's
# arguments after the file name), the memory map, and the first module as
# the initrd of an image without one. On BIOS there is no EFI handoff:
# efi_info stays 0 and acpi_rsdp_addr too (Linux's own scan of the BIOS area
# finds the RSDP).
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"
. "$top_srcdir/tests/interop/grub-iso.sh"

need_qemu_x86_64() {
	[ -n "${QEMU_X86_64:-}" ] && command -v "$QEMU_X86_64" >/dev/null 2>&1 ||
		skip_all "no qemu-system-x86_64 (install qemu-system-x86)"
}
need_qemu_x86_64
need_grub_mkrescue
[ -f "$GRUB_BIOS_DIR/multiboot2.mod" ] || skip_all "no $GRUB_BIOS_DIR/multiboot2.mod (install grub-pc-bin)"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
builtin="console=ttyS0 x=1"
head -c 70001 /dev/urandom >"$work/mod.img"

mkdir "$work/iso"
cp "$work/mod.img" "$work/iso/mod.img"
check "mkelfimage builds an image without an initrd" \
	"$MKELFIMAGE" --kernel "$kernel" --command-line "$builtin" -o "$work/iso/boot.elf"
check "grub-mkrescue makes an ISO whose grub.cfg loads it with multiboot2 and a module2" \
	make_iso "$work/mb2.iso" "$work/iso" "multiboot2 /boot.elf grub=2 three
module2 /mod.img modarg=1"

report=$work/bios
boot_qemu "$QEMU_X86_64" "$report" -cdrom "$work/mb2.iso" -boot d
check "GRUB BIOS multiboot2: the probe kernel finished its report" grep -qx 'probe_end=ok' "$report.txt"
check_eq "GRUB BIOS multiboot2: command line as built in plus GRUB's arguments" \
	"$builtin grub=2 three" "$(report_value cmdline "$report")"
check_eq "GRUB BIOS multiboot2: module2 becomes the initrd of an image without one (CRC-32)" \
	"$("$CRC32" "$work/mod.img")" "$(report_value initrd_crc32 "$report")"
check_eq "GRUB BIOS multiboot2: ramdisk_size is the module's size" \
	"$(hex "$(file_size "$work/mod.img")")" "$(report_value hdr.ramdisk_size "$report")"
entries=$(report_value e820_entries "$report")
check "GRUB BIOS multiboot2: e820 map from the Multiboot2 memory map ($entries entries)" \
	test -n "$entries" -a "$entries" != 0x0
check "GRUB BIOS multiboot2: e820 has one RAM range holding the kernel" \
	e820_ram_covers "$report" "$(report_value load_addr "$report")" "$(report_value load_addr "$report")"
check_eq "GRUB BIOS multiboot2: 32-bit entry: CS is __BOOT_CS" 0x10 "$(report_value cs "$report")"
check_eq "GRUB BIOS multiboot2: no EFI handoff on BIOS (efi_info 0)" 0x0 \
	"$(report_value efi_info.efi_loader_signature "$report")"
check_eq "GRUB BIOS multiboot2: acpi_rsdp_addr 0 (Linux scans the BIOS area)" 0x0 \
	"$(report_value acpi_rsdp_addr "$report")"
tap_done
