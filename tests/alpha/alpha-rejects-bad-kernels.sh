#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --arch alpha refuses what is not a Linux/Alpha vmlinux, and a command line
# Linux/Alpha cannot hold, with one error line, exit status 1 and no output
# file. Without the Alpha toolchain, --arch alpha is refused with the reason.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/alpha/alpha-lib.sh"

out=$work/out.elf

# expect_error NAME PATTERN ARGS...: exit 1, one line matching PATTERN, no output
expect_error() {
	_name=$1 _pattern=$2
	shift 2
	rm -f "$out"
	"$MKELFIMAGE" --arch alpha "$@" -o "$out" 2>"$work/err"
	_status=$?
	if [ "$_status" -eq 1 ] && [ "$(wc -l <"$work/err")" -eq 1 ] &&
	   grep -q -- "$_pattern" "$work/err" && [ ! -e "$out" ]; then
		tap_ok "$_name"
	else
		tap_not_ok "$_name" "exit $_status" "stderr: $(cat "$work/err")" "expected: $_pattern"
	fi
}

if [ "${ALPHA_SUPPORT:-no}" != yes ]; then
	printf 'x' >"$work/k"
	expect_error "--arch alpha without the toolchain names the packages" \
		"built without the Alpha stub.*gcc-alpha-linux-gnu" --kernel "$work/k"
	tap_done
	exit
fi

# an x86 bzImage (the x86 probe) is no vmlinux
expect_error "a bzImage: no ELF magic" \
	"kernel '.*probe-2.15-reloc.bzImage': ELF header 0x0: no ELF magic" \
	--kernel "$PROBE_DIR/probe-2.15-reloc.bzImage"
# an ELF32 file: the x86 probe's ELF, refused for its machine, then with
# e_machine (0x12) made EM_ALPHA (0x9026), for its class
expect_error "an x86 ELF: e_machine EM_386" "ELF header 0x12: e_machine 3 .*EM_ALPHA" \
	--kernel "$PROBE_DIR/probe-0x100000.elf"
cp "$PROBE_DIR/probe-0x100000.elf" "$work/elf32"
printf '\046\220' | dd of="$work/elf32" bs=1 seek=18 conv=notrunc 2>/dev/null
expect_error "an ELF32 EM_ALPHA file: class 1, not ELF64" "ELF header 0x4: class 1; a Linux/Alpha kernel is ELF64" \
	--kernel "$work/elf32"
# truncated inside the ELF header
head -c 40 "$ALPHA_PROBE" >"$work/short"
expect_error "truncated ELF header" "ELF header 0x0: the file (40 bytes) ends inside" --kernel "$work/short"
# truncated inside a segment's bytes
head -c 70000 "$ALPHA_PROBE" >"$work/cut"
expect_error "segment bytes past the end of the file" "PT_LOAD 0x78: file bytes \[0x12000, +0x18) end past the file" \
	--kernel "$work/cut"
# e_machine changed to EM_X86_64 (62) at offset 0x12
cp "$ALPHA_PROBE" "$work/x86"
printf '\076\000' | dd of="$work/x86" bs=1 seek=18 conv=notrunc 2>/dev/null
expect_error "e_machine not EM_ALPHA" "ELF header 0x12: e_machine 62 .*EM_ALPHA" \
	--kernel "$work/x86"
# a kernel below START_ADDR of KERNEL_START_PHYS 0x300000 (PALcode/console memory)
cp "$ALPHA_PROBE" "$work/low"
# first program header's p_vaddr and p_paddr (phoff 64 + 0x10, + 0x18) := 0xfffffc0000100000
for at in 80 88; do
	printf '\000\000\020\000\000\374\377\377' | dd of="$work/low" bs=1 seek=$at conv=notrunc 2>/dev/null
done
expect_error "kernel below the legacy START_ADDR" "below START_ADDR 0xfffffc0000310000" \
	--kernel "$work/low"
# the data segment's p_memsz (phdr 1 at 0x78, + 0x28) := 1 TiB: past 40 bits
cp "$ALPHA_PROBE" "$work/huge"
printf '\000\000\000\000\000\001\000\000' | dd of="$work/huge" bs=1 seek=160 conv=notrunc 2>/dev/null
expect_error "an image past 40 physical address bits" "above physical address 0x10000000000 (40 bits of KSEG)" \
	--kernel "$work/huge"
# p_paddr (0x58) made different from p_vaddr
cp "$ALPHA_PROBE" "$work/paddr"
printf '\000\000\020' | dd of="$work/paddr" bs=1 seek=88 conv=notrunc 2>/dev/null
expect_error "p_paddr differs from p_vaddr" "PT_LOAD 0x40: p_vaddr 0xfffffc0001010000 differs from p_paddr" \
	--kernel "$work/paddr"
# 256 characters: COMMAND_LINE_SIZE is 256 with the NUL
expect_error "command line longer than 255" "256 bytes exceed the limit of 255 (Linux/Alpha's COMMAND_LINE_SIZE 256, asm/setup.h)" \
	--kernel "$ALPHA_PROBE" --command-line "$(printf 'y%.0s' $(seq 1 256))"
expect_error "--manifest is refused for alpha" "--manifest is not supported with --arch alpha" \
	--kernel "$ALPHA_PROBE" --manifest "$work/m.json"
expect_error "--verify-at-boot is refused for alpha" "--verify-at-boot is not supported with --arch alpha" \
	--kernel "$ALPHA_PROBE" --verify-at-boot
expect_error "--initrd-placement high is refused for alpha" "--initrd-placement high is not supported" \
	--kernel "$ALPHA_PROBE" --initrd-placement high
"$MKELFIMAGE" --arch sparc --kernel "$ALPHA_PROBE" -o "$out" 2>"$work/err"
check_eq "--arch sparc is a usage error" "1 mkelfimage: --arch 'sparc': use x86, alpha, arm64 or riscv64" \
	"$? $(cat "$work/err")"
tap_done
