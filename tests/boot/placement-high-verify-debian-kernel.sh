#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A real kernel with --verify-at-boot and --initrd-placement high: the stub
# hashes Debian's cloud kernel (several MiB) and the busybox initramfs, moves
# the initramfs to the top of RAM, and Linux finds it there ("RAMDISK: [mem
# START-END]" in its boot log, arch/x86/kernel/setup.c) and runs its /init.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"

need_qemu_x86_64
command -v readelf >/dev/null || skip_all "no readelf (install binutils)"
fetch_kernel "$CLOUD_KERNEL_PACKAGE"
name=$(basename "$kernel")
marker="booted $name, initrd high and verified"
make_initramfs "$work/rd.cpio" "$marker"
check "mkelfimage --verify-at-boot --initrd-placement high builds an image of $name" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" --command-line "$BUILTIN_CMDLINE" \
	--verify-at-boot --initrd-placement high -o "$work/boot.elf"
size=$(file_size "$work/rd.cpio")
planned=$(readelf -lW "$work/boot.elf" | while read -r type offset vaddr paddr filesz rest; do
	[ "$type" = LOAD ] && [ $((filesz)) -eq "$size" ] && { echo $((vaddr)); break; }
done)

BOOT_MEMORY=256 boot_image "$QEMU_X86_64" "$work/boot.elf" "$work/boot"
check_init_ran "$name runs /init from the verified, moved initrd" "$work/boot" "$marker"
check "the stub printed no failure line" sh -c "! grep -q '^mkelfimage stub: ' '$work/boot.txt'"
ramdisk=$(sed -n 's/.*RAMDISK: \[mem \(0x[0-9a-f]*\)-\(0x[0-9a-f]*\)\].*/\1 \2/p' "$work/boot.txt" | head -n 1)
start=$((${ramdisk%% *})) end=$((${ramdisk##* } + 1))
# The usable range holding it, as Linux printed the e820 map ("BIOS-e820: [mem A-B] usable")
top=$(sed -n 's/.*BIOS-e820: \[mem \(0x[0-9a-f]*\)-\(0x[0-9a-f]*\)\] usable.*/\1 \2/p' "$work/boot.txt" |
	while read -r low high; do
		[ $((low)) -le "$start" ] && [ $((high)) -ge "$start" ] && { echo $((high + 1)); break; }
	done)
check "Linux finds the initrd above the planned address ($(hex "$start") > $(hex "${planned:-0}"))" \
	test -n "$ramdisk" -a -n "$planned" -a "$start" -gt "${planned:-0}"
check "Linux finds the initrd less than a page below the top of its RAM range ($(hex "$end"), $(hex "${top:-0}"))" \
	test -n "$top" -a "$end" -le "${top:-0}" -a $((${top:-0} - end)) -lt 4096
# Linux prints the end rounded up to a page (PAGE_ALIGN in reserve_initrd)
check_eq "the initrd keeps its size (rounded up to a page)" $(((size + 4095) / 4096 * 4096)) $((end - start))
tap_done
