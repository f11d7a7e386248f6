#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The kernel hooks (hooks/kernel-hook.sh, doc/distributions.md), offline in a
# root prefix (MKELFIMAGE_ROOT) holding Debian's unpacked cloud kernel
# package, an initramfs and a template /etc/mkelfimage/qemu.yaml: run-parts
# runs postinst.d as Debian's kernel packages do and the image and its
# manifest appear in /boot/mkelfimage/VERSION; a second run changes nothing;
# a failing build keeps the previous image and says why in one line, exit
# 1; initramfs post-update.d rebuilds with the new initrd; postrm.d removes
# them; kernel-install add/remove (systemd 252) with only our plugin, all
# of it confined to the prefix, does the same. The image the hook made
# boots to /init under QEMU (skipped with MKELFIMAGE_SKIP_BOOT_TESTS=1).
# MKELFIMAGE_INSTALLED=1 runs the installed package's hooks and program.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kernel/kernel-tests.sh"
command -v run-parts >/dev/null 2>&1 || skip_all "no run-parts (install debianutils)"
fetch_kernel "$CLOUD_KERNEL_PACKAGE"
version=$(basename "$kernel" | sed 's/^vmlinuz-//')
root=$work/root
mkdir -p "$root/boot" "$root/etc/mkelfimage"
cp -R "$(dirname "$kernel")/." "$root/boot/"
marker="booted from the hook's image"
make_initramfs "$root/boot/initrd.img-$version" "$marker"
cp "$top_srcdir/templates/qemu.yaml" "$root/etc/mkelfimage/qemu.yaml"
# The entry points as `make install` writes them, calling this tree's hook;
# MKELFIMAGE_INSTALLED=1 (CI, after installing the Debian package): the
# installed ones, calling the installed hook and /usr/bin/mkelfimage.
for entry in postinst:etc/kernel/postinst.d/zz-mkelfimage postrm:etc/kernel/postrm.d/zz-mkelfimage \
	post-update:etc/initramfs/post-update.d/mkelfimage kernel-install:usr/lib/kernel/install.d/90-mkelfimage.install; do
	mkdir -p "$(dirname "$root/${entry#*:}")"
	if [ "${MKELFIMAGE_INSTALLED:-0}" = 1 ]; then
		cp "/${entry#*:}" "$root/${entry#*:}"
	else
		sed -e "s|@pkgdatadir@|$top_srcdir/hooks|" -e "s|@mode@|${entry%%:*}|" "$top_srcdir/hooks/entry.in" \
			>"$root/${entry#*:}"
	fi
	chmod 755 "$root/${entry#*:}"
done
[ "${MKELFIMAGE_INSTALLED:-0}" = 1 ] && MKELFIMAGE=/usr/bin/mkelfimage
MKELFIMAGE_ROOT=$root
export MKELFIMAGE_ROOT MKELFIMAGE
out=$root/boot/mkelfimage/$version

check "postinst.d (run-parts VERSION KERNEL) succeeds" \
	run-parts --arg="$version" --arg="/boot/vmlinuz-$version" "$root/etc/kernel/postinst.d"
check "it wrote /boot/mkelfimage/VERSION/qemu.elf and its manifest" test -s "$out/qemu.elf" -a -s "$out/qemu.json"
check_eq "the manifest names the kernel and initrd relative to the root" \
	"boot/vmlinuz-$version boot/initrd.img-$version boot/mkelfimage/$version/.qemu.new.elf" \
	"$(python3 -c 'import json,sys
m = json.load(open(sys.argv[1]))
print(m["inputs"]["kernel"]["path"], m["inputs"]["initrds"][0]["path"], m["output"]["path"])' "$out/qemu.json")"
"$MKELFIMAGE" --template "$root/etc/mkelfimage/qemu.yaml" --kernel "$root/boot/vmlinuz-$version" \
	--initrd "$root/boot/initrd.img-$version" -o "$work/direct.elf"
check "the image is what mkelfimage builds from the template by hand" cmp "$work/direct.elf" "$out/qemu.elf"
touch -d '2020-01-01' "$out/qemu.elf" "$out/qemu.json"
stamp=$(stat -c %Y "$out/qemu.elf" "$out/qemu.json")
check "a second run succeeds" run-parts --arg="$version" --arg="/boot/vmlinuz-$version" "$root/etc/kernel/postinst.d"
check_eq "a second run with the same inputs changes nothing (not even the files' times)" "$stamp" \
	"$(stat -c %Y "$out/qemu.elf" "$out/qemu.json")"
check "no temporary file is left" sh -c "! ls -A '$out' | grep -q new"

cp "$out/qemu.elf" "$work/before.elf"
echo "max-size: 4K" >>"$root/etc/mkelfimage/qemu.yaml"
msg=$(run-parts --arg="$version" --arg="/boot/vmlinuz-$version" "$root/etc/kernel/postinst.d" 2>&1)
check_eq "a failing build: non-zero, one line naming the version and target and why" \
	"1 mkelfimage kernel hook: $version qemu: mkelfimage: output '$out/.qemu.new.elf': $(file_size "$work/before.elf") bytes exceed --max-size 4096 by $(($(file_size "$work/before.elf") - 4096)) bytes; nothing written" \
	"$([ -n "$msg" ] && echo 1 || echo 0) $(printf '%s\n' "$msg" | grep -v '^run-parts:')"
check "the previous image is left as it was" cmp "$work/before.elf" "$out/qemu.elf"
cp "$top_srcdir/templates/qemu.yaml" "$root/etc/mkelfimage/qemu.yaml"

make_initramfs "$work/new-initrd" "$marker"
printf 'more' >>"$work/new-initrd"
cp "$work/new-initrd" "$root/boot/initrd.img-$version"
check "initramfs post-update.d (VERSION INITRD) succeeds" \
	run-parts --arg="$version" --arg="$root/boot/initrd.img-$version" "$root/etc/initramfs/post-update.d"
"$MKELFIMAGE" extract "$out/qemu.elf" --initrd "$work/got-initrd" >/dev/null 2>&1
check "post-update.d rebuilt the image with the new initrd" cmp "$work/new-initrd" "$work/got-initrd"

if [ "${MKELFIMAGE_SKIP_BOOT_TESTS:-0}" = 1 ] || [ -z "${QEMU_X86_64:-}" ]; then
	tap_skip "the hook's image boots to /init" "a boot, and MKELFIMAGE_SKIP_BOOT_TESTS=1 or no QEMU"
else
	boot_image "$QEMU_X86_64" "$out/qemu.elf" "$work/boot"
	check_init_ran "the hook's image boots Debian's kernel to /init" "$work/boot" "$marker"
fi

check "postrm.d (VERSION) succeeds" run-parts --arg="$version" "$root/etc/kernel/postrm.d"
check "postrm.d removed /boot/mkelfimage/VERSION" test ! -e "$out"

# kernel-install (systemd 252) with only our plugin, every path in the prefix
if command -v kernel-install >/dev/null 2>&1; then
	kinstall() {
		KERNEL_INSTALL_PLUGINS="$root/usr/lib/kernel/install.d/90-mkelfimage.install" BOOT_ROOT="$root/boot" \
			KERNEL_INSTALL_CONF_ROOT="$root/etc/kernel" MACHINE_ID=0123456789abcdef0123456789abcdef \
			kernel-install "$@"
	}
	check "kernel-install add VERSION KERNEL INITRD" kinstall add "$version" "$root/boot/vmlinuz-$version" \
		"$root/boot/initrd.img-$version"
	rm -f "$work/got-initrd"
	"$MKELFIMAGE" extract "$out/qemu.elf" --initrd "$work/got-initrd" >/dev/null 2>&1
	check "it built the image from the files it was given" cmp "$work/new-initrd" "$work/got-initrd"
	check "kernel-install remove VERSION" kinstall remove "$version"
	check "it removed the images" test ! -e "$out"
else
	tap_skip "kernel-install add and remove" "no kernel-install (install systemd)"
fi
check "nothing was written to this machine's /boot/mkelfimage" test ! -e /boot/mkelfimage
tap_done
