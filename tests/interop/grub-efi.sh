# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the GRUB EFI tests: sourced after tests/lib.sh, never run.
# GRUB 2 for x86_64 UEFI (Debian grub-efi-amd64-bin) on an ISO made by
# grub-mkrescue (grub-common, xorriso, mtools for the EFI system partition),
# booted under OVMF (Debian ovmf) with -cdrom, GRUB's console on COM1.
# Measured recipe: ../shared/reference/uefi.md (issue 14).

GRUB_EFI_DIR=/usr/lib/grub/x86_64-efi
OVMF_CODE=${MKELFIMAGE_OVMF_CODE:-/usr/share/OVMF/OVMF_CODE.fd}
OVMF_VARS=${MKELFIMAGE_OVMF_VARS:-/usr/share/OVMF/OVMF_VARS.fd}

# need_grub_efi: skip the whole test without the tools.
need_grub_efi() {
	[ -n "${QEMU_X86_64:-}" ] && command -v "$QEMU_X86_64" >/dev/null 2>&1 ||
		skip_all "no qemu-system-x86_64 (install qemu-system-x86)"
	command -v grub-mkrescue >/dev/null 2>&1 || skip_all "no grub-mkrescue (install grub-common)"
	command -v xorriso >/dev/null 2>&1 || skip_all "no xorriso (install xorriso)"
	command -v mformat >/dev/null 2>&1 || skip_all "no mformat (install mtools)"
	[ -f "$GRUB_EFI_DIR/multiboot2.mod" ] ||
		skip_all "no $GRUB_EFI_DIR/multiboot2.mod (install grub-efi-amd64-bin)"
	[ -f "$OVMF_CODE" ] && [ -f "$OVMF_VARS" ] || skip_all "no $OVMF_CODE (install ovmf)"
}

# make_efi_iso ISO DIR COMMANDS: DIR/boot/grub/grub.cfg runs COMMANDS (lines)
# at once, then halts the machine (GRUB's own refusals end the boot too);
# DIR becomes the ISO. grub-mkrescue's output goes to ISO.log.
make_efi_iso() {
	mkdir -p "$2/boot/grub" || return 1
	cat >"$2/boot/grub/grub.cfg" <<EOF_CFG
serial --unit=0 --speed=115200
terminal_input serial
terminal_output serial
set timeout=0
$3
boot
echo "GRUB-CFG: after boot"
halt
EOF_CFG
	grub-mkrescue -d "$GRUB_EFI_DIR" -o "$1" "$2" >"$1.log" 2>&1
}

# boot_efi MACHINE REPORT ISO: boot_qemu under OVMF (a fresh copy of the
# variable store each time), 2 CPUs and 512 MiB as in uefi.md.
boot_efi() {
	cp "$OVMF_VARS" "$2.vars" || return 1
	BOOT_MEMORY=${BOOT_MEMORY:-512} BOOT_TIMEOUT=${BOOT_TIMEOUT:-300} \
		boot_qemu "$QEMU_X86_64" "$2" -machine "$1" -smp 2 \
		-drive if=pflash,format=raw,readonly=on,file="$OVMF_CODE" \
		-drive if=pflash,format=raw,file="$2.vars" -cdrom "$3"
}
