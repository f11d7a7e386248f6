#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Make the bad vmlinux kernels of tests/bad/README from the good i386 probe
# vmlinux (tests/probe/probe-vmlinux.lds: ELF32, program headers at 0x34 =
# text PT_LOAD, data PT_LOAD, PT_NOTE), one readable recipe each.
# Usage: make-bad-vmlinux.sh GOOD_VMLINUX OUTDIR
set -eu
good=$1 out=$2
mkdir -p "$out"

# the byte helpers: patch, le, u32
. "$(dirname "$0")/bytes.sh"

PHDR=52          # e_phoff of an ELF32 file whose headers follow the ELF header
PHENT=32         # sizeof(Elf32_Phdr); p_offset at +4, p_paddr at +12

# The Xen note's n_type (18, XEN_ELFNOTE_PHYS32_ENTRY) becomes 17: no PVH entry.
cp "$good" "$out/no-pvh-note.vmlinux"
note=$(u32 "$good" $((PHDR + 2 * PHENT + 4)))
patch "$out/no-pvh-note.vmlinux" $((note + 8)) 11 00 00 00

# The data PT_LOAD's p_paddr moved onto the text PT_LOAD: segments overlap.
cp "$good" "$out/overlapping.vmlinux"
patch "$out/overlapping.vmlinux" $((PHDR + PHENT + 12)) 00 00 00 01

# Cut inside the program header table (3 headers end at 0x94).
head -c 100 "$good" >"$out/truncated.vmlinux"

# Compressed: good ones, a gzip whose CRC-32 trailer is wrong, a cut gzip,
# an xz with a byte flipped in the middle, a cut xz.
gzip -n -9 -c "$good" >"$out/good.vmlinux.gz"
xz -T1 --check=crc32 -c "$good" >"$out/good.vmlinux.xz"
cp "$out/good.vmlinux.gz" "$out/bad-crc.vmlinux.gz"
size=$(wc -c <"$out/bad-crc.vmlinux.gz")
crc=$(u32 "$out/bad-crc.vmlinux.gz" $((size - 8)))
patch "$out/bad-crc.vmlinux.gz" $((size - 8)) \
	$(printf '%08x' $(( (crc ^ 0xffffffff) & 0xffffffff )) | sed 's/\(..\)\(..\)\(..\)\(..\)/\4 \3 \2 \1/')
head -c $(( $(wc -c <"$out/good.vmlinux.gz") / 2 )) "$out/good.vmlinux.gz" >"$out/truncated.vmlinux.gz"
cp "$out/good.vmlinux.xz" "$out/corrupt.vmlinux.xz"
size=$(wc -c <"$out/corrupt.vmlinux.xz")
byte=$(od -An -tu1 -j $((size / 2)) -N 1 "$out/corrupt.vmlinux.xz" | tr -d ' ')
patch "$out/corrupt.vmlinux.xz" $((size / 2)) "$(printf '%02x' $((byte ^ 0x55)))"
head -c $((size / 2)) "$out/good.vmlinux.xz" >"$out/truncated.vmlinux.xz"
# bzip2 (when the tool is there): a compression mkelfimage does not decode.
if command -v bzip2 >/dev/null 2>&1; then bzip2 -c "$good" >"$out/good.vmlinux.bz2"; fi
# Text, gzip-compressed: decodes fine, but is no ELF file.
printf 'not a kernel\n' | gzip -n -c >"$out/not-elf.gz"
