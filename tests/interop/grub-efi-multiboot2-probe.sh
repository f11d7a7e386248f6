#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# GRUB 2 for x86_64 UEFI (grub-efi-amd64-bin) under OVMF boots the image with
# `multiboot2 /boot.elf ARGS` (issue 14). GRUB exits the boot services and
# enters the stub's 32-bit entry with EAX 0x36d76289; the stub reads the
# Multiboot2 tags and fills the zero page as GRUB's own `linux` would:
#   - efi_info (zero-page.rst 0x1c0): "EL64" from the EFI64 system table tag,
#     the EFI memory map (descriptor size and version, a size that is a whole
#     number of descriptors), no _hi words needed below 4 GiB;
#   - acpi_rsdp_addr from the system table's configuration table: the
#     firmware's RSDP, inside an ACPI e820 range, never GRUB's copy of it
#     inside the information block (plain RAM);
#   - e820 from the Multiboot2 memory map, GRUB's type 20 as reserved (2);
#   - screen_info from GRUB's framebuffer tag when grub.cfg loads a video
#     driver (q35: `insmod efi_gop`): VIDEO_TYPE_EFI for Linux's efifb;
#     without one (pc) GRUB sets no mode and screen_info stays 0;
#   - command line and initrd as for v1.
# A kernel of boot protocol 2.02 gets no efi_info (it exists from 2.06), and
# the stub says so on COM1. An image built --no-multiboot2 gets GRUB's refusal.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"
. "$top_srcdir/tests/interop/grub-efi.sh"

need_grub_efi

builtin="console=ttyS0 x=1"
head -c 65536 /dev/zero | tr '\0' Z >"$work/rd.img"

# e820_type_at REPORT ADDR: the type of the e820 range holding ADDR, or "none"
e820_type_at() {
	sed -n 's/^e820\.[0-9a-f]*=//p' "$1.txt" | {
		while read -r _a _s _t; do
			if [ $((_a)) -le $(($2)) ] && [ $(($2)) -lt $((_a + _s)) ]; then echo "$_t"; exit 0; fi
		done
		echo none
	}
}

mkdir "$work/mb2"
check "mkelfimage builds a probe image with an initrd" \
	"$MKELFIMAGE" --kernel "$PROBE_DIR/probe-2.15-reloc.bzImage" --initrd "$work/rd.img" \
	--command-line "$builtin" -o "$work/mb2/boot.elf"
check "grub-mkrescue makes an x86_64-efi ISO whose grub.cfg loads it with multiboot2 (and efi_gop)" \
	make_efi_iso "$work/mb2-gop.iso" "$work/mb2" "insmod efi_gop
multiboot2 /boot.elf y=2"
check "grub-mkrescue makes the same ISO without a video driver" \
	make_efi_iso "$work/mb2.iso" "$work/mb2" "multiboot2 /boot.elf y=2"

