#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Debian 12's initramfs-tools writes zstd initramfs images: --compress-initrd
# zstd writes the form Debian's cloud kernel unpacks (one frame, an 8 MiB
# window), proved by a boot that runs /init from it; with the kernel's own
# config (--kernel-config, from the package) no warning, with one that
# lacks CONFIG_RD_ZSTD the warning names it.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
command -v zstd >/dev/null 2>&1 || skip_all "no zstd (install zstd)"
need_qemu_x86_64
fetch_kernel "$CLOUD_KERNEL_PACKAGE"
config=$(ls "$(dirname "$kernel")"/config-* 2>/dev/null | head -n 1)
[ -f "$config" ] || unavailable "no config-* beside $kernel in the unpacked package"

marker="booted from a zstd initramfs"
make_initramfs "$work/rd.cpio" "$marker"
gzip -n -c "$work/rd.cpio" >"$work/rd.gz"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.gz" --compress-initrd zstd --kernel-config "$config" \
	--command-line "$BUILTIN_CMDLINE" -o "$work/boot.elf" >"$work/build.out" 2>"$work/build.err"
check_eq "a gzip initramfs recompressed to zstd, the kernel's config has CONFIG_RD_ZSTD: no warning" \
	"0 " "$? $(cat "$work/build.err")"
check "the build says what it did" grep -q "bytes gzip -> [0-9]* bytes zstd$" "$work/build.out"
boot_image "$QEMU_X86_64" "$work/boot.elf" "$work/boot"
check_init_ran "$(basename "$kernel") unpacks the zstd initramfs and runs its /init" "$work/boot" "$marker"

grep -v '^CONFIG_RD_ZSTD=' "$config" >"$work/config-nozstd"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.gz" --compress-initrd zstd --kernel-config "$work/config-nozstd" \
	-o "$work/b2.elf" >/dev/null 2>"$work/warn"
check_eq "a config without CONFIG_RD_ZSTD: a warning naming it" \
	"mkelfimage: warning: initrd '$work/rd.gz': zstd, but the kernel's config '$work/config-nozstd' has no CONFIG_RD_ZSTD=y: it cannot unpack this" \
	"$(cat "$work/warn")"
msg=$("$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.gz" --kernel-config ikconfig -o "$work/b3.elf" 2>&1)
check_eq "--kernel-config ikconfig decodes Debian's kernel and finds no IKCONFIG (Debian builds without it)" \
	"1 mkelfimage: kernel '$kernel': --kernel-config ikconfig: no IKCFG_ST...IKCFG_ED in it: built without CONFIG_IKCONFIG (give --kernel-config /boot/config-VERSION)" \
	"$? $msg"
tap_done
