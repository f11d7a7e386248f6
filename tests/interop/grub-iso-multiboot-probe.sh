#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# GRUB 2 (Debian grub-pc-bin, BIOS) boots the image from an ISO made by
# grub-mkrescue: `multiboot /boot.elf ARGS` plus a `module`, booted with
# -cdrom and GRUB on the serial console. GRUB 2 passes only the arguments
# after the file name as the multiboot command line, and says "GRUB" as the
# boot loader name: the stub must keep GRUB's first word (it drops the first
# word only for QEMU, iPXE and kexec, which put the image name there).
#
# Multiboot modules (doc/ARCHITECTURE.md, "Initrd from a loader"): the
# image's own initrd wins over a module; an image without an initrd gets the
# first module as its initrd.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"
. "$top_srcdir/tests/interop/grub-iso.sh"

[ -n "$(qemu_binaries)" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"
need_grub_mkrescue

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
builtin="console=ttyS0 x=1"

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
	"multiboot /boot.elf /first/word grub=2 three
module /mod.img modarg=1"

# An image without an initrd; no arguments.
mkdir "$work/no-initrd"
cp "$work/mod.img" "$work/no-initrd/mod.img"
check "mkelfimage builds an image without an initrd" \
	"$MKELFIMAGE" --kernel "$kernel" --command-line "$builtin" -o "$work/no-initrd/boot.elf"
check "grub-mkrescue makes an ISO with no multiboot arguments" \
	make_iso "$work/no-initrd.iso" "$work/no-initrd" "multiboot /boot.elf
module /mod.img modarg=1"

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
	check_eq "$name: GRUB module becomes the initrd of an image without one (CRC-32)" \
		"$("$CRC32" "$work/mod.img")" "$(report_value initrd_crc32 "$report")"
	check_eq "$name: GRUB module: ramdisk_size is the module's size" \
		"$(hex "$(file_size "$work/mod.img")")" "$(report_value hdr.ramdisk_size "$report")"
done
tap_done
