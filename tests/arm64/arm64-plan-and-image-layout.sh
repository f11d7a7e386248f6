#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The arm64 plan, no boot needed: the Image on a 2 MiB boundary + text_offset
# with image_size reserved (booting.rst), nothing in the first 2 MiB of RAM
# (QEMU virt's device tree), the stub and initrd after the kernel, the
# device tree's 2 MiB after them; --plan prints every rule; the image is
# reproducible and readable by the ELF readers.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/arm64/arm64-lib.sh"
arm64_require_toolchain

image=$work/arm64.elf
initrd=$work/rd.img
head -c 100000 /dev/urandom >"$initrd"

"$MKELFIMAGE" --arch arm64 --kernel "$ARM64_PROBE" --initrd "$initrd" --command-line "x=1" \
	-o "$image" --plan >"$work/plan" 2>"$work/err"
check_eq "--plan succeeds" "" "$(cat "$work/err")"
check "--plan writes nothing" test ! -e "$image"
check "--plan names the kernel's header fields" grep -q "arm64 Image, text_offset 0x0, image_size 0x" "$work/plan"
check "--plan: start of RAM kept free" grep -q "ok   every segment at or above 0x40200000 (QEMU virt puts its device tree at the start of RAM" "$work/plan"
check "--plan: the RAM rule" grep -q "ok   image ends at 0x.*, at or below 3 GiB of RAM from 0x40000000" "$work/plan"
check "--plan: where the stub writes the device tree" grep -q "device tree: written by the stub at 0x0000000040400000 (2 MiB room" "$work/plan"
check "--plan: no rule failed" grep -q "rules checked, 0 failed" "$work/plan"

check "the image builds" "$MKELFIMAGE" --arch arm64 --kernel "$ARM64_PROBE" --initrd "$initrd" --command-line "x=1" -o "$image"
check "readelf reads it without complaint" sh -c "readelf -aW '$image' 2>&1 >/dev/null | grep -q . && exit 1 || exit 0"
kernel=$(arm64_segment_addr "$image" 1) stub=$(arm64_segment_addr "$image" 2) rd=$(arm64_segment_addr "$image" 3)
check_eq "kernel at 0x40200000: 2 MiB aligned + text_offset 0" 0x40200000 "$kernel"
entry=$(readelf -h "$image" | sed -n 's/^ *Entry point address: *//p')
check "e_entry is in the stub" test $((entry)) -ge $((stub)) -a $((entry)) -lt $((stub + 0x10000))
memsz=$(readelf -lW "$image" | awk '$1 == "LOAD" { print $6; exit }')
check_eq "kernel memsz is image_size" "$(od -An -tu8 -j16 -N8 "$ARM64_PROBE" | tr -d ' ')" "$((memsz))"
"$MKELFIMAGE" inspect "$image" >"$work/inspect" 2>&1
check "inspect names the machine" grep -q "^  machine: EM_AARCH64" "$work/inspect"
check "inspect: QEMU virt -kernel takes it (start of RAM free)" grep -q "^  QEMU virt -kernel *yes" "$work/inspect"
check "inspect: U-Boot bootelf -p takes it (PT_LOAD only)" grep -q "^  U-Boot bootelf -p *yes" "$work/inspect"
cp "$image" "$work/first.elf"
"$MKELFIMAGE" --arch arm64 --kernel "$ARM64_PROBE" --initrd "$initrd" --command-line "x=1" -o "$image"
check "the same inputs give the same bytes" cmp -s "$image" "$work/first.elf"

# An Image whose text_offset is 0x80000 (before 5.8) and flags bit 3 clear
cp "$ARM64_PROBE" "$work/old"
printf '\000\000\010' | dd of="$work/old" bs=1 seek=8 conv=notrunc 2>/dev/null
printf '\002' | dd of="$work/old" bs=1 seek=24 conv=notrunc 2>/dev/null
check "an Image with text_offset 0x80000 builds" "$MKELFIMAGE" --arch arm64 --kernel "$work/old" -o "$image"
check_eq "it sits at the 2 MiB base + 0x80000" 0x40280000 "$(arm64_segment_addr "$image" 1)"
tap_done
