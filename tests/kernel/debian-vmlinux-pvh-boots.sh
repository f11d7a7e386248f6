#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Debian's cloud kernel as a vmlinux: the ELF inside its bzImage
# (extract-vmlinux.sh; Debian compresses it with lz4) has the Xen PVH note
# (CONFIG_PVH=y). An image of it, plain, gzip- and xz-compressed, boots
# under QEMU -kernel (multiboot into the stub, the stub into Linux's PVH
# entry): /init runs from the initrd (module 0 of hvm_start_info) and
# /proc/cmdline is the built-in text and QEMU's -append text. Debian's 686
# kernel has no PVH (CONFIG_PVH is not set): its vmlinux is refused, saying why.
# set-command-line and replace-initrd on an image of it give the image a
# fresh build gives, and it boots.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/kernel/i386-apt.sh"

I386_KERNEL_PACKAGE=${MKELFIMAGE_I386_KERNEL_PACKAGE:-linux-image-686}
need_qemu_x86_64
command -v readelf >/dev/null || skip_all "no readelf (install binutils)"
fetch_kernel "$CLOUD_KERNEL_PACKAGE"
name=$(basename "$kernel")
sh "$KERNEL_DIR/extract-vmlinux.sh" "$kernel" "$work/vmlinux" 2>"$work/extract.err" ||
	unavailable "cannot take the vmlinux out of $name: $(head -n 1 "$work/extract.err")"
check "$name's vmlinux is an ELF64 x86-64 executable" \
	sh -c "readelf -hW '$work/vmlinux' | grep -q 'Machine: *Advanced Micro Devices X86-64'"
check "$name's vmlinux has the Xen note XEN_ELFNOTE_PHYS32_ENTRY (type 0x12)" \
	sh -c "readelf -nW '$work/vmlinux' | grep -q '^ *Xen .*(0x00000012)'"

marker="booted $name as a vmlinux"
make_initramfs "$work/rd.cpio" "$marker"
gzip -n -1 -c "$work/vmlinux" >"$work/vmlinux.gz"
xz -T1 -0 --check=crc32 -c "$work/vmlinux" >"$work/vmlinux.xz"
for input in vmlinux vmlinux.gz vmlinux.xz; do
	check "mkelfimage builds an image of $name's $input and a busybox initramfs" \
		"$MKELFIMAGE" --kernel "$work/$input" --initrd "$work/rd.cpio" \
		--command-line "$BUILTIN_CMDLINE" -o "$work/$input.elf"
done
check "$name: the gzip and xz vmlinux give the image of the plain one, byte for byte" \
	sh -c "cmp '$work/vmlinux.elf' '$work/vmlinux.gz.elf' && cmp '$work/vmlinux.elf' '$work/vmlinux.xz.elf'"
check "$name: inspect calls the kernel a vmlinux entered through PVH" \
	sh -c "'$MKELFIMAGE' inspect '$work/vmlinux.elf' | grep -qx '  kind: vmlinux'"

boot_image "$QEMU_X86_64" "$work/vmlinux.elf" "$work/append" -append "x=1 y=two"
check_init_ran "$name (vmlinux, PVH entry) runs /init from the initrd" "$work/append" "$marker"
check_eq "$name (vmlinux): /proc/cmdline is the built-in text, then QEMU's -append text" \
	"$BUILTIN_CMDLINE x=1 y=two" "$(init_value cmdline "$work/append")"
for input in vmlinux.gz vmlinux.xz; do
	boot_image "$QEMU_X86_64" "$work/$input.elf" "$work/$input"
	check_init_ran "$name ($input input) runs /init" "$work/$input" "$marker"
	check_eq "$name ($input input): /proc/cmdline is exactly the built-in text" \
		"$BUILTIN_CMDLINE" "$(init_value cmdline "$work/$input")"
done

# QEMU's PVH loader into the stub (no multiboot header), the stub into Linux's PVH entry
"$MKELFIMAGE" --kernel "$work/vmlinux" --initrd "$work/rd.cpio" --command-line "$BUILTIN_CMDLINE" \
	--no-multiboot -o "$work/pvh.elf"
boot_image "$QEMU_X86_64" "$work/pvh.elf" "$work/pvh" -append "via=pvh"
check_init_ran "$name (vmlinux) through QEMU's PVH entry into the stub runs /init" "$work/pvh" "$marker"
check_eq "$name (vmlinux, PVH into the stub): /proc/cmdline" \
	"$BUILTIN_CMDLINE via=pvh" "$(init_value cmdline "$work/pvh")"

