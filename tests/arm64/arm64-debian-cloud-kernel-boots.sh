#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Debian's cloud-arm64 kernel (linux-image-cloud-arm64:arm64, fetched with
# apt-get download; its vmlinuz is an uncompressed EFI Image) with a
# busybox-static:arm64 initramfs, through an --arch arm64 image on QEMU virt
# with 2 CPUs: /init runs, /proc/cmdline is the built-in text then QEMU's
# -append text (policy append), both CPUs come up; at EL1 and at EL2.
# Needs `dpkg --add-architecture arm64` and fresh package lists (quickstart.sh
# deps); MKELFIMAGE_REQUIRE_REAL_KERNEL=1 makes a failed fetch a failure.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/arm64/arm64-lib.sh"
arm64_require_qemu

package=${MKELFIMAGE_ARM64_KERNEL_PACKAGE:-linux-image-cloud-arm64:arm64}
builtin="console=ttyAMA0 panic=-1 mkelfimage.test=1"
fetch_kernel "$package"
if ! busybox=$(sh "$top_srcdir/tests/arm64/fetch-busybox-arm64.sh" "$KERNEL_CACHE" 2>"$work/busybox.err"); then
	unavailable "cannot fetch busybox-static:arm64: $(head -n 1 "$work/busybox.err")"
fi
name=$(basename "$kernel")
marker="booted $name"
MKELFIMAGE_BUSYBOX=$busybox make_initramfs "$work/rd.cpio" "$marker"

check "mkelfimage --arch arm64 builds an image of $name and a busybox initramfs" \
	"$MKELFIMAGE" --arch arm64 --kernel "$kernel" --initrd "$work/rd.cpio" \
	--command-line "$builtin" -o "$work/boot.elf"

# boot_case LABEL MACHINE: one boot, 2 CPUs, the -append text joined
boot_case() {
	BOOT_MACHINE=$2 arm64_boot "$work/boot.elf" "$work/$1" -smp 2 -append "x=1 y=two"
	check_init_ran "$name ($1) runs /init from the image's initrd" "$work/$1" "$marker"
	check_eq "$name ($1): /proc/cmdline is the built-in text, then QEMU's -append text" \
		"$builtin x=1 y=two" "$(init_value cmdline "$work/$1")"
	check "$name ($1): both CPUs come up" grep -q "smp: Brought up 1 node, 2 CPUs" "$work/$1.txt"
}
boot_case el1 virt
boot_case el2 virt,virtualization=on
check "$name at EL2 starts in hyp mode (booting.rst: EL2 is the preferred entry)" \
	grep -q "CPU: All CPU(s) started at EL2" "$work/el2.txt"
tap_done
