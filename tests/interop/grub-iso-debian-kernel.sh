#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# GRUB 2 (Debian grub-pc-bin, BIOS) boots an image of Debian's cloud kernel
# and a busybox initramfs from a grub-mkrescue ISO with `multiboot /boot.elf
# ARGS`: the kernel runs /init, and /proc/cmdline is the built-in text
# followed by GRUB's arguments, the first one kept.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/interop/grub-iso.sh"

need_qemu_x86_64
need_grub_mkrescue
fetch_kernel "$CLOUD_KERNEL_PACKAGE"
name=$(basename "$kernel")
marker="booted $name through GRUB"

make_initramfs "$work/rd.cpio" "$marker"
mkdir "$work/iso"
check "mkelfimage builds an image of $name and a busybox initramfs" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" \
	--command-line "$BUILTIN_CMDLINE" -o "$work/iso/boot.elf"
check "grub-mkrescue makes an ISO whose grub.cfg loads it with multiboot" \
	make_iso "$work/grub.iso" "$work/iso" "multiboot /boot.elf grub.first=1 two"

boot_qemu "$QEMU_X86_64" "$work/boot" -cdrom "$work/grub.iso" -boot d
check_init_ran "$name runs /init from the initrd, booted by GRUB" "$work/boot" "$marker"
check_eq "$name: /proc/cmdline is the built-in text, then GRUB's arguments" \
	"$BUILTIN_CMDLINE grub.first=1 two" "$(init_value cmdline "$work/boot")"
tap_done
