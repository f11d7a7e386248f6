#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# 32-bit UEFI (Debian ovmf-ia32) with GRUB i386-efi (grub-efi-ia32-bin):
# `multiboot2 /boot.elf ARGS` passes the EFI32 system table tag (11), and
# the stub gives efi_info the signature "EL32" (issue 14).
#   - the probe: "EL32", the system table in firmware memory, the EFI
#     memory map, acpi_rsdp_addr inside an ACPI e820 range;
#   - Debian's cloud kernel (x86_64 with CONFIG_EFI_MIXED): /init runs with
#     /sys/firmware/efi of a 32-bit firmware (fw_platform_size 32), runtime
#     services through mixed mode, ACPI and both CPUs.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/interop/grub-efi.sh"

need_grub_efi32

# e820_type_at REPORT ADDR: the type of the e820 range holding ADDR, or "none"
e820_type_at() {
	sed -n 's/^e820\.[0-9a-f]*=//p' "$1.txt" | {
		while read -r _a _s _t; do
			if [ $((_a)) -le $(($2)) ] && [ $(($2)) -lt $((_a + _s)) ]; then echo "$_t"; exit 0; fi
		done
		echo none
	}
}

builtin="console=ttyS0 x=1"
head -c 20000 /dev/urandom >"$work/rd.img"
mkdir "$work/probe"
check "mkelfimage builds a probe image" \
	"$MKELFIMAGE" --kernel "$PROBE_DIR/probe-2.15-reloc.bzImage" --initrd "$work/rd.img" \
	--command-line "$builtin" -o "$work/probe/boot.elf"
check "grub-mkrescue makes an i386-efi ISO whose grub.cfg loads it with multiboot2" \
	make_efi32_iso "$work/probe.iso" "$work/probe" "multiboot2 /boot.elf y=2"
report=$work/probe-report
boot_efi32 "$report" "$work/probe.iso"
label="OVMF ia32, GRUB i386-efi multiboot2"
check "$label: the probe kernel finished its report" grep -qx 'probe_end=ok' "$report.txt"
check_eq "$label: command line" "$builtin y=2" "$(report_value cmdline "$report")"
check_eq "$label: initrd bytes arrive intact (CRC-32)" "$("$CRC32" "$work/rd.img")" \
	"$(report_value initrd_crc32 "$report")"
check_eq "$label: efi_loader_signature is \"EL32\" (EFI32 system table tag)" 0x32334c45 \
	"$(report_value efi_info.efi_loader_signature "$report")"
systab=$(report_value efi_info.efi_systab "$report")
check "$label: efi_systab ($systab) lies in firmware memory" \
	sh -c '[ "$1" != 0x0 ] && [ "$2" != 0x1 ] && [ "$2" != none ]' sh "${systab:-0x0}" \
	"$(e820_type_at "$report" "${systab:-0}")"
size=$(report_value efi_info.efi_memmap_size "$report")
desc=$(report_value efi_info.efi_memdesc_size "$report")
check "$label: efi_memmap_size ($size) is a whole number of descriptors ($desc)" \
	sh -c '[ $(($1)) -gt 0 ] && [ $(($2)) -ge 40 ] && [ $(($1 % $2)) -eq 0 ]' sh "${size:-0}" "${desc:-0}"
rsdp=$(report_value acpi_rsdp_addr "$report")
check_eq "$label: acpi_rsdp_addr ($rsdp) from the configuration table, inside an ACPI range" 0x3 \
	"$(e820_type_at "$report" "${rsdp:-0}")"

fetch_kernel "$CLOUD_KERNEL_PACKAGE"
name=$(basename "$kernel")
marker="booted $name under 32-bit OVMF"
make_uefi_initramfs "$work/rd.cpio" "$marker"
mkdir "$work/deb"
check "mkelfimage builds an image of $name" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" \
	--command-line "$BUILTIN_CMDLINE" -o "$work/deb/boot.elf"
check "grub-mkrescue makes its i386-efi ISO" \
	make_efi32_iso "$work/deb.iso" "$work/deb" "multiboot2 /boot.elf grub.first=1"
boot_efi32 "$work/deb-report" "$work/deb.iso"
check_init_ran "$name runs /init through GRUB i386-efi multiboot2" "$work/deb-report" "$marker"
check_eq "$name: /proc/cmdline" "$BUILTIN_CMDLINE grub.first=1" "$(init_value cmdline "$work/deb-report")"
efi=$(init_value efi "$work/deb-report")
check "$name: /sys/firmware/efi with runtime ($efi)" \
	sh -c 'case " $1" in *" runtime "*) exit 0;; esac; exit 1' sh "$efi"
check_eq "$name: a 32-bit EFI (fw_platform_size)" 32 "$(init_value fw_platform_size "$work/deb-report")"
check_eq "$name: EFI runtime services in use through mixed mode (efivars)" 1 \
	"$(init_value efivars "$work/deb-report")"
check_eq "$name: ACPI interpreter enabled" 1 "$(init_value acpi_interpreter "$work/deb-report")"
check_eq "$name: both CPUs online" 0-1 "$(init_value cpus_online "$work/deb-report")"
tap_done
