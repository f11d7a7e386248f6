#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Two --initrd archives form one initrd region that the kernel unpacks as
# concatenated cpio archives: /init comes from the first, /etc/second-initrd
# from the second. The first archive's size is made 2 mod 4: the kernel only
# finds a cpio header at a 4-byte aligned offset, so the second archive is
# seen only because mkelfimage pads each part but the last to 4 bytes.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"

need_qemu_x86_64
fetch_kernel "$CLOUD_KERNEL_PACKAGE"
name=$(basename "$kernel")
marker="two initrds: /init from the first"
token=mkelfimage-second-initrd-token-5e1f

make_initramfs "$work/first.cpio" "$marker" /etc/second-initrd
head -c 2 /dev/zero >>"$work/first.cpio"
make_file_cpio "$work/second.cpio" /etc/second-initrd "$token"
check_eq "the first archive's size is 2 mod 4 (it needs the padding)" 2 \
	"$(($(file_size "$work/first.cpio") % 4))"
check "mkelfimage builds an image of $name with two initrds" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/first.cpio" \
	--initrd "$work/second.cpio" --command-line "$BUILTIN_CMDLINE" -o "$work/boot.elf"

boot_image "$QEMU_X86_64" "$work/boot.elf" "$work/boot"
check_init_ran "$name runs /init from the first initrd" "$work/boot" "$marker"
check_eq "$name: /etc/second-initrd from the second initrd is visible to /init" \
	"$token" "$(init_value /etc/second-initrd "$work/boot")"
tap_done
