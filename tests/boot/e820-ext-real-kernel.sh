#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A Debian kernel entered through the stub's coreboot-table and ELF boot
# notes paths (tests/harness). With more than 128 memory ranges the stub puts
# the rest in a SETUP_E820_EXT setup_data node: the kernel prints its
# "extended physical RAM map" with every range, the last ones included.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"

need_qemu_x86_64
harness=$top_builddir/tests/harness/harness.elf
[ -f "$harness" ] || skip_all "tests/harness/harness.elf not built (make check builds it)"
fetch_kernel "$CLOUD_KERNEL_PACKAGE"
name=$(basename "$kernel")
marker="booted $name"
make_initramfs "$work/rd.cpio" "$marker"
check "mkelfimage builds an image of $name and a busybox initramfs" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" \
	--command-line "$BUILTIN_CMDLINE" -o "$work/boot.elf"

# The harness carves 200 alternating RAM/reserved pages from 1 MiB: with
# QEMU's own ranges and the table's, more than 128 in all.
boot_image "$QEMU_X86_64" "$harness" "$work/many" -initrd "$work/boot.elf" -append "mode=coreboot-many"
check_init_ran "$name, coreboot table with $(sed -n 's/^harness_ranges=//p' "$work/many.txt" | tail -n 1) ranges: runs /init" \
	"$work/many" "$marker"
check "$name read SETUP_E820_EXT: it prints an extended physical RAM map" \
	grep -q 'extended physical RAM map:' "$work/many.txt"
check "$name: the extended map has the ranges past the zero page's 128 (the last carved page, 0x1c7000, reserved)" \
	grep -q 'extended: \[mem 0x00000000001c7000-0x00000000001c7fff\] reserved' "$work/many.txt"
extended=$(grep -c 'extended: \[mem' "$work/many.txt")
check "$name: more than 200 ranges in the extended map ($extended)" test "$extended" -gt 200

boot_image "$QEMU_X86_64" "$harness" "$work/notes" -initrd "$work/boot.elf" \
	-append "mode=bhdr-eax -- x=1 y=two"
check_init_ran "$name, ELF boot notes (EAX=0x0E1FB007): runs /init" "$work/notes" "$marker"
check_eq "$name, ELF boot notes: /proc/cmdline is the built-in text, then EBN_COMMAND_LINE" \
	"$BUILTIN_CMDLINE x=1 y=two" "$(init_value cmdline "$work/notes")"
tap_done
