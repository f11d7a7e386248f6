#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Several --initrd files form one region (each part but the last padded to 4
# bytes) that the kernel receives whole; --command-line-file gives the built-in
# text (one final newline dropped).
. "$top_srcdir/tests/lib.sh"
boot_test

[ -n "$(qemu_binaries)" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"
qemu=$(qemu_binaries | head -n 1)
kernel=$PROBE_DIR/probe-2.15-reloc.bzImage

head -c 1001 /dev/urandom >"$work/ucode.cpio"
head -c 65537 /dev/urandom >"$work/main.cpio"
head -c 6 /dev/urandom >"$work/tail.img"
printf 'console=ttyS0 from=file\n' >"$work/cmdline.txt"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/ucode.cpio" --initrd "$work/main.cpio" \
	--initrd "$work/tail.img" --command-line-file "$work/cmdline.txt" -o "$work/boot.elf"
boot_image "$qemu" "$work/boot.elf" "$work/report"

check "the probe kernel finished its report" grep -qx 'probe_end=ok' "$work/report.txt"
check_eq "ramdisk_size is the joined region: parts padded to 4 bytes, the last not" \
	"$(hex $((1004 + 65540 + 6)))" "$(report_value hdr.ramdisk_size "$work/report")"
check_eq "the region holds the initrds in order with zero padding (CRC-32)" \
	"$("$CRC32" "$work/ucode.cpio" "$work/main.cpio" "$work/tail.img" | sed -n 's/^all=//p')" \
	"$(report_value initrd_crc32 "$work/report")"
check_eq "--command-line-file: the file's text without its final newline" \
	"console=ttyS0 from=file" "$(report_value cmdline "$work/report")"

printf 'keep=\\n\n\n' >"$work/two-newlines.txt"
"$MKELFIMAGE" --kernel "$kernel" --command-line-file "$work/two-newlines.txt" -o "$work/nl.elf"
boot_image "$qemu" "$work/nl.elf" "$work/nl"
check_eq "--command-line-file drops only one final newline" \
	'keep=\x5cn\x0a' "$(report_value cmdline "$work/nl")"
tap_done
