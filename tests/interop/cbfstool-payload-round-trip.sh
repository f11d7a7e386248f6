#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# coreboot ROM payload (Debian coreboot-utils, cbfstool 4.15): `cbfstool ROM
# add-payload -f boot.elf -n fallback/payload` accepts the image unchanged into
# a fresh CBFS (`cbfstool ROM create -m x86 -s SIZE`), uncompressed and with
# LZMA. The SELF it stores (what coreboot loads at boot) has one segment per
# PT_LOAD with the same address, file size and memory size, and the same
# entry; `cbfstool ROM extract -m x86 -n fallback/payload` turns the SELF back
# into an ELF whose memory image (addresses and bytes) is the image's.
#
# cbfstool's extract (4.15; elf_writer_serialize and section_consecutive
# are the same upstream) merges sections that touch in memory into one
# PT_LOAD whose p_filesz is the sum of their file bytes, which misplaces the
# bytes after a zeroed tail. mkelfimage's plan leaves a free page after each
# segment with such a tail (kernel reservation, stub BSS) so that no merge
# happens; the byte-for-byte PT_LOAD check below fails if it ever does.
. "$top_srcdir/tests/lib.sh"

command -v cbfstool >/dev/null 2>&1 || skip_all "no cbfstool (install coreboot-utils)"
command -v readelf >/dev/null 2>&1 || skip_all "no readelf (install binutils)"
dd if=/dev/null of=/dev/null iflag=skip_bytes,count_bytes oflag=seek_bytes status=none 2>/dev/null ||
	skip_all "dd lacks iflag=skip_bytes (GNU coreutils needed)"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 300000 /dev/urandom >"$work/rd.img"
check "mkelfimage builds the image" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" \
	--command-line "console=ttyS0 x=1" -o "$work/boot.elf"

# load_segments ELF: "ADDR OFFSET FILESZ MEMSZ" per PT_LOAD, decimal, by address.
load_segments() {
	readelf -lW "$1" | awk '$1 == "LOAD" { print $3, $2, $5, $6, $4 }' | {
		while read -r vaddr offset filesz memsz paddr; do
			[ $((vaddr)) -eq $((paddr)) ] || echo "p_vaddr $vaddr != p_paddr $paddr" >&2
			echo $((vaddr)) $((offset)) $((filesz)) $((memsz))
		done
	} | sort -n
}

# alloc_sections ELF: "ADDR OFFSET FILESZ MEMSZ" per PROGBITS or NOBITS
# section (FILESZ 0 for NOBITS), decimal, by address.
alloc_sections() {
	readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\]//p' | awk '{
		for (i = 1; i <= NF; i++)
			if ($i == "PROGBITS" || $i == "NOBITS") {
				print $(i + 1), $(i + 2), ($i == "NOBITS" ? "0" : $(i + 3)), $(i + 3)
				break
			}
	}' | while read -r addr offset filesz memsz; do
		echo $((0x$addr)) $((0x$offset)) $((0x$filesz)) $((0x$memsz))
	done | sort -n
}

# memory_ranges: "START END" lines from "ADDR OFFSET FILESZ MEMSZ" lines,
# ranges that touch joined into one.
memory_ranges() {
	awk '$4 > 0 {
		if (n && $1 <= end) { if ($1 + $4 > end) end = $1 + $4; next }
		if (n) print start, end
		start = $1; end = $1 + $4; n = 1
	} END { if (n) print start, end }'
}

# memory_image ELF OUT BASE SIZE < "ADDR OFFSET FILESZ MEMSZ" lines: the
# bytes a loader puts in [BASE, BASE + SIZE), zeros where nothing is loaded.
memory_image() {
	rm -f "$2" && truncate -s "$4" "$2" || return 1
	while read -r addr offset filesz memsz; do
		[ "$filesz" -gt 0 ] || continue
		dd if="$1" of="$2" bs=65536 iflag=skip_bytes,count_bytes oflag=seek_bytes \
			conv=notrunc status=none skip="$offset" seek=$((addr - $3)) count="$filesz" || return 1
	done
}

# cbfstool_quiet ARGS...: cbfstool with its chatter kept out of the TAP stream
cbfstool_quiet() {
	cbfstool "$@" >"$work/cbfstool.log" 2>&1 || { cat "$work/cbfstool.log" >&2; return 1; }
}

# entry ELF: e_entry, decimal
entry() {
	printf '%d\n' "$(readelf -hW "$1" | sed -n 's/^ *Entry point address: *//p')"
}

