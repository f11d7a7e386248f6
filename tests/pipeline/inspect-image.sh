#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# mkelfimage inspect IMAGE [--json] reads an image back: segments as readelf
# sees them, notes, the built-in command line, the kernel's protocol and
# version, each initrd's size and kind, the digests (each recomputed over the
# image: a flipped byte shows as MISMATCH; "not recorded" in an image built
# without --digests) and which loaders accept it and why not. The JSON is
# read with python3's json module.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null || skip_all "python3 is needed to parse the JSON"
kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 70001 /dev/urandom >"$work/rd1.img"
printf '070701rest-of-a-cpio' >"$work/rd2.cpio"
cmdline='console=ttyS0 q="a b" caf\303\251'
cmdline=$(printf "$cmdline")
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd1.img" --initrd "$work/rd2.cpio" \
	--command-line "$cmdline" --digests -o "$work/boot.elf" 2>/dev/null
"$MKELFIMAGE" inspect --json "$work/boot.elf" >"$work/boot.json"
check_eq "inspect --json exits 0" 0 $?
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd1.img" -o "$work/plain.elf"
check_eq "built without --digests: each record's size, no digest, nothing to check" \
	"kernel file:-:not recorded kernel loaded:-:not recorded initrd file:-:not recorded initrd region:-:not recorded command line:-:not recorded" \
	"$("$MKELFIMAGE" inspect "$work/plain.elf" | sed -n '/^digests:/,/^[a-z]/s/^  \(.*[a-z]\) *[0-9][0-9]* *[0-9][0-9]* \(.\) \(.*\)$/\1:\2:\3/p' | tr '\n' ' ' | sed 's/ $//')"

# q EXPR: a Python expression over the inspect JSON `j`.
q() {
	python3 -c 'import json, sys; j = json.load(open(sys.argv[1], encoding="utf-8")); print(eval(sys.argv[2]))' \
		"$work/boot.json" "$1"
}
check_eq "schema" "mkelfimage-inspect/1" "$(q 'j["schema"]')"
check_eq "ELF32, EM_386, the entry readelf reads" \
	"ELF32 EM_386 $(LC_ALL=C readelf -hW "$work/boot.elf" | sed -n 's/^ *Entry point address: *//p')" \
	"$(q '" ".join([j["file"]["class"], j["file"]["machine"], hex(j["file"]["entry"])])')"
check_eq "segments: address, offset and sizes as readelf reads them" \
	"$(LC_ALL=C readelf -lW "$work/boot.elf" | awk '$1 == "LOAD" { print $4, $2, $5, $6 }' |
		while read -r a o f m; do printf '%#x %#x %#x %#x\n' "$a" "$o" "$f" "$m"; done | sort)" \
	"$(q '"\n".join(sorted("%#x %#x %#x %#x" % (s["address"], s["file_offset"], s["file_size"], s["memory_size"]) for s in j["segments"]))')"
check_eq "segments are named from the stub's parameter block (and the records by their magic)" "command line,initrd,kernel,records,stub" \
	"$(q '",".join(sorted(s["name"] for s in j["segments"]))')"
check_eq "the built-in command line, byte for byte" "$cmdline" "$(q 'j["command_line"]["text"]')"
check_eq "the command line's limit and policy" "2047 append" \
	"$(q '"%d %s" % (j["command_line"]["limit"], j["command_line"]["policy"])')"
check_eq "the kernel's protocol and version string" "2.15 probe 0.1.0" \
	"$(q 'j["kernel"]["protocol"] + " " + j["kernel"]["version"]')"
check_eq "the initrds: sizes and kinds, the second after the first padded to 4" \
	"70001 unknown False / 20 cpio (newc) None $(( 70004 ))" \
	"$(q '"%d %s %s / %d %s %s %d" % (j["initrds"][0]["size"], j["initrds"][0]["kind"], j["initrds"][0]["kernel_problem"] is not None, j["initrds"][1]["size"], j["initrds"][1]["kind"], j["initrds"][1]["kernel_problem"], j["initrds"][1]["address"] - j["initrds"][0]["address"])')"
check_eq "every digest in the image checks out; the kernel file's is not in the image" \
	"kernel file:not in the image kernel loaded:ok initrd file:ok initrd file:ok initrd region:ok command line:ok" \
	"$(q '" ".join(d["what"] + ":" + d["check"] for d in j["digests"])')"
check_eq "the kernel file's digest is sha256sum's" "$(sha256sum <"$kernel" | cut -d' ' -f1)" \
	"$(q '[d["sha256"] for d in j["digests"] if d["what"] == "kernel file"][0]')"
