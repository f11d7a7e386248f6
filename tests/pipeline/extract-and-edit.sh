#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# extract gives the kernel, each initrd and the command line back byte for
# byte (a rebuild from them gives the same image); set-command-line and
# replace-initrd rebuild the image in place, keeping its boot headers,
# policy and placement; the probe kernel boots the edited images and reports
# the new command line and initrd. A damaged image or a failed edit changes
# nothing. Without --digests there is nothing to check: extract says so and
# still gives every input back, and the edits keep the image digest-free.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/boot/probe-checks.sh"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 70001 /dev/urandom >"$work/rd1.img"
head -c 3000 /dev/urandom >"$work/rd2.img"
head -c 12345 /dev/urandom >"$work/new.img"
printf 'console=ttyS0 from=file "q"' >"$work/cmdline.txt"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd1.img" --initrd "$work/rd2.img" \
	--command-line-file "$work/cmdline.txt" --no-pvh --command-line-policy fixed --digests -o "$work/boot.elf"

"$MKELFIMAGE" extract "$work/boot.elf" --kernel "$work/k" --initrd "$work/i1" --initrd "$work/i2" \
	--command-line-file "$work/c"
check_eq "extract exits 0" 0 $?
check "extract: the kernel file, byte for byte (setup part from the note, code from its PT_LOAD)" cmp "$kernel" "$work/k"
check "extract: the first initrd, byte for byte" cmp "$work/rd1.img" "$work/i1"
check "extract: the second initrd, byte for byte" cmp "$work/rd2.img" "$work/i2"
check "extract: the command line, byte for byte" cmp "$work/cmdline.txt" "$work/c"
"$MKELFIMAGE" --kernel "$work/k" --initrd "$work/i1" --initrd "$work/i2" \
	--command-line-file "$work/c" --no-pvh --command-line-policy fixed --digests -o "$work/again.elf"
check "a build from the extracted inputs is the same image" cmp "$work/boot.elf" "$work/again.elf"

# Built without --digests: the note has the sizes, zeros for the digests.
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd1.img" --initrd "$work/rd2.img" \
	--command-line-file "$work/cmdline.txt" -o "$work/plain.elf"
"$MKELFIMAGE" extract "$work/plain.elf" --kernel "$work/pk" --initrd "$work/p1" --initrd "$work/p2" \
	--command-line-file "$work/pc" 2>"$work/err"
check_eq "without --digests: extract exits 0 and says there is nothing to check" \
	"0 mkelfimage: image '$work/plain.elf': built without --digests: nothing to check, extracted as stored" \
	"$? $(cat "$work/err")"
check "... and gives every input back byte for byte" sh -c 'cmp "$1/pk" "$2" && cmp "$1/p1" "$1/rd1.img" &&
	cmp "$1/p2" "$1/rd2.img" && cmp "$1/pc" "$1/cmdline.txt"' sh "$work" "$kernel"
"$MKELFIMAGE" set-command-line "$work/plain.elf" "console=ttyS0 plain=1"
check_eq "without --digests: set-command-line works and the image stays without digests" \
	"0 not recorded" "$? $("$MKELFIMAGE" inspect --json "$work/plain.elf" | python3 -c 'import json,sys
print(",".join(sorted(set(d["check"] for d in json.load(sys.stdin)["digests"]))))')"
rm -f "$work/plain.elf" "$work/pk" "$work/p1" "$work/p2" "$work/pc"
"$MKELFIMAGE" extract "$work/boot.elf" --initrd "$work/x1" --initrd "$work/x2" --initrd "$work/x3" 2>"$work/err"
check_eq "extract: more --initrd than the image holds is an error" \
	"1 mkelfimage: image '$work/boot.elf': 3 --initrd given, the image holds 2 initrd(s)" "$? $(cat "$work/err")"

# A damaged image: extract refuses the part whose digest fails, and writes nothing.
cp "$work/boot.elf" "$work/damaged.elf"
# the initrd region: the fourth PT_LOAD (kernel, stub, command line, initrd, records)
off=$(LC_ALL=C readelf -lW "$work/boot.elf" | awk '$1 == "LOAD" { n++; if (n == 4) print $2 }')
flip_byte "$work/damaged.elf" $((off + 100))
"$MKELFIMAGE" extract "$work/damaged.elf" --initrd "$work/d1" 2>"$work/err"
check_eq "extract from a damaged image: exit 1, the part named" \
	"1 mkelfimage: image '$work/damaged.elf': the initrd 0 does not match its recorded SHA-256; the image is damaged" \
	"$? $(cat "$work/err")"
