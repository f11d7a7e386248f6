#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# inspect, extract, set-command-line, replace-initrd and --manifest on
# --arch riscv64 images (and the same code on arm64 ones): the stub's
# parameter block says where the payloads are (the images carry no notes).
# extract gives the Image, the initrd region and the command line back byte
# for byte, checked against the --verify-at-boot digests when the image has
# them; an edit gives the bytes a fresh build of the new inputs gives (which
# the boot tests boot); a damaged payload is refused with one line.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/riscv64/riscv64-lib.sh"
riscv64_require_toolchain

riscv64_fixture_kernel "$work"
rd=$RISCV64_FIXTURE/rd.cpio.gz
head -c 7777 /dev/urandom >"$work/rd2"
build() {
	"$MKELFIMAGE" --arch riscv64 --kernel "$work/Image" --verify-at-boot "$@"
}
check "build a --verify-at-boot image with a manifest" \
	build --initrd "$rd" --command-line "console=ttyS0" -o "$work/a.elf" --manifest "$work/a.json"
check "the manifest names the RISC-V Image" grep -q '"kernel_kind": "RISC-V Image"' "$work/a.json"
"$MKELFIMAGE" inspect "$work/a.elf" >"$work/inspect" 2>&1
check "inspect: made by mkelfimage, machine EM_RISCV" \
	sh -c "grep -q '^made_by_mkelfimage: yes' '$work/inspect' && grep -q 'machine: EM_RISCV' '$work/inspect'"
check "inspect: the kernel, the command line and its limit, the initrd" \
	sh -c "grep -q 'kind: RISC-V Image' '$work/inspect' && grep -q 'text: console=ttyS0' '$work/inspect' &&
		grep -q 'limit: 1023' '$work/inspect' && grep -q 'initrd 0: address 0x.*, 1533 bytes, gzip' '$work/inspect'"
check "inspect: the stub is this mkelfimage's" grep -q 'code: same as this mkelfimage writes' "$work/inspect"
check "inspect: QEMU virt, fw_jump and U-Boot can enter it" \
	sh -c "grep -q 'QEMU virt -kernel (OpenSBI fw_dynamic) yes' '$work/inspect' &&
		grep -q 'OpenSBI fw_jump (enters 0x80200000) yes' '$work/inspect' && grep -q 'U-Boot bootelf -p  *yes' '$work/inspect'"
"$MKELFIMAGE" inspect --json "$work/a.elf" >"$work/inspect.json"
check "inspect --json is valid JSON" python3 -m json.tool "$work/inspect.json"

check "extract the kernel, the initrd and the command line" \
	"$MKELFIMAGE" extract "$work/a.elf" --kernel "$work/k" --initrd "$work/i" --command-line "$work/c"
check "extract: the Image byte for byte" cmp "$work/Image" "$work/k"
check "extract: the initrd byte for byte" cmp "$rd" "$work/i"
check_eq "extract: the command line" "console=ttyS0" "$(cat "$work/c")"

cp "$work/a.elf" "$work/edit.elf"
check "set-command-line" "$MKELFIMAGE" set-command-line "$work/edit.elf" "console=ttyS0 edited=1"
build --initrd "$rd" --command-line "console=ttyS0 edited=1" -o "$work/fresh1.elf"
check "set-command-line gives the bytes of a fresh build" cmp "$work/edit.elf" "$work/fresh1.elf"
check "replace-initrd" "$MKELFIMAGE" replace-initrd "$work/edit.elf" "$work/rd2"
build --initrd "$work/rd2" --command-line "console=ttyS0 edited=1" -o "$work/fresh2.elf"
check "replace-initrd gives the bytes of a fresh build" cmp "$work/edit.elf" "$work/fresh2.elf"

# a changed byte in the kernel: the digest check refuses, extract and edits alike
cp "$work/a.elf" "$work/bad.elf"
offset=$(readelf -lW "$work/bad.elf" | awk '$1 == "LOAD" { n++; if (n == 2) { print $2; exit } }')
flip_byte "$work/bad.elf" $((offset + 4096))
"$MKELFIMAGE" extract "$work/bad.elf" --kernel "$work/k2" 2>"$work/err"
check_eq "extract of a damaged kernel: one line, exit 1, no output" \
	"1 mkelfimage: image '$work/bad.elf': the kernel does not match its recorded SHA-256; the image is damaged no" \
	"$? $(cat "$work/err") $([ -e "$work/k2" ] && echo yes || echo no)"
cp "$work/bad.elf" "$work/bad2.elf"
"$MKELFIMAGE" set-command-line "$work/bad2.elf" "x=1" 2>"$work/err"
check_eq "set-command-line on a damaged kernel: refused, the image untouched" "1 same" \
	"$? $(cmp -s "$work/bad.elf" "$work/bad2.elf" && echo same || echo changed)"

# arm64 images use the same stub block
if [ -f "$top_builddir/tests/arm64/probe.Image" ]; then
	"$MKELFIMAGE" --arch arm64 --kernel "$top_builddir/tests/arm64/probe.Image" --initrd "$rd" \
		--command-line "console=ttyAMA0" -o "$work/arm.elf"
	cp "$work/arm.elf" "$work/arm-edit.elf"
	"$MKELFIMAGE" set-command-line "$work/arm-edit.elf" "console=ttyAMA0 edited=1" &&
		"$MKELFIMAGE" --arch arm64 --kernel "$top_builddir/tests/arm64/probe.Image" --initrd "$rd" \
			--command-line "console=ttyAMA0 edited=1" -o "$work/arm-fresh.elf"
	check "arm64: set-command-line gives the bytes of a fresh build" cmp "$work/arm-edit.elf" "$work/arm-fresh.elf"
	"$MKELFIMAGE" extract "$work/arm.elf" --kernel "$work/arm-k"
	check "arm64: extract gives the Image back" cmp "$top_builddir/tests/arm64/probe.Image" "$work/arm-k"
else
	tap_skip "arm64: set-command-line gives the bytes of a fresh build" "no arm64 stub (configure: arm64 support: no)"
	tap_skip "arm64: extract gives the Image back" "no arm64 stub"
fi
tap_done