for machine in q35 pc; do
	report=$work/$machine
	iso=$work/mb2.iso
	[ "$machine" = q35 ] && iso=$work/mb2-gop.iso
	boot_efi "$machine" "$report" "$iso"
	label="OVMF $machine, GRUB EFI multiboot2"
	check_probe_report "$label" "$report" "$builtin y=2" "$work/rd.img" 0x20f
	check_eq "$label: efi_loader_signature is \"EL64\" (EFI64 system table tag)" 0x34364c45 \
		"$(report_value efi_info.efi_loader_signature "$report")"
	systab=$(report_value efi_info.efi_systab "$report")
	check "$label: efi_systab ($systab) lies in firmware memory, not in RAM (type $(e820_type_at "$report" "${systab:-0}"))" \
		sh -c '[ "$1" != 0x0 ] && [ "$2" != 0x1 ] && [ "$2" != none ]' sh "${systab:-0x0}" "$(e820_type_at "$report" "${systab:-0}")"
	size=$(report_value efi_info.efi_memmap_size "$report")
	desc=$(report_value efi_info.efi_memdesc_size "$report")
	check "$label: efi_memmap_size ($size) is a whole number of descriptors of efi_memdesc_size ($desc)" \
		sh -c '[ $(($1)) -gt 0 ] && [ $(($2)) -ge 40 ] && [ $(($1 % $2)) -eq 0 ]' sh "${size:-0}" "${desc:-0}"
	check_eq "$label: efi_memdesc_version is 1" 0x1 "$(report_value efi_info.efi_memdesc_version "$report")"
	memmap=$(report_value efi_info.efi_memmap "$report")
	check "$label: efi_memmap ($memmap) is the stub's copy, above the kernel and in RAM" \
		sh -c '[ $(($1)) -gt $(($2)) ] && [ "$3" = 0x1 ]' sh "${memmap:-0}" \
		"$(report_value load_addr "$report")" "$(e820_type_at "$report" "${memmap:-0}")"
	check_eq "$label: the _hi words are 0 below 4 GiB" "0x0 0x0" \
		"$(report_value efi_info.efi_systab_hi "$report") $(report_value efi_info.efi_memmap_hi "$report")"
	rsdp=$(report_value acpi_rsdp_addr "$report")
	check_eq "$label: acpi_rsdp_addr ($rsdp) is the firmware's, inside an ACPI e820 range" 0x3 \
		"$(e820_type_at "$report" "${rsdp:-0}")"
	check "$label: no e820 range keeps GRUB's type 20 (it becomes reserved)" \
		sh -c '! grep -q "^e820\.[0-9a-f]*=.* 0x14\$" "$1"' sh "$report.txt"
	if [ "$machine" = pc ]; then
		check_eq "$label, no video driver: no framebuffer, screen_info 0" 0x0 \
			"$(report_value screen_info.orig_video_isVGA "$report")"
		continue
	fi
	check_eq "$label, efi_gop: screen_info is VIDEO_TYPE_EFI (efifb)" 0x70 \
		"$(report_value screen_info.orig_video_isVGA "$report")"
	width=$(report_value screen_info.lfb_width "$report")
	height=$(report_value screen_info.lfb_height "$report")
	line=$(report_value screen_info.lfb_linelength "$report")
	check "$label, efi_gop: lfb_base $(report_value screen_info.lfb_base "$report"), ${width}x$height, 32 bpp" \
		sh -c '[ "$1" != 0x0 ] && [ $(($2)) -gt 0 ] && [ $(($3)) -gt 0 ] && [ "$4" = 0x20 ]' sh \
		"$(report_value screen_info.lfb_base "$report")" "${width:-0}" "${height:-0}" \
		"$(report_value screen_info.lfb_depth "$report")"
	check "$label, efi_gop: lfb_linelength ($line) holds a line, lfb_size covers the screen" \
		sh -c '[ $(($1)) -ge $(($2 * 4)) ] && [ $(($4)) -ge $(($1 * $3)) ]' sh \
		"${line:-0}" "${width:-0}" "${height:-0}" "$(report_value screen_info.lfb_size "$report")"
	check_eq "$label, efi_gop: colour fields (size << 8 | pos) of an xRGB framebuffer" "0x810 0x808 0x800" \
		"$(report_value screen_info.red "$report") $(report_value screen_info.green "$report") $(report_value screen_info.blue "$report")"
done

# Boot protocol 2.02: efi_info does not exist yet (2.06); one COM1 line says so.
mkdir "$work/old"
check "mkelfimage builds an image of the protocol 2.02 probe" \
	"$MKELFIMAGE" --kernel "$PROBE_DIR/probe-2.02.bzImage" --command-line "$builtin" -o "$work/old/boot.elf"
check "grub-mkrescue makes its ISO" make_efi_iso "$work/old.iso" "$work/old" "multiboot2 /boot.elf"
boot_efi q35 "$work/old-report" "$work/old.iso"
check "protocol 2.02 under GRUB EFI multiboot2: the probe finished its report" grep -qx 'probe_end=ok' "$work/old-report.txt"
check_eq "protocol 2.02: efi_info left 0" 0x0 "$(report_value efi_info.efi_loader_signature "$work/old-report")"
check "protocol 2.02: the stub says why on COM1" \
	grep -qF "mkelfimage stub: EFI handoff left out: efi_info needs boot protocol 2.06 or later" "$work/old-report.txt"
rsdp=$(report_value acpi_rsdp_addr "$work/old-report")
check "protocol 2.02: acpi_rsdp_addr ($rsdp) is still found in the configuration table" \
	sh -c '[ -n "$1" ] && [ "$1" != 0x0 ]' sh "$rsdp"

# --no-multiboot2: GRUB refuses it
mkdir "$work/no2"
check "mkelfimage builds an image with --no-multiboot2" \
	"$MKELFIMAGE" --kernel "$PROBE_DIR/probe-2.15-reloc.bzImage" --no-multiboot2 -o "$work/no2/boot.elf"
check "grub-mkrescue makes its ISO" make_efi_iso "$work/no2.iso" "$work/no2" "multiboot2 /boot.elf"
boot_efi q35 "$work/no2-report" "$work/no2.iso"
check "--no-multiboot2: GRUB EFI says \"no multiboot header found\"" \
	grep -q "no multiboot header found" "$work/no2-report.txt"
check "--no-multiboot2: the stub never ran" sh -c '! grep -q "^probe=" "$1"' sh "$work/no2-report.txt"
tap_done