# --verify-at-boot: the stub hashes the vmlinux's PT_LOADs in memory before Linux runs
"$MKELFIMAGE" --kernel "$work/vmlinux" --initrd "$work/rd.cpio" --command-line "$BUILTIN_CMDLINE" \
	--verify-at-boot -o "$work/verify.elf"
boot_image "$QEMU_X86_64" "$work/verify.elf" "$work/verify"
check_init_ran "$name (vmlinux, --verify-at-boot) passes the check and runs /init" "$work/verify" "$marker"

# The edits of a vmlinux image rebuild it from its PT_LOADs (mkelfimage/minvmlinux.h):
# the image a fresh build from the vmlinux gives, byte for byte, and it boots.
edited="edited $marker"
make_initramfs "$work/rd-edited.cpio" "$edited"
cp "$work/verify.elf" "$work/edited.elf"
"$MKELFIMAGE" set-command-line "$work/edited.elf" "$BUILTIN_CMDLINE edited=1" &&
	"$MKELFIMAGE" replace-initrd "$work/edited.elf" "$work/rd-edited.cpio"
check_eq "$name (vmlinux, --verify-at-boot): set-command-line and replace-initrd exit 0" 0 $?
"$MKELFIMAGE" --kernel "$work/vmlinux" --initrd "$work/rd-edited.cpio" --command-line "$BUILTIN_CMDLINE edited=1" \
	--verify-at-boot -o "$work/edited-fresh.elf"
check "$name (vmlinux): the edited image is the fresh build's, byte for byte" \
	cmp "$work/edited.elf" "$work/edited-fresh.elf"
"$MKELFIMAGE" --kernel "$work/vmlinux" --initrd "$work/rd.cpio" --elf-class 64 --digests -o "$work/edit64.elf" &&
	"$MKELFIMAGE" replace-initrd "$work/edit64.elf" "$work/rd-edited.cpio" &&
	"$MKELFIMAGE" --kernel "$work/vmlinux" --initrd "$work/rd-edited.cpio" --elf-class 64 --digests \
		-o "$work/edit64-fresh.elf"
check "$name (vmlinux, --elf-class 64 --digests): replace-initrd gives the fresh build's image" \
	cmp "$work/edit64.elf" "$work/edit64-fresh.elf"
boot_image "$QEMU_X86_64" "$work/edited.elf" "$work/edited"
check_init_ran "$name (vmlinux, edited image) runs the new initrd's /init" "$work/edited" "$edited"
check_eq "$name (vmlinux, edited image): /proc/cmdline is the new built-in text" \
	"$BUILTIN_CMDLINE edited=1" "$(init_value cmdline "$work/edited")"

# Debian's 686 kernel: CONFIG_PVH is not set, so no PVH note. An i386
# package: fetched with i386 package lists (i386-apt.sh), in a subshell so
# APT_CONFIG does not stay set.
if kernel686=$( { i386_apt || { echo "no i386 package lists: $(grep -m 1 '^E:' "$work/apt-i386.log")"; exit 1; } >&2
		sh "$KERNEL_DIR/fetch-debian-kernel.sh" "$I386_KERNEL_PACKAGE" "$KERNEL_CACHE"; } 2>"$work/fetch686.err") &&
   sh "$KERNEL_DIR/extract-vmlinux.sh" "$kernel686" "$work/vmlinux-686" 2>"$work/extract686.err"; then
	status=0
	"$MKELFIMAGE" --kernel "$work/vmlinux-686" -o "$work/686.elf" 2>"$work/686.err" || status=$?
	check_eq "Debian's 686 vmlinux (no CONFIG_PVH) is refused with the reason, exit 1, no output" \
		"1 mkelfimage: kernel '$work/vmlinux-686': ELF kernel has no Xen PVH entry note (XEN_ELFNOTE_PHYS32_ENTRY); build it with CONFIG_PVH=y no-output" \
		"$status $(cat "$work/686.err") $([ -e "$work/686.elf" ] && echo output || echo no-output)"
elif [ "${MKELFIMAGE_REQUIRE_REAL_KERNEL:-0}" = 1 ]; then
	tap_not_ok "Debian's 686 vmlinux is refused" "cannot fetch or extract it: $(cat "$work/fetch686.err" "$work/extract686.err" 2>/dev/null | head -n 1)"
else
	tap_skip "Debian's 686 vmlinux is refused" "cannot fetch or extract $I386_KERNEL_PACKAGE: $(cat "$work/fetch686.err" "$work/extract686.err" 2>/dev/null | head -n 1)"
fi
tap_done