check_eq "loaders: multiboot, multiboot2, PVH, ELF boot notes, kexec accept it; ELF64-only VMMs do not" \
	"multiboot:True multiboot2:True PVH:True PVH:False ELF:True kexec:True kexec-tools:True iPXE:True low:True" \
	"$(q '" ".join(l["loader"].split()[0] + ":" + str(l["accepts"]) for l in j["loaders"])')"

"$MKELFIMAGE" --kernel "$kernel" --no-multiboot --no-pvh --no-elf-notes -o "$work/bare.elf" 2>/dev/null
"$MKELFIMAGE" inspect --json "$work/bare.elf" >"$work/boot.json"
check_eq "without headers: multiboot, PVH and ELF boot notes refuse it, each with its reason" \
	"no multiboot header (magic 0x1badb002 with a valid checksum) in the first 8 KiB|no Xen note of type 18 (XEN_ELFNOTE_PHYS32_ENTRY)|no ELFBoot notes: the image cannot receive the loader's boot notes" \
	"$(q '"|".join(l["why_not"] for l in j["loaders"] if l["loader"].split()[0] in ("multiboot", "ELF") or l["loader"] == "PVH (QEMU -kernel, Xen)")')"

# Flip one byte of the second initrd inside the image.
"$MKELFIMAGE" inspect --json "$work/boot.elf" >"$work/boot.json"
off=$(q '[s for s in j["segments"] if s["name"] == "initrd"][0]["file_offset"] + 70004 + 3')
cp "$work/boot.elf" "$work/bad.elf"
flip_byte "$work/bad.elf" "$off"
"$MKELFIMAGE" inspect "$work/bad.elf" >"$work/bad.txt"
check "a flipped byte: the second initrd's digest is a MISMATCH" grep -Eq '^  initrd file +1 +20 [0-9a-f]{64} MISMATCH$' "$work/bad.txt"
check "a flipped byte: the first initrd still checks out" grep -Eq '^  initrd file +0 +70001 [0-9a-f]{64} ok$' "$work/bad.txt"
check "text output: the loaders with yes and no" grep -q '^  PVH ELF64-only VMMs  *no: Firecracker' "$work/bad.txt"

# The ELFBoot checksum, as loaders check it: any changed byte of a loaded
# segment shows, the stub's too (its digests do not cover it).
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd1.img" -o "$work/sum.elf"
"$MKELFIMAGE" inspect --json "$work/sum.elf" >"$work/sum.json"
check_eq "a fresh image: the ELFBoot checksum note matches the image" "ok" \
	"$(python3 -c 'import json,sys; d = json.load(open(sys.argv[1]))["elfboot_checksum"]; print(d["verdict"] if d["noted"] == d["image"] else "differ")' "$work/sum.json")"
stub_offset=$(readelf -lW "$work/sum.elf" | awk '$1 == "LOAD" && $2 == "0x001000" { print $2 }')
flip_byte "$work/sum.elf" $((stub_offset + 0x400))
"$MKELFIMAGE" inspect "$work/sum.elf" >"$work/sum.txt"
check "a changed stub byte: the ELFBoot checksum is a MISMATCH" \
	grep -qx '  verdict: MISMATCH' "$work/sum.txt"
check "a changed stub byte: the stub differs from this mkelfimage's, where" \
	grep -qx '  code: DIFFERS in 1 bytes, the first at stub offset 0x400' "$work/sum.txt"
"$MKELFIMAGE" --kernel "$kernel" --no-multiboot --no-multiboot2 --verify-at-boot -o "$work/same.elf"
check "a fresh image: the stub is this mkelfimage's (parameters and blanked header aside)" \
	sh -c "'$MKELFIMAGE' inspect '$work/same.elf' | grep -qx '  code: same as this mkelfimage writes'"
"$MKELFIMAGE" --kernel "$kernel" --no-elf-notes -o "$work/nonotes.elf"
"$MKELFIMAGE" inspect "$work/nonotes.elf" >"$work/nonotes.txt"
check "--no-elf-notes: no checksum to check" grep -qx '  verdict: none' "$work/nonotes.txt"

"$MKELFIMAGE" inspect --json "$PROBE_DIR/probe-0x100000.elf" >"$work/other.json"
check_eq "another ELF executable: exit 0, not made by mkelfimage" "0 False" \
	"$? $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["made_by_mkelfimage"])' "$work/other.json")"
"$MKELFIMAGE" inspect "$kernel" 2>"$work/err"
check_eq "a file that is not ELF: exit 1" 1 $?
check "... with one error line naming it" grep -q "^mkelfimage: image '$kernel': " "$work/err"
"$MKELFIMAGE" inspect 2>"$work/err"
check_eq "inspect without an image is a usage error" \
	"1 mkelfimage: inspect: give one image (mkelfimage inspect IMAGE [--json])" "$? $(cat "$work/err")"
tap_done
