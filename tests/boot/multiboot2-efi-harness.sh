#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The stub's Multiboot2 EFI handoff without firmware, through tests/harness
# (a multiboot kernel that loads boot.elf from its module and enters it as
# GRUB EFI's multiboot2 would, EAX=0x36d76289, with an information block it
# builds; issue 14):
#   mb2-efi     an EFI64 system table tag (the table made up by the harness,
#               its configuration table with only the ACPI 1.0 GUID) and an
#               EFI memory map of 3 descriptors of 48 bytes: efi_info gets
#               "EL64", that table and a map of 0x90 bytes; acpi_rsdp_addr
#               falls back to the ACPI 1.0 entry
#   mb2-efi-bs  plus tag 18 (boot services not terminated): one COM1 line,
#               and the stub halts before the kernel
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"

[ -n "${QEMU_X86_64:-}" ] || skip_all "no qemu-system-x86_64 (install qemu-system-x86)"
harness=$top_builddir/tests/harness/harness.elf
[ -f "$harness" ] || skip_all "tests/harness/harness.elf not built (make check builds it)"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 30001 /dev/urandom >"$work/rd.img"
check "mkelfimage builds the image" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" \
	--command-line "console=ttyS0 x=1" -o "$work/boot.elf"

report=$work/efi
boot_image "$QEMU_X86_64" "$harness" "$report" -initrd "$work/boot.elf" -append "mode=mb2-efi -- y=2"
check_probe_report "harness mb2-efi" "$report" "console=ttyS0 x=1 y=2" "$work/rd.img" 0x20f
check_eq "mb2-efi: efi_loader_signature is \"EL64\"" 0x34364c45 \
	"$(report_value efi_info.efi_loader_signature "$report")"
check_eq "mb2-efi: efi_systab is the EFI64 tag's pointer" \
	"$(sed -n 's/^harness_efi_systab=//p' "$report.txt")" "$(report_value efi_info.efi_systab "$report")"
check_eq "mb2-efi: the EFI memory map: size, descriptor size, version" "0x90 0x30 0x1" \
	"$(report_value efi_info.efi_memmap_size "$report") $(report_value efi_info.efi_memdesc_size "$report") $(report_value efi_info.efi_memdesc_version "$report")"
check_eq "mb2-efi: acpi_rsdp_addr from the ACPI 1.0 configuration table entry" \
	"$(sed -n 's/^harness_rsdp=//p' "$report.txt")" "$(report_value acpi_rsdp_addr "$report")"

report=$work/efi-bs
BOOT_TIMEOUT=20 boot_image "$QEMU_X86_64" "$harness" "$report" -initrd "$work/boot.elf" -append "mode=mb2-efi-bs -- y=2"
check "mb2-efi-bs: one COM1 line names tag 18" grep -qx \
	"mkelfimage stub: multiboot2: EFI boot services not terminated (tag 18); this 32-bit entry cannot use them" \
	"$report.txt"
check "mb2-efi-bs: the stub halts before the kernel" sh -c '! grep -q "^probe=" "$1"' sh "$report.txt"
tap_done
