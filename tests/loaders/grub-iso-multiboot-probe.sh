#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# GRUB 2 (Debian grub-pc-bin, BIOS) boots the image from an ISO made by
# grub-mkrescue: `multiboot /boot.elf ARGS` plus a `module`, booted with
# -cdrom and GRUB on the serial console. GRUB 2 passes only the arguments
# after the file name as the multiboot command line, and says "GRUB" as the
# boot loader name: the stub must keep GRUB's first word (it drops the first
# word only for QEMU, iPXE and kexec, which put the image name there).
#
# Multiboot modules: the image's own initrd wins over a module. An image
# without an initrd gets the first module as its initrd once the stub reads
# modules (issue 4); until the probe reports a ramdisk for it, that check is
# skipped with a note.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/boot/probe-checks.sh"

[ -n "$(qemu_binaries)" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"
command -v grub-mkrescue >/dev/null 2>&1 || skip_all "no grub-mkrescue (install grub-common)"
command -v xorriso >/dev/null 2>&1 || skip_all "no xorriso (install xorriso)"
grub_bios=/usr/lib/grub/i386-pc
[ -f "$grub_bios/multiboot.mod" ] || skip_all "no $grub_bios/multiboot.mod (install grub-pc-bin)"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
builtin="console=ttyS0 x=1"

# make_iso ISO DIR MULTIBOOT_LINE: DIR/boot/grub/grub.cfg boots the line
# given, with DIR/mod.img as a module, on COM1 at once; DIR becomes the ISO.
make_iso() {
	mkdir -p "$2/boot/grub"
	cat >"$2/boot/grub/grub.cfg" <<EOF
serial --unit=0 --speed=115200
terminal_input serial
terminal_output serial
set timeout=0
set default=0
menuentry "mkelfimage test" {
	$3
	module /mod.img modarg=1
}
EOF
	# -d: the BIOS platform only, whatever other GRUB platforms are installed
	grub-mkrescue -d "$grub_bios" -o "$1" "$2" >"$1.log" 2>&1
}

head -c 300000 /dev/urandom >"$work/rd.img"
head -c 70001 /dev/urandom >"$work/mod.img"

# An image with its own initrd; GRUB's arguments after the file name.
mkdir "$work/with-initrd"
cp "$work/mod.img" "$work/with-initrd/mod.img"
check "mkelfimage builds an image with an initrd" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" \
	--command-line "$builtin" -o "$work/with-initrd/boot.elf"
check "grub-mkrescue makes an ISO whose grub.cfg loads it with multiboot and a module" \
	make_iso "$work/with-initrd.iso" "$work/with-initrd" \
	"multiboot /boot.elf /first/word grub=2 three"

# An image without an initrd; no arguments.
mkdir "$work/no-initrd"
cp "$work/mod.img" "$work/no-initrd/mod.img"
check "mkelfimage builds an image without an initrd" \
	"$MKELFIMAGE" --kernel "$kernel" --command-line "$builtin" -o "$work/no-initrd/boot.elf"
check "grub-mkrescue makes an ISO with no multiboot arguments" \
	make_iso "$work/no-initrd.iso" "$work/no-initrd" "multiboot /boot.elf"

for qemu in $(qemu_binaries); do
	name=$(basename "$qemu")
	report=$work/$name.with-initrd
	boot_qemu "$qemu" "$report" -cdrom "$work/with-initrd.iso" -boot d
	check_probe_report "$name, GRUB multiboot" "$report" \
		"$builtin /first/word grub=2 three" "$work/rd.img" 0x20f
	check_eq "$name: GRUB: the kernel runs at pref_address" 0x1000000 \
		"$(report_value load_addr "$report")"

	report=$work/$name.no-initrd
	boot_qemu "$qemu" "$report" -cdrom "$work/no-initrd.iso" -boot d
	check "$name, GRUB without arguments: the probe kernel finished its report" \
		grep -qx 'probe_end=ok' "$report.txt"
	check_eq "$name: GRUB without arguments: the command line is the built-in text" \
		"$builtin" "$(report_value cmdline "$report")"
	if [ "$(report_value hdr.ramdisk_size "$report")" = 0x0 ]; then
		tap_skip "$name: GRUB module becomes the initrd of an image without one" \
			"the stub does not pass multiboot modules on yet (ramdisk_size=0x0)"
	else
		check_eq "$name: GRUB module becomes the initrd of an image without one (CRC-32)" \
			"$("$CRC32" "$work/mod.img")" "$(report_value initrd_crc32 "$report")"
		check_eq "$name: GRUB module: ramdisk_size is the module's size" \
			"$(hex "$(file_size "$work/mod.img")")" "$(report_value hdr.ramdisk_size "$report")"
	fi
done
tap_done
