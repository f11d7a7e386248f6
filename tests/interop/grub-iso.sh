# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the GRUB tests: sourced after tests/lib.sh, never run.
# GRUB 2 for BIOS (Debian grub-pc-bin) on a bootable ISO made by grub-mkrescue
# (grub-common, xorriso), booted with -cdrom, GRUB's console on COM1.

GRUB_BIOS_DIR=/usr/lib/grub/i386-pc

# need_grub_mkrescue: skip the whole test without the tools.
need_grub_mkrescue() {
	command -v grub-mkrescue >/dev/null 2>&1 || skip_all "no grub-mkrescue (install grub-common)"
	command -v xorriso >/dev/null 2>&1 || skip_all "no xorriso (install xorriso)"
	[ -f "$GRUB_BIOS_DIR/multiboot.mod" ] ||
		skip_all "no $GRUB_BIOS_DIR/multiboot.mod (install grub-pc-bin)"
}

# make_iso ISO DIR ENTRY: DIR/boot/grub/grub.cfg boots at once the menu entry
# whose commands are ENTRY (lines, e.g. "multiboot /boot.elf a=1"), with
# GRUB on COM1; DIR becomes the ISO. grub-mkrescue's output goes to ISO.log.
make_iso() {
	mkdir -p "$2/boot/grub" || return 1
	cat >"$2/boot/grub/grub.cfg" <<EOF_CFG
serial --unit=0 --speed=115200
terminal_input serial
terminal_output serial
set timeout=0
set default=0
menuentry "mkelfimage test" {
$3
}
EOF_CFG
	# -d: the BIOS platform only, whatever other GRUB platforms are installed
	grub-mkrescue -d "$GRUB_BIOS_DIR" -o "$1" "$2" >"$1.log" 2>&1
}
