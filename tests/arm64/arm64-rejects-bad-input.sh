#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --arch arm64 refuses, with one error line, exit status 1 and no output
# file: what is not an arm64 Image (an x86 bzImage, an ELF, other
# compression), a truncated Image, an Image the stub cannot enter (big
# endian, 16K or 64K pages), an image too big for RAM, and the x86-only
# headers and options. Without the cross compiler, --arch arm64 is refused
# with the reason.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/arm64/arm64-lib.sh"

out=$work/out.elf

# expect_error NAME PATTERN ARGS...: exit 1, one line matching PATTERN, no output
expect_error() {
	_name=$1 _pattern=$2
	shift 2
	rm -f "$out"
	"$MKELFIMAGE" --arch arm64 "$@" -o "$out" 2>"$work/err"
	_status=$?
	if [ "$_status" -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
	   grep -q -- "$_pattern" "$work/err" && [ ! -e "$out" ]; then
		tap_ok "$_name"
	else
		tap_not_ok "$_name" "exit $_status" "stderr: $(cat "$work/err")" "expected: $_pattern"
	fi
}

if [ "${ARM64_SUPPORT:-no}" != yes ]; then
	printf 'x' >"$work/k"
	expect_error "--arch arm64 without the cross compiler names the package" \
		"built without the arm64 stub.*gcc-aarch64-linux-gnu" --kernel "$work/k"
	tap_done
	exit
fi

# set_flags FILE VALUE: the Image header's flags field (0x18), one byte is enough
set_flags() {
	printf "\\$(printf '%03o' "$2")" | dd of="$1" bs=1 seek=24 conv=notrunc 2>/dev/null
}

expect_error "an x86 bzImage with --arch arm64" \
	"kernel '.*probe-2.15-reloc.bzImage': an x86 bzImage; --arch arm64 takes arch/arm64/boot/Image" \
	--kernel "$PROBE_DIR/probe-2.15-reloc.bzImage"
expect_error "an ELF file (a vmlinux) with --arch arm64" "an ELF file (a vmlinux?); --arch arm64 takes arch/arm64/boot/Image" \
	--kernel "$PROBE_DIR/probe-0x100000.elf"
head -c 4096 /dev/zero >"$work/zeros"
expect_error "no ARM\\x64 magic" "kernel '.*zeros': no arm64 Image: Image header magic 0x38: 0x00000000" --kernel "$work/zeros"
head -c 60 "$ARM64_PROBE" >"$work/short"
expect_error "a truncated Image header" "kernel '.*short': Image header 0x0: 60 bytes, shorter than the 64-byte header" --kernel "$work/short"
head -c 30 "$ARM64_PROBE" >"$work/shorter"
expect_error "30 bytes: no Image at all" "kernel '.*shorter': no arm64 Image: 30 bytes, shorter than an arm64 Image header" --kernel "$work/shorter"
xz -c "$ARM64_PROBE" >"$work/probe.xz"
expect_error "an xz Image: gzip only, named" "xz-compressed; an arm64 Image may be plain or gzip" --kernel "$work/probe.xz"
head -c 1000 "$ARM64_PROBE_GZ" >"$work/cut.gz"
expect_error "a truncated Image.gz" "kernel '.*cut.gz'" --kernel "$work/cut.gz"

cp "$ARM64_PROBE" "$work/be"
set_flags "$work/be" 11
expect_error "a big-endian Image (flags bit 0)" "Image header flags 0x18: bit 0 set: a big-endian kernel" --kernel "$work/be"
cp "$ARM64_PROBE" "$work/16k"
set_flags "$work/16k" 12
expect_error "a 16K-page Image (flags bits 1-2 = 2)" "Image header flags 0x18: bits 1-2 say 16K pages" --kernel "$work/16k"
cp "$ARM64_PROBE" "$work/64k"
set_flags "$work/64k" 14
expect_error "a 64K-page Image (flags bits 1-2 = 3)" "Image header flags 0x18: bits 1-2 say 64K pages" --kernel "$work/64k"

truncate -s 3G "$work/huge.img"
expect_error "an image too big for RAM" "image: ends at 0x.*, above 3 GiB of RAM from 0x40000000" \
	--kernel "$ARM64_PROBE" --initrd "$work/huge.img"
rm -f "$work/huge.img"

expect_error "--multiboot refused with the reason" "--multiboot is not supported with --arch arm64: the header is for x86 loaders" \
	--kernel "$ARM64_PROBE" --multiboot
expect_error "--pvh refused" "--pvh is not supported with --arch arm64" --kernel "$ARM64_PROBE" --pvh
expect_error "--elf-notes refused" "--elf-notes is not supported with --arch arm64" --kernel "$ARM64_PROBE" --elf-notes
expect_error "--multiboot2 refused" "--multiboot2 is not supported with --arch arm64" --kernel "$ARM64_PROBE" --multiboot2
expect_error "--elf-class 32 refused (ELF64 only)" "elf-class" --kernel "$ARM64_PROBE" --elf-class 32
expect_error "--initrd-placement high refused" "--initrd-placement high is not supported with --arch arm64" \
	--kernel "$ARM64_PROBE" --initrd-placement high
expect_error "--dtb that is no device tree" "device tree '.*zeros': no device tree magic 0xd00dfeed" \
	--kernel "$ARM64_PROBE" --dtb "$work/zeros"
"$MKELFIMAGE" --kernel "$ARM64_PROBE" --dtb "$work/zeros" -o "$out" 2>"$work/err"
check_eq "--dtb with --arch x86 is a usage error" \
	"1 mkelfimage: --dtb is for the device-tree arches (arm64, riscv64): x86 loaders take no device tree from the image" "$? $(cat "$work/err")"
head -c 2048 /dev/zero | tr '\0' 'x' >"$work/long"
expect_error "a command line above COMMAND_LINE_SIZE - 1" "command line: 2048 bytes exceed the limit of 2047 (Linux arm64's COMMAND_LINE_SIZE" \
	--kernel "$ARM64_PROBE" --command-line-file "$work/long"
tap_done
