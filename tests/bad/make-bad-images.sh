#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Make the bad images of tests/bad/README (section "images") from two good
# images mkelfimage built, one readable recipe each: copy, then patch or cut.
# Usage: make-bad-images.sh GOOD32.elf GOOD64.elf OUTDIR
# GOOD32 is ELF32 with program headers [NOTE, kernel, stub, command line,
# initrd]; GOOD64 is ELF64 with [kernel, stub, command line, initrd, NOTE].
set -eu
good32=$1 good64=$2 out=$3
mkdir -p "$out"

# the byte helpers: patch, le, u32
. "$(dirname "$0")/bytes.sh"

# ph32 INDEX FIELD_OFFSET: file offset of a field of ELF32 program header INDEX
ph32() { echo $((0x34 + 32 * $1 + $2)); }
ph64() { echo $((0x40 + 56 * $1 + $2)); }

# note_at FILE NAMESZ TYPE: file offset of the first note of the ELF32 image's
# first PT_NOTE with that n_namesz and n_type (System V ABI, "Note Section")
note_at() {
	_file=$1 _at=$(u32 "$1" "$(ph32 0 4)")
	_end=$((_at + $(u32 "$1" "$(ph32 0 16)")))
	while [ "$_at" -lt "$_end" ]; do
		_namesz=$(u32 "$_file" "$_at") _descsz=$(u32 "$_file" $((_at + 4)))
		if [ "$_namesz" = "$2" ] && [ "$(u32 "$_file" $((_at + 8)))" = "$3" ]; then
			echo "$_at"
			return
		fi
		_at=$((_at + 12 + (_namesz + 3) / 4 * 4 + (_descsz + 3) / 4 * 4))
	done
	echo "no note of n_namesz $2, n_type $3 in $_file" >&2
	exit 1
}

v32() { cp "$good32" "$out/$1"; }
v64() { cp "$good64" "$out/$1"; }

: >"$out/empty.elf"
head -c 51 "$good32" >"$out/cut-in-ehdr32.elf"
head -c 63 "$good64" >"$out/cut-in-ehdr64.elf"
head -c 122 "$good32" >"$out/cut-in-phdrs32.elf"
head -c 164 "$good64" >"$out/cut-in-phdrs64.elf"
# The PT_NOTE ends 8 bytes in, inside its first note's header.
v32 cut-in-notes32.elf && le "$out/cut-in-notes32.elf" "$(ph32 0 16)" 4 8
v64 cut-in-notes64.elf && le "$out/cut-in-notes64.elf" "$(ph64 5 32)" 8 8   # after the five PT_LOADs
# The stub's PT_LOAD holds 16 bytes: its header (struct stub_header) is cut.
v32 cut-in-stub-header.elf && le "$out/cut-in-stub-header.elf" "$(ph32 2 16)" 4 16
# The file ends 5 bytes before the end of the initrd's bytes.
size=$(wc -c <"$good32")
head -c $((size - 5)) "$good32" >"$out/cut-in-payload.elf"

# Huge sizes and offsets: nothing wraps, the field is named.
v32 phnum-xnum.elf && le "$out/phnum-xnum.elf" $((0x2c)) 2 0xffff
v32 phoff-huge.elf && le "$out/phoff-huge.elf" $((0x1c)) 4 0xfffffff0
v32 note-offset-huge.elf && le "$out/note-offset-huge.elf" "$(ph32 0 4)" 4 0xfffff000
v32 load-offset-huge.elf && le "$out/load-offset-huge.elf" "$(ph32 2 4)" 4 0xfffff000
v32 load-filesz-huge.elf && le "$out/load-filesz-huge.elf" "$(ph32 2 16)" 4 0xffffffff
v32 paddr-wraps.elf && le "$out/paddr-wraps.elf" "$(ph32 4 12)" 4 0xfffff000 &&
	le "$out/paddr-wraps.elf" "$(ph32 4 20)" 4 0x2000
v32 descsz-huge.elf && le "$out/descsz-huge.elf" $(($(u32 "$good32" "$(ph32 0 4)") + 4)) 4 0xfffffff0

# The command line's segment moved into the stub's memory.
v32 overlap.elf
stub=$(u32 "$good32" "$(ph32 2 12)")
le "$out/overlap.elf" "$(ph32 3 8)" 4 $((stub + 0x1000))
le "$out/overlap.elf" "$(ph32 3 12)" 4 $((stub + 0x1000))

# The mkelfimage notes (name "mkelfimage", n_namesz 11): the kernel-setup copy
# (type 2) and the digests (type 1) made unknown (type 0x7f). Without the digest
# note the records segment (the last PT_LOAD, formats/records.h) would stand in:
# its magic goes too.
v32 no-setup-note.elf && le "$out/no-setup-note.elf" $(($(note_at "$good32" 11 2) + 8)) 4 0x7f
v32 no-digest-note.elf && le "$out/no-digest-note.elf" $(($(note_at "$good32" 11 1) + 8)) 4 0x7f &&
	le "$out/no-digest-note.elf" "$(u32 "$good32" "$(ph32 5 4)")" 4 0

# One byte flipped in the initrd's bytes, and in the kernel's.
initrd_at=$(u32 "$good32" "$(ph32 4 4)") kernel_at=$(u32 "$good32" "$(ph32 1 4)")
v32 damaged-initrd.elf && le "$out/damaged-initrd.elf" $((initrd_at + 3)) 1 0x58
v32 damaged-kernel.elf && le "$out/damaged-kernel.elf" $((kernel_at + 3)) 1 0x58
