#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# make-bad-images.sh MKELF OUT_DIR: writes the images of tests/bootelf/README
# (good ones and bad ones) with the mkelf tool, from the descriptions below:
#   mkelf OUT CLASS MACHINE FILE_SIZE [PADDR:MEMSZ:OFFSET:FILESZ]...
# EM_386 is 3, EM_X86_64 62, EM_ARM 40. The fake machine of the tests has
# RAM at [0, 0x9fc00) and [1 MiB, 2 GiB).
set -eu
mkelf=$1 out=$2
mkdir -p "$out"

# Two page-aligned segments at 16 MiB, all bytes in the file.
"$mkelf" "$out/good32.elf" 32 3 0x3000 0x1000000:0x2000:0x1000:0x1000 0x1002000:0x1000:0x2000:0x1000
"$mkelf" "$out/good64.elf" 64 62 0x3000 0x1000000:0x2000:0x1000:0x1000 0x1002000:0x1000:0x2000:0x1000
# The file cut at 0x2800: the second segment's bytes run to 0x3000.
"$mkelf" "$out/truncated.elf" 32 3 0x2800 0x1000000:0x2000:0x1000:0x1000 0x1002000:0x1000:0x2000:0x1000
# The second segment starts inside the first one's memory.
"$mkelf" "$out/overlap.elf" 32 3 0x3000 0x1000000:0x2000:0x1000:0x1000 0x1001000:0x1000:0x2000:0x1000
# Two segments that share the page 0x1000000 (kexec loads whole pages).
"$mkelf" "$out/share-page.elf" 32 3 0x3000 0x1000000:0x800:0x1000:0x800 0x1000800:0x800:0x1800:0x800
# 16 PT_LOAD: with bootelf's own segment 17, past kexec_load's 16.
set --
i=0
while [ $i -lt 16 ]; do
	set -- "$@" "$((0x1000000 + i * 0x1000)):0x1000:0x1000:0x1000"
	i=$((i + 1))
done
"$mkelf" "$out/too-many.elf" 32 3 0x2000 "$@"
# e_machine EM_ARM.
"$mkelf" "$out/arm.elf" 32 40 0x3000 0x1000000:0x2000:0x1000:0x1000
# A segment at 3 GiB: above the fake machine's RAM.
"$mkelf" "$out/outside-ram.elf" 32 3 0x3000 0xc0000000:0x2000:0x1000:0x1000
# An ELF64 whose entry (its first segment) is at 4 GiB.
"$mkelf" "$out/entry-above-4g.elf" 64 62 0x3000 0x100000000:0x2000:0x1000:0x1000
# Not ELF at all, and empty.
printf 'MZ this is not an ELF file\n' >"$out/not-elf.elf"
: >"$out/empty.elf"
