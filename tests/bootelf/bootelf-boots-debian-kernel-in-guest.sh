#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# bootelf boots a real kernel: in a QEMU guest running Debian's cloud kernel,
# the static bootelf loads an image that mkelfimage made of that same kernel
# with its own busybox initramfs and built-in command line; the second
# kernel runs the initramfs' /init, which prints its marker and
# /proc/cmdline: the built-in text followed by bootelf's --command-line text.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/bootelf/bootelf-guest.sh"

# Two kernels and two initramfs images in one guest.
BOOT_MEMORY=${BOOT_MEMORY:-512}
need_qemu_x86_64
need_bootelf_static
fetch_kernel "$CLOUD_KERNEL_PACKAGE"

marker="booted by bootelf"
make_initramfs "$work/second.cpio" "$marker"
check "mkelfimage builds an image of $(basename "$kernel") and a busybox initramfs" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/second.cpio" \
	--command-line "$BUILTIN_CMDLINE" -o "$work/boot.elf"
bootelf_guest_init "$work/init" '
echo "mkelfimage-init: bootelf starting"
/bootelf --command-line "from=bootelf" /boot.elf 2>/bootelf.err
$bb sed "s/^/mkelfimage-init: /" /bootelf.err'
bootelf_guest_boot "$work/guest" "$kernel" "$QEMU_X86_64" "$work/init" "$work/boot.elf=/boot.elf"

check_init_ran "the first kernel runs bootelf" "$work/guest" "bootelf starting"
check_init_ran "the kernel bootelf started runs /init from the image's initramfs" "$work/guest" "$marker"
check_eq "its /proc/cmdline is the built-in text, then bootelf's --command-line text" \
	"$BUILTIN_CMDLINE from=bootelf" "$(init_value cmdline "$work/guest")"
tap_done
