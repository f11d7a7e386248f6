#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# With a real kernel (Debian's cloud kernel): it unpacks an initramfs that
# --compress-initrd xz wrote (CRC32 check) and runs its /init;
# extract gives the signed distribution kernel back byte for byte; and after
# set-command-line the kernel's /proc/cmdline shows the new text.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kernel/kernel-tests.sh"

need_qemu_x86_64
fetch_kernel "$CLOUD_KERNEL_PACKAGE"
make_initramfs "$work/rd.cpio" "booted from a recompressed initrd"
# xz only: the gzip stream's validity is shown by gzip -d in compress-initrd.sh,
# and Debian's kernels have always unpacked gzip initramfs images.
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" --compress-initrd xz \
	--command-line "$BUILTIN_CMDLINE" -o "$work/xz.elf" >"$work/xz.out"
check "--compress-initrd xz builds the image" test -s "$work/xz.elf"
boot_image "$QEMU_X86_64" "$work/xz.elf" "$work/xz"
check_init_ran "the kernel unpacks the xz (CRC32) initramfs and runs /init" "$work/xz" \
	"booted from a recompressed initrd"

"$MKELFIMAGE" extract "$work/xz.elf" --kernel "$work/vmlinuz"
check "extract gives Debian's kernel back byte for byte ($(basename "$kernel"))" cmp "$kernel" "$work/vmlinuz"
"$MKELFIMAGE" set-command-line "$work/xz.elf" "$BUILTIN_CMDLINE edited=yes"
check_eq "set-command-line on the real-kernel image exits 0" 0 $?
boot_image "$QEMU_X86_64" "$work/xz.elf" "$work/edited"
check_init_ran "the edited image still boots" "$work/edited" "booted from a recompressed initrd"
check_eq "/proc/cmdline is the new built-in text" "$BUILTIN_CMDLINE edited=yes" \
	"$(init_value cmdline "$work/edited" | sed 's/ *$//')"
tap_done
