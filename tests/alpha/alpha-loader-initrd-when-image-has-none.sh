#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# An image without an initrd keeps the one the loader put in PARAM (QEMU
# -initrd: at the top of RAM, INITRD_START/INITRD_SIZE written by
# hw/alpha/dp264.c); an image with one overrides the loader's.
. "$top_srcdir/tests/lib.sh"
boot_test
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
alpha_check_initrd "QEMU's initrd kept (top of RAM, KSEG)" "$report" \
	"0xfffffc00$(printf '%08x' "$base")" "$work/qemu-rd"

check "an image with its own initrd" \
	"$MKELFIMAGE" --arch alpha --kernel "$ALPHA_PROBE" --initrd "$work/image-rd" -o "$image"
BOOT_MEMORY=$memory_mib alpha_boot "$image" "$report" -initrd "$work/qemu-rd"
alpha_check_initrd "the image's initrd wins over QEMU's" "$report" \
	"$(alpha_segment_vaddr "$image" 4)" "$work/image-rd"
tap_done
