#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --arch riscv64 refuses, with one line and no output file: another arch's
# kernel (an arm64 Image, an x86 bzImage, an ELF), a RISC-V Image cut short
# (its PE sections end past the file), a big-endian one, a text_offset that
# is no 2 MiB multiple, an image that would reach into OpenSBI's memory
# (text_offset 0: the stub at 0x80000000), and x86-only options. A RISC-V
# Image given to --arch arm64 is named as such.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/riscv64/riscv64-lib.sh"
riscv64_require_toolchain

# expect_error NAME PATTERN [ARGS...]: exit 1, the pattern on stderr, no output
expect_error() {
	_name=$1 _pattern=$2
	shift 2
	rm -f "$work/out.elf"
	"$MKELFIMAGE" --arch riscv64 "$@" -o "$work/out.elf" 2>"$work/err"
	_status=$?
	if [ "$_status" -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] && grep -q -- "$_pattern" "$work/err" &&
	   [ ! -e "$work/out.elf" ]; then
		tap_ok "$_name"
	else
		tap_not_ok "$_name" "status $_status (want 1), output $([ -e "$work/out.elf" ] && echo left || echo none)" \
			"stderr: $(cat "$work/err")" "want: $_pattern"
	fi
}

# put_le64 FILE OFFSET VALUE: write an 8-byte little-endian number into FILE
put_le64() {
	_le_value=$3 _le_bytes=
	for _le_i in 1 2 3 4 5 6 7 8; do
		_le_bytes="$_le_bytes$(printf '\\%03o' $((_le_value & 255)))"
		_le_value=$((_le_value >> 8))
	done
	printf "$_le_bytes" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

riscv64_fixture_kernel "$work"
cp "$RISCV64_PROBE" "$work/probe"

expect_error "an x86 bzImage" "kernel '.*probe-2.15-reloc.bzImage': an x86 bzImage; --arch riscv64 takes arch/riscv/boot/Image" \
	--kernel "$PROBE_DIR/probe-2.15-reloc.bzImage"
if [ -f "$top_builddir/tests/arm64/probe.Image" ]; then
	expect_error "an arm64 Image" "an arm64 Image (--arch arm64); --arch riscv64 takes arch/riscv/boot/Image" \
		--kernel "$top_builddir/tests/arm64/probe.Image"
	"$MKELFIMAGE" --arch arm64 --kernel "$work/probe" -o "$work/a.elf" 2>"$work/err"
	check_eq "a RISC-V Image under --arch arm64 is named" \
		"1 mkelfimage: kernel '$work/probe': a RISC-V Image (--arch riscv64); --arch arm64 takes arch/arm64/boot/Image or Image.gz" \
		"$? $(cat "$work/err")"
else
	tap_skip "an arm64 Image" "no arm64 probe (configure: arm64 support: no)"
	tap_skip "a RISC-V Image under --arch arm64 is named" "no arm64 stub"
fi
expect_error "an ELF file" "an ELF file (a vmlinux?); --arch riscv64 takes" --kernel "$PROBE_DIR/probe-0x100000.elf"
head -c 4096 /dev/zero >"$work/zeros"
expect_error "no RISC-V magic" "kernel '.*zeros': no RISC-V Image: Image header magic 0x30: neither" --kernel "$work/zeros"
head -c 1048576 "$work/Image" >"$work/cut"
expect_error "a cut-short Image (PE sections end past the file)" \
	"kernel '.*cut': 1048576 bytes, but its PE sections end at .*: the Image is cut short" --kernel "$work/cut"
cp "$work/probe" "$work/be" && put_le64 "$work/be" 24 1
expect_error "a big-endian Image" "flags 0x18: bit 0 set: a big-endian kernel" --kernel "$work/be"
cp "$work/probe" "$work/odd" && put_le64 "$work/odd" 8 1048576
expect_error "text_offset 1 MiB" "text_offset 0x8: 0x100000 is not a multiple of 2 MiB" --kernel "$work/odd"
cp "$work/probe" "$work/zero-offset" && put_le64 "$work/zero-offset" 8 0
expect_error "text_offset 0 puts the stub in OpenSBI's memory" \
	"below 0x80200000 (OpenSBI owns the start of RAM" --kernel "$work/zero-offset"
expect_error "--multiboot refused" "--multiboot is not supported with --arch riscv64" --kernel "$work/probe" --multiboot
expect_error "--digests without --verify-at-boot refused" "--digests is not supported with --arch riscv64" \
	--kernel "$work/probe" --digests
head -c 2000 /dev/urandom | tr -d '\000' | head -c 1100 >"$work/long"
expect_error "a command line over riscv's COMMAND_LINE_SIZE (1024)" "command line" \
	--kernel "$work/probe" --command-line-file "$work/long"
tap_done
