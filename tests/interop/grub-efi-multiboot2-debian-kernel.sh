#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Debian's cloud kernel under OVMF (q35, 2 CPUs) through GRUB x86_64-efi
# `multiboot2 /boot.elf ARGS` (issue 14): with the stub's EFI handoff
# (efi_info, acpi_rsdp_addr, screen_info from GRUB's framebuffer with
# `insmod efi_gop`) the kernel reaches /init with /sys/firmware/efi
# and its runtime services, ACPI enabled, both CPUs online and efifb, as under
# GRUB's own `linux` command; the v1 `multiboot` path gives none of these
# (doc/loaders.md, "UEFI"). The command line is the built-in text, then
# GRUB's arguments (policy append).
#
# The reference row: the same kernel and initramfs through GRUB EFI's own
# `linux` + `initrd` must report the same EFI, ACPI, CPU and efifb facts;
# both boots' wall times (QEMU start to power-off) are printed as a TAP
# comment. The order is fixed and the first boot pays a warm-up, so the
# figure is tests/bench/uefi-boot-cost.sh's, which alternates it.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/interop/grub-efi.sh"

need_grub_efi
fetch_kernel "$CLOUD_KERNEL_PACKAGE"
name=$(basename "$kernel")
marker="booted $name under OVMF"

make_uefi_initramfs "$work/rd.cpio" "$marker"

mkdir "$work/iso"
check "mkelfimage builds an image of $name and the reporting initramfs" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" \
	--command-line "$BUILTIN_CMDLINE" -o "$work/iso/boot.elf"
check "grub-mkrescue makes an x86_64-efi ISO whose grub.cfg loads it with multiboot2" \
	make_efi_iso "$work/grub.iso" "$work/iso" "insmod efi_gop
multiboot2 /boot.elf grub.first=1 two"

check "grub-mkrescue makes the reference ISO: GRUB EFI linux + initrd" \
	make_linux_efi_iso "$work/ref.iso" "$work/ref" "$kernel" "$work/rd.cpio" "$BUILTIN_CMDLINE grub.first=1 two"

# check_uefi_boot LABEL REPORT CMDLINE: the facts both boots must show
check_uefi_boot() {
	check_init_ran "$1: $name runs /init" "$2" "$marker"
	check_eq "$1: /proc/cmdline" "$3" "$(init_value cmdline "$2")"
	_efi=$(init_value efi "$2")
	check "$1: /sys/firmware/efi exists, with runtime and systab ($_efi)" \
		sh -c 'case " $1" in *" runtime "*) case " $1" in *" systab "*) exit 0;; esac;; esac; exit 1' sh "$_efi"
	check_eq "$1: a 64-bit EFI (fw_platform_size)" 64 "$(init_value fw_platform_size "$2")"
	check "$1: efi: $(init_value efi_version "$2") (the system table was read)" \
		test -n "$(init_value efi_version "$2")"
	check_eq "$1: EFI runtime services in use (Registered efivars operations)" 1 \
		"$(init_value efivars "$2")"
	check "$1: ACPI: RSDP $(init_value rsdp "$2") found" test -n "$(init_value rsdp "$2")"
	check_eq "$1: ACPI interpreter enabled" 1 "$(init_value acpi_interpreter "$2")"
	check_eq "$1: both CPUs online (MADT from ACPI)" 0-1 "$(init_value cpus_online "$2")"
	check_eq "$1: efifb drives GRUB's framebuffer (screen_info)" "fb0: EFI VGA frame buffer device" \
		"$(init_value efifb "$2")"
}

# seconds: wall clock with a fraction
seconds() { date +%s.%N; }

start=$(seconds)
boot_efi q35 "$work/boot" "$work/grub.iso"
mb2_time=$(awk -v a="$start" -v b="$(seconds)" 'BEGIN { printf "%.1f", b - a }')
check_uefi_boot "GRUB EFI multiboot2 (OVMF, q35)" "$work/boot" "$BUILTIN_CMDLINE grub.first=1 two"

start=$(seconds)
boot_efi q35 "$work/ref-boot" "$work/ref.iso"
ref_time=$(awk -v a="$start" -v b="$(seconds)" 'BEGIN { printf "%.1f", b - a }')
# GRUB's linux puts BOOT_IMAGE= first
check_uefi_boot "reference: GRUB EFI linux + initrd (OVMF, q35)" "$work/ref-boot" \
	"BOOT_IMAGE=/vmlinuz $BUILTIN_CMDLINE grub.first=1 two"
check_eq "multiboot2 and GRUB's linux find the same RSDP" \
	"$(init_value rsdp "$work/ref-boot")" "$(init_value rsdp "$work/boot")"
echo "# boot time (QEMU start to power-off, TCG): multiboot2 $mb2_time s, GRUB linux $ref_time s," \
	"ratio $(awk -v a="$mb2_time" -v b="$ref_time" 'BEGIN { printf "%.3f", a / b }')"
tap_done
