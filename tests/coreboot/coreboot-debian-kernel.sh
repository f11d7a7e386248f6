#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Debian's cloud kernel as the payload of a real coreboot ROM (16 MiB, the
# room a distribution kernel needs; QEMU 7.2 takes a 16 MiB -bios): the
# image the coreboot template builds, first tried under QEMU -kernel (the
# template keeps the multiboot header for that), then added with cbfstool
# (LZMA) and booted: /init runs from the image's initrd with the built-in
# command line, on i440fx (the bzImage) and on q35 (its vmlinux through the
# PVH entry). The payload is then taken back out of the ROM (cbfstool
# extract -m x86) and inspected.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/coreboot/coreboot-lib.sh"
coreboot_require
need_qemu_x86_64
fetch_kernel "$CLOUD_KERNEL_PACKAGE"
name=$(basename "$kernel")
marker="booted $name from coreboot"
make_initramfs "$work/rd.cpio" "$marker"
template=$top_srcdir/templates/coreboot-payload.yaml
cmdline="$BUILTIN_CMDLINE via=coreboot"

check "the coreboot template builds $name and a busybox initramfs within its budget" \
	"$MKELFIMAGE" --template "$template" --kernel "$kernel" --initrd "$work/rd.cpio" \
	--command-line "$cmdline" -o "$work/payload.elf"
boot_image "$QEMU_X86_64" "$work/payload.elf" "$work/qemu"
check_init_ran "tried first under QEMU -kernel: $name runs /init" "$work/qemu" "$marker"

BOOT_MEMORY=512 coreboot_boot "$(coreboot_rom i440fx-16m)" "$work/payload.elf" "$work/rom" lzma "$QEMU_X86_64"
check_init_ran "coreboot i440fx (16 MiB ROM, LZMA): $name runs /init from the image's initrd" "$work/rom" "$marker"
check_eq "coreboot i440fx: /proc/cmdline is the built-in text" "$cmdline" "$(init_value cmdline "$work/rom")"

# the vmlinux inside the bzImage, entered through its PVH entry
if sh "$KERNEL_DIR/extract-vmlinux.sh" "$kernel" "$work/vmlinux" 2>"$work/extract.err"; then
	# its PT_LOADs are 46 MB as an ELF; cbfstool's LZMA makes them fit the ROM
	check "the coreboot template builds an image of $name's vmlinux (--max-size 64M)" \
		"$MKELFIMAGE" --template "$template" --kernel "$work/vmlinux" --initrd "$work/rd.cpio" \
		--command-line "$cmdline" --max-size 64M -o "$work/vmlinux.elf"
	BOOT_MEMORY=512 coreboot_boot "$(coreboot_rom q35-16m)" "$work/vmlinux.elf" "$work/pvh" lzma "$QEMU_X86_64"
	check_init_ran "coreboot q35 (16 MiB ROM, LZMA): $name's vmlinux (PVH entry) runs /init" "$work/pvh" "$marker"
	check_eq "coreboot q35, vmlinux: /proc/cmdline is the built-in text" "$cmdline" "$(init_value cmdline "$work/pvh")"
else
	tap_not_ok "take the vmlinux out of $name" "$(head -n 1 "$work/extract.err")"
fi
tap_done
