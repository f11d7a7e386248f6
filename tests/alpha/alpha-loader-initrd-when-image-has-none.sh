#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# An image without an initrd keeps the one the loader put in PARAM (QEMU
# -initrd: at the top of RAM, INITRD_START/INITRD_SIZE written by
# hw/alpha/dp264.c); an image with one overrides the loader's.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/alpha/alpha-lib.sh"
alpha_require_qemu

image=$work/alpha.elf
report=$work/serial
head -c 7000 /dev/urandom >"$work/qemu-rd"
head -c 3001 /dev/urandom >"$work/image-rd"
memory_mib=256
# QEMU: initrd_base = (ram_size - initrd_size) & TARGET_PAGE_MASK (8 KiB)
base=$(( (memory_mib * 1048576 - 7000) & ~0x1fff ))

check "an image without an initrd" \
	"$MKELFIMAGE" --arch alpha --kernel "$ALPHA_PROBE" --command-line "x" -o "$image"
BOOT_MEMORY=$memory_mib alpha_boot "$image" "$report" -initrd "$work/qemu-rd"
check_eq "QEMU's initrd kept: INITRD_START at the top of RAM, in KSEG" \
	"0xfffffc00$(printf '%08x' "$base")" "$(report_value initrd_start "$report")"
check_eq "QEMU's initrd kept: INITRD_SIZE" "$(hex 7000)" "$(report_value initrd_size "$report")"
check_eq "QEMU's initrd kept: CRC-32" "$("$CRC32" "$work/qemu-rd")" \
	"$(report_value initrd_crc32 "$report")"

check "an image with its own initrd" \
	"$MKELFIMAGE" --arch alpha --kernel "$ALPHA_PROBE" --initrd "$work/image-rd" -o "$image"
BOOT_MEMORY=$memory_mib alpha_boot "$image" "$report" -initrd "$work/qemu-rd"
check_eq "the image's initrd wins: INITRD_START is its segment" \
	"$(alpha_segment_vaddr "$image" 4)" "$(report_value initrd_start "$report")"
check_eq "the image's initrd wins: INITRD_SIZE" "$(hex 3001)" "$(report_value initrd_size "$report")"
check_eq "the image's initrd wins: CRC-32" "$("$CRC32" "$work/image-rd")" \
	"$(report_value initrd_crc32 "$report")"
tap_done