load_segments "$work/boot.elf" >"$work/boot.segments"
memory_ranges <"$work/boot.segments" >"$work/boot.ranges"
base=$(head -n 1 "$work/boot.ranges" | cut -d ' ' -f 1)
size=$(($(tail -n 1 "$work/boot.ranges" | cut -d ' ' -f 2) - base))
memory_image "$work/boot.elf" "$work/boot.memory" "$base" "$size" <"$work/boot.segments"
rom_size=$((($(file_size "$work/boot.elf") / 65536 + 32) * 65536))

for compression in none LZMA; do
	rom=$work/rom-$compression.bin
	out=$work/out-$compression.elf
	check "$compression: cbfstool create -m x86 makes a fresh CBFS ($rom_size bytes)" \
		cbfstool_quiet "$rom" create -m x86 -s "$rom_size"
	if ! cbfstool "$rom" add-payload -f "$work/boot.elf" -n fallback/payload \
		-c "$compression" >"$rom.add" 2>&1; then
		tap_not_ok "cbfstool add-payload -c $compression accepts the image" "$(cat "$rom.add")"
		continue
	fi
	tap_ok "cbfstool add-payload -c $compression accepts the image"

	# The SELF segments: "load: 0x..., length: STORED/MEM" per code or data
	# segment, then "entry (0x...)".
	cbfstool "$rom" print -v >"$rom.print" 2>&1
	sed -n 's/.*load: \(0x[0-9a-fA-F]*\), length: \([0-9]*\)\/\([0-9]*\)).*/\1 \2 \3/p' "$rom.print" |
		while read -r addr filesz memsz; do echo $((addr)) "$filesz" "$memsz"; done |
		sort -n >"$rom.self"
	check_eq "$compression: the SELF has one segment per PT_LOAD: address and memory size" \
		"$(awk '{ print $1, $4 }' "$work/boot.segments")" "$(awk '{ print $1, $3 }' "$rom.self")"
	# With compression the stored length is the compressed size.
	[ "$compression" = none ] &&
		check_eq "none: each SELF segment stores the PT_LOAD's file bytes (p_filesz)" \
			"$(awk '{ print $1, $3 }' "$work/boot.segments")" "$(awk '{ print $1, $2 }' "$rom.self")"
	check_eq "$compression: the SELF entry is the image's e_entry" \
		"$(entry "$work/boot.elf")" \
		"$(printf '%d' "$(sed -n 's/.*entry (\(0x[0-9a-fA-F]*\)).*/\1/p' "$rom.print" | head -n 1)")"

	if ! cbfstool "$rom" extract -m x86 -n fallback/payload -f "$out" >"$rom.extract" 2>&1; then
		tap_not_ok "cbfstool extract -m x86 turns the SELF back into an ELF" "$(cat "$rom.extract")"
		continue
	fi
	tap_ok "cbfstool extract -m x86 turns the SELF back into an ELF"
	check_eq "$compression: the extracted ELF's entry is the image's" \
		"$(entry "$work/boot.elf")" "$(entry "$out")"

	alloc_sections "$out" >"$out.sections"
	check_eq "$compression: one extracted section per segment, at its address, with its file bytes" \
		"$(awk '{ print $1, $3 }' "$work/boot.segments")" \
		"$(awk '$3 > 0 { print $1, $3 }' "$out.sections")"
	memory_image "$out" "$out.sections.memory" "$base" "$size" <"$out.sections"
	check "$compression: the extracted sections give the image's memory, byte for byte" \
		cmp -s "$work/boot.memory" "$out.sections.memory"

	load_segments "$out" >"$out.segments" 2>"$out.segments.err"
	check_eq "$compression: the extracted PT_LOADs have p_vaddr == p_paddr" "" "$(cat "$out.segments.err")"
	check_eq "$compression: the extracted PT_LOADs cover the image's memory ranges" \
		"$(cat "$work/boot.ranges")" "$(memory_ranges <"$out.segments")"
	memory_image "$out" "$out.segments.memory" "$base" "$size" <"$out.segments"
	if cmp -s "$work/boot.memory" "$out.segments.memory"; then
		tap_ok "$compression: the extracted PT_LOADs give the image's memory, byte for byte"
	else
		tap_not_ok "$compression: the extracted PT_LOADs give the image's memory, byte for byte" \
			"image: $(tr '\n' ';' <"$work/boot.segments")" "extracted: $(tr '\n' ';' <"$out.segments")"
	fi
done
tap_done
