#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A real Debian 12 initramfs: mkinitramfs (initramfs-tools, COMPRESS=zstd,
# the modules of Debian's cloud kernel package) makes it, mkelfimage
# decodes it byte for byte (--compress-initrd none against zstd -d),
# recompresses it to gzip, and the cloud kernel boots the image to
# initramfs-tools' own /init: `break=top` makes it say "Spawning shell
# within the initramfs", and `panic=1` makes it reboot, which ends QEMU.
# mkinitramfs reads the kernel's modules and config only from
# /lib/modules/VERSION and /boot/config-VERSION: as root, the test puts
# them there when they are missing and removes them again.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
need_qemu_x86_64
command -v zstd >/dev/null 2>&1 || skip_all "no zstd (install zstd)"
command -v mkinitramfs >/dev/null 2>&1 || unavailable "no mkinitramfs (install initramfs-tools)"
[ "$(id -u)" = 0 ] || skip_all "not root: mkinitramfs reads the modules only from /lib/modules/VERSION"
fetch_kernel "$CLOUD_KERNEL_PACKAGE"
version=$(basename "$kernel" | sed 's/^vmlinuz-//')
pkg=linux-image-$version

# the package's modules, unpacked once into the kernel cache
modules=$KERNEL_CACHE/$pkg.modules
if [ ! -d "$modules/lib/modules/$version" ]; then
	mkdir -p "$work/deb" && (cd "$work/deb" && apt-get download -q "$pkg" >/dev/null 2>&1) ||
		unavailable "apt-get download $pkg failed"
	mkdir -p "$modules.new" && dpkg-deb --fsys-tarfile "$work/deb/${pkg}_"*.deb | tar -xf - -C "$modules.new" ./lib/modules &&
		rm -rf "$modules" && mv "$modules.new" "$modules" || unavailable "cannot unpack the modules of $pkg"
fi

# put the modules and config where mkinitramfs reads them, only if absent; take them away after
placed=
restore_host() {
	for path in $placed; do rm -rf "$path"; done
	cleanup
}
trap restore_host EXIT
if [ ! -e /lib/modules ]; then
	mkdir /lib/modules && placed=/lib/modules
fi
if [ ! -e "/lib/modules/$version" ]; then
	cp -a "$modules/lib/modules/$version" /lib/modules/ && placed="/lib/modules/$version $placed"
fi
if [ ! -e "/boot/config-$version" ]; then
	cp "$(dirname "$kernel")/config-$version" "/boot/config-$version" && placed="$placed /boot/config-$version"
fi
mkdir -p "$work/conf"
cp -a /etc/initramfs-tools/. "$work/conf/"
sed -i 's/^MODULES=.*/MODULES=list/; s/^#*COMPRESS=.*/COMPRESS=zstd/' "$work/conf/initramfs.conf"
mkinitramfs -d "$work/conf" -o "$work/initrd.img" "$version" >"$work/mkinitramfs.log" 2>&1 ||
	unavailable "mkinitramfs failed: $(tail -n 1 "$work/mkinitramfs.log")"
for path in $placed; do rm -rf "$path"; done
placed=

check_eq "mkinitramfs wrote a zstd initramfs (Debian 12's default)" "28 b5 2f fd" \
	"$(od -An -tx1 -N4 "$work/initrd.img" | sed 's/^ *//')"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/initrd.img" --compress-initrd none -o "$work/plain.elf" \
	--manifest "$work/plain.json" >/dev/null
set -- $(python3 -c 'import json,sys
m = json.load(open(sys.argv[1]))
print([s["file_offset"] for s in m["segments"] if s["name"] == "initrd"][0], m["inputs"]["initrds"][0]["size"])' "$work/plain.json")
tail -c +$(($1 + 1)) "$work/plain.elf" | head -c "$2" >"$work/stored"
check "--compress-initrd none: the image holds what zstd -d makes of it, byte for byte" \
	sh -c "zstd -q -d -c '$work/initrd.img' | cmp - '$work/stored'"
config=$(dirname "$kernel")/config-$version
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/initrd.img" --compress-initrd gzip --kernel-config "$config" \
	--command-line "console=ttyS0 break=top panic=1" -o "$work/boot.elf" >"$work/build.out" 2>"$work/build.err"
check_eq "recompressed to gzip, no warning with the kernel's config" "0 " "$? $(cat "$work/build.err")"
boot_image "$QEMU_X86_64" "$work/boot.elf" "$work/boot"
check "the kernel unpacks it and initramfs-tools' /init runs (break=top)" \
	grep -q "^Spawning shell within the initramfs" "$work/boot.txt"
check "and reboots on panic=1, ending QEMU" grep -q "^Rebooting automatically due to panic= boot argument" "$work/boot.txt"
tap_done
