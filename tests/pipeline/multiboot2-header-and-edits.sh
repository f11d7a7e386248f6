#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The Multiboot2 header (Multiboot2 2.0 section 3.1.1; issue 14): an x86
# ELF32 image carries it by default, 8-byte aligned and whole in the first
# 32 KiB, with a valid checksum and no tag 7 (EFI boot services: the stub's
# entry is 32-bit); --no-multiboot2 and ELF64 leave it out, and inspect says
# why; the template key works; the edits keep the setting, giving the same
# bytes as a fresh build.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null 2>&1 || skip_all "no python3 (install python3)"
kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 5000 /dev/urandom >"$work/rd.img"

# header IMAGE: "OFFSET LENGTH TAGTYPES" of the first valid Multiboot2 header, or "none"
header() {
	python3 - "$1" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()[:32768]
for at in range(0, len(data) - 15, 8):
    magic, arch, length, checksum = struct.unpack_from("<IIII", data, at)
    if magic != 0xe85250d6 or (magic + arch + length + checksum) & 0xffffffff:
        continue
    tags, tag = [], at + 16
    while tag + 8 <= at + length:
        ttype, flags, size = struct.unpack_from("<HHI", data, tag)
        tags.append(str(ttype))
        if ttype == 0 or size < 8:
            break
        tag += (size + 7) & ~7
    print("0x%x %d %s" % (at, length, ",".join(tags)))
    break
else:
    print("none")
PY
}

# why IMAGE: inspect --json's answer for the multiboot2 loader
why() {
	"$MKELFIMAGE" inspect --json "$1" | python3 -c 'import json,sys
for l in json.load(sys.stdin)["loaders"]:
    if l["loader"].startswith("multiboot2"):
        print("yes" if l["accepts"] else l["why_not"])'
}

check "mkelfimage builds a default image" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --command-line "a=1" -o "$work/default.elf"
found=$(header "$work/default.elf")
check "default image: a Multiboot2 header, 8-byte aligned in the first 32 KiB, ending with the end tag ($found)" \
	sh -c 'case "$1" in 0x*\ *\ *0) exit 0;; esac; exit 1' sh "$found"
check "default image: no header tag 7 (EFI boot services)" \
	sh -c 'case ",$1," in *,7,*) exit 1;; esac; exit 0' sh "${found##* }"
check_eq "inspect: multiboot2 (GRUB EFI and BIOS) accepts the default image" yes "$(why "$work/default.elf")"

check "mkelfimage builds an image with --no-multiboot2" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --command-line "a=1" --no-multiboot2 -o "$work/no2.elf"
check_eq "--no-multiboot2: no Multiboot2 header left" none "$(header "$work/no2.elf")"
check_eq "--no-multiboot2: inspect says why" \
	"no multiboot2 header (magic 0xe85250d6 with a valid checksum) 8-byte aligned in the first 32 KiB" \
	"$(why "$work/no2.elf")"
check "--no-multiboot2 keeps the v1 header (QEMU -kernel, GRUB multiboot)" \
	sh -c '"$1" inspect "$2" | grep -q "^  multiboot (QEMU, GRUB, iPXE) yes"' sh "$MKELFIMAGE" "$work/no2.elf"

printf 'kernel: %s\nmultiboot2: false\ncommand-line: "a=1"\ninitrd: %s\n' "$kernel" "$work/rd.img" >"$work/t.yaml"
check "template key multiboot2: false builds" "$MKELFIMAGE" --template "$work/t.yaml" -o "$work/tpl.elf"
check "template key multiboot2: false gives the --no-multiboot2 bytes" cmp "$work/no2.elf" "$work/tpl.elf"

check "--elf-class 64 builds" "$MKELFIMAGE" --kernel "$kernel" --elf-class 64 -o "$work/e64.elf"
check_eq "ELF64: no Multiboot2 header" none "$(header "$work/e64.elf")"
check_eq "ELF64: inspect says why" "no multiboot2 header: an ELF64 image leaves it out" "$(why "$work/e64.elf")"
"$MKELFIMAGE" --kernel "$kernel" --elf-class 64 --multiboot2 -o "$work/bad.elf" 2>"$work/err"
check_eq "--multiboot2 with --elf-class 64: exit 1" 1 $?
check "... naming both options" grep -q -- "--multiboot2 with --elf-class 64" "$work/err"

# The edits rebuild from the image: the setting is carried over
for name in default no2; do
	flag=; [ "$name" = no2 ] && flag=--no-multiboot2
	cp "$work/$name.elf" "$work/$name-edit.elf"
	check "$name: set-command-line exits 0" "$MKELFIMAGE" set-command-line "$work/$name-edit.elf" "b=2"
	check "$name: mkelfimage builds the same image fresh" "$MKELFIMAGE" --kernel "$kernel" \
		--initrd "$work/rd.img" --command-line "b=2" $flag -o "$work/$name-fresh.elf"
	check "$name: set-command-line gives the bytes of a fresh build (Multiboot2 setting kept)" \
		cmp "$work/$name-edit.elf" "$work/$name-fresh.elf"
done
tap_done