check "... and no output file" test ! -e "$work/d1"

cp "$work/boot.elf" "$work/edit.elf"
"$MKELFIMAGE" set-command-line "$work/edit.elf" "console=ttyS0 edited=1"
check_eq "set-command-line exits 0" 0 $?
"$MKELFIMAGE" inspect --json "$work/edit.elf" >"$work/edit.json"
check_eq "set-command-line keeps the policy, the headers, and the initrds" \
	"fixed no-pvh multiboot 70001,3000" \
	"$(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); L={l["loader"].split()[0]+str(i): l["accepts"] for i,l in enumerate(j["loaders"])}
print(j["command_line"]["policy"], "no-pvh" if not L["PVH2"] else "pvh", "multiboot" if L["multiboot0"] else "-", ",".join(str(i["size"]) for i in j["initrds"]))' "$work/edit.json")"
check_eq "set-command-line: every digest of the rebuilt image checks out" "ok" \
	"$(python3 -c 'import json,sys; print(",".join(sorted(set(d["check"] for d in json.load(open(sys.argv[1]))["digests"] if d["what"] != "kernel file"))))' "$work/edit.json")"
check_eq "set-command-line leaves no temporary file" "boot.elf edit.elf edit.json" \
	"$(ls -A "$work" | grep -E '^(boot|edit)|^\.' | tr '\n' ' ' | sed 's/ $//')"

# The stub's flags survive an edit too.
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd1.img" --verify-at-boot --initrd-placement high \
	-o "$work/flags.elf"
"$MKELFIMAGE" set-command-line "$work/flags.elf" "console=ttyS0 flags=1"
check_eq "set-command-line keeps --verify-at-boot and --initrd-placement high" "True high console=ttyS0 flags=1" \
	"$("$MKELFIMAGE" inspect --json "$work/flags.elf" | python3 -c 'import json,sys; j=json.load(sys.stdin)
print(j["stub"]["verify_at_boot"], j["stub"]["initrd_placement"], j["command_line"]["text"])')"

cp "$work/edit.elf" "$work/edit2.elf"
"$MKELFIMAGE" replace-initrd "$work/edit2.elf" "$work/new.img"
check_eq "replace-initrd exits 0" 0 $?
long=$(head -c 3000 /dev/zero | tr '\0' x)
cp "$work/edit2.elf" "$work/before.elf"
"$MKELFIMAGE" set-command-line "$work/edit2.elf" "$long" 2>"$work/err"
check_eq "an edit that breaks a rule: exit 1" 1 $?
check "... and the image is left as it was" cmp "$work/before.elf" "$work/edit2.elf"

# 70001 padded to 70004, then the second initrd: the region the probe sees.
{ cat "$work/rd1.img"; printf '\0\0\0'; cat "$work/rd2.img"; } >"$work/joined.img"
for qemu in $(qemu_binaries); do
	name=$(basename "$qemu")
	boot_image "$qemu" "$work/edit.elf" "$work/$name.cmdline" -append "ignored=1"
	check_probe_report "$name, after set-command-line (policy fixed)" "$work/$name.cmdline" \
		"console=ttyS0 edited=1" "$work/joined.img" 0x20f
	boot_image "$qemu" "$work/edit2.elf" "$work/$name.initrd"
	check_eq "$name, after replace-initrd: the probe reports the new command line kept" \
		"console=ttyS0 edited=1" "$(report_value cmdline "$work/$name.initrd")"
	check_eq "$name, after replace-initrd: ramdisk_size is the new initrd's" \
		"$(hex "$(file_size "$work/new.img")")" "$(report_value hdr.ramdisk_size "$work/$name.initrd")"
	check_eq "$name, after replace-initrd: the new initrd's bytes (CRC-32)" \
		"$("$CRC32" "$work/new.img")" "$(report_value initrd_crc32 "$work/$name.initrd")"
	break
done
tap_done
