#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --compress-initrd xz|gzip|none recompresses each initrd (sizes reported),
# the bytes the probe kernel receives are the new stream, and that stream
# unpacks to the original; xz is written with a CRC32 check (the only check
# besides none that Linux's XZ decoder accepts). Initrd kinds the kernel
# cannot unpack give a warning; kinds the tool cannot decode (bzip2) are an
# error. zstd and lz4: compress-initrd-zstd-lz4.sh.
. "$top_srcdir/tests/lib.sh"

for tool in xz gzip cpio; do
	command -v $tool >/dev/null 2>&1 || skip_all "no $tool (install $tool)"
done
kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
mkdir "$work/tree"
seq 1 60000 >"$work/tree/numbers.txt"
(cd "$work/tree" && find . | LC_ALL=C sort | cpio -o -H newc 2>/dev/null) >"$work/rd.cpio"
size=$(file_size "$work/rd.cpio")
gzip -9 -n -c "$work/rd.cpio" >"$work/rd.gz"
xz --check=crc64 -c "$work/rd.cpio" >"$work/rd64.xz"

# initrd_bytes IMAGE MANIFEST OUT: the initrd segment's bytes, cut out of the image.
initrd_bytes() {
	set -- "$1" "$2" "$3" "$(python3 -c 'import json,sys
for s in json.load(open(sys.argv[1]))["segments"]:
    if s["name"] == "initrd": print(s["file_offset"], s["file_size"])' "$2")"
	tail -c +$(( ${4% *} + 1 )) "$1" | head -c "${4#* }" >"$3"
}

"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" --compress-initrd xz \
	-o "$work/xz.elf" --manifest "$work/xz.json" >"$work/xz.out"
check_eq "xz: exit 0" 0 $?
check "xz: the sizes before and after are reported" \
	grep -Eqx "initrd '$work/rd.cpio': $size bytes cpio \\(newc\\) -> [0-9]+ bytes xz" "$work/xz.out"
initrd_bytes "$work/xz.elf" "$work/xz.json" "$work/xz.seg"
check "xz: the initrd in the image is an xz stream that unpacks to the original" \
	sh -c "xz -dc '$work/xz.seg' | cmp -s - '$work/rd.cpio'"
check_eq "xz: its integrity check is CRC32 (xz --list)" "CRC32" \
	"$(xz --robot --list "$work/xz.seg" | awk -F'\t' '$1 == "file" { print $7 }')"
check "xz: the stored initrd is smaller" test "$(file_size "$work/xz.seg")" -lt "$size"
check_eq "xz: the manifest gives the stored and the source kind and size" \
	"xz $(file_size "$work/xz.seg") / cpio (newc) $size" \
	"$(python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["inputs"]["initrds"][0]; print(i["kind"], i["size"], "/", i["source"]["kind"], i["source"]["size"])' "$work/xz.json")"

"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" --compress-initrd gzip \
	-o "$work/gz.elf" --manifest "$work/gz.json" >/dev/null
initrd_bytes "$work/gz.elf" "$work/gz.json" "$work/gz.seg"
check "gzip: the initrd is a gzip stream that unpacks to the original" \
	sh -c "gzip -dc '$work/gz.seg' | cmp -s - '$work/rd.cpio'"
check_eq "gzip: no time in the gzip header (MTIME 0, RFC 1952), so builds repeat" "0 0 0 0" \
	"$(od -An -tu1 -j4 -N4 "$work/gz.seg" | xargs)"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.gz" --initrd "$work/rd64.xz" --compress-initrd none \
	-o "$work/none.elf" --manifest "$work/none.json" >/dev/null
initrd_bytes "$work/none.elf" "$work/none.json" "$work/none.seg"
cat "$work/rd.cpio" "$work/rd.cpio" >"$work/twice.cpio"
check "none: a gzip and an xz initrd go in decompressed (two copies of the cpio)" \
	cmp "$work/twice.cpio" "$work/none.seg"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd64.xz" --compress-initrd xz \
	-o "$work/fix.elf" --manifest "$work/fix.json" >/dev/null 2>"$work/fix.err"
initrd_bytes "$work/fix.elf" "$work/fix.json" "$work/fix.seg"
check_eq "xz with CRC64 is rewritten with CRC32 under --compress-initrd xz" "CRC32" \
	"$(xz --robot --list "$work/fix.seg" | awk -F'\t' '$1 == "file" { print $7 }')"
check_eq "... and then no warning is given" "" "$(cat "$work/fix.err")"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.gz" --compress-initrd gzip \
	-o "$work/keep.elf" --manifest "$work/keep.json" >"$work/keep.out"
check "an initrd already in the wanted form is kept as it is" \
	grep -qx "initrd '$work/rd.gz': $(file_size "$work/rd.gz") bytes gzip -> $(file_size "$work/rd.gz") bytes gzip (kept as it is)" "$work/keep.out"

booted=0
for qemu in $(qemu_binaries); do
	boot_image "$qemu" "$work/xz.elf" "$work/boot"
	check_eq "$(basename "$qemu"): the probe receives the xz stream (size)" \
		"$(hex "$(file_size "$work/xz.seg")")" "$(report_value hdr.ramdisk_size "$work/boot")"
	check_eq "$(basename "$qemu"): the probe receives the xz stream (CRC-32)" \
		"$("$CRC32" "$work/xz.seg")" "$(report_value initrd_crc32 "$work/boot")"
	booted=1
	break
done
[ "$booted" = 1 ] || tap_skip "the probe receives the recompressed initrd" "no qemu-system-x86 (install qemu-system-x86)"

# Kinds the kernel cannot unpack: a warning, and the image is still written.
warns() {
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$2" -o "$work/warn.elf" >/dev/null 2>"$work/warn.err"
	if [ $? = 0 ] && grep -qF "mkelfimage: warning: initrd '$2': $3" "$work/warn.err"; then
		tap_ok "$1"
	else
		tap_not_ok "$1" "expected a warning starting '$3'" "got: $(cat "$work/warn.err")"
	fi
}
warns "warning: xz with a CRC64 check" "$work/rd64.xz" "xz: xz with an integrity check other than CRC32 or none"
(cd "$work/tree" && find . | cpio -o -H odc 2>/dev/null) >"$work/odc.cpio"
warns "warning: an odc cpio archive" "$work/odc.cpio" "cpio (old format): an old-format cpio archive"
printf '\004\042\115\030rest' >"$work/frame.lz4"
warns "warning: an lz4 frame (the kernel reads legacy lz4 only)" "$work/frame.lz4" "lz4 (frame): "
head -c 4096 /dev/zero >"$work/zeros.img"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/zeros.img" -o "$work/zeros.elf" 2>"$work/zeros.err"
check_eq "no warning for data of no known kind (a filesystem image may have no signature)" "" "$(cat "$work/zeros.err")"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" -o "$work/quiet.elf" 2>"$work/quiet.err"
check_eq "no warning for a newc cpio" "" "$(cat "$work/quiet.err")"
printf 'BZh91AY&SYrest' >"$work/rd.bz2"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.bz2" --compress-initrd xz -o "$work/bz2.elf" 2>"$work/bz2.err"
check_eq "a bzip2 initrd cannot be recompressed: exit 1, no output" "1 no" "$? $(test -e "$work/bz2.elf" && echo yes || echo no)"
check_eq "... with the reason" \
	"mkelfimage: initrd '$work/rd.bz2': bzip2: --compress-initrd decodes only gzip, xz, zstd and lz4; give this initrd uncompressed" \
	"$(cat "$work/bz2.err")"
printf '\037\213\010\000\000\000' >"$work/cut.gz"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/cut.gz" --compress-initrd xz -o "$work/cut.elf" 2>"$work/cut.err"
check_eq "a truncated gzip initrd: exit 1, no output" "1 no" "$? $(test -e "$work/cut.elf" && echo yes || echo no)"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" --compress-initrd lzip -o "$work/x.elf" 2>"$work/bad.err"
check_eq "an unknown --compress-initrd kind is a usage error" \
	"1 mkelfimage: --compress-initrd 'lzip': use xz, gzip, zstd or none" "$? $(cat "$work/bad.err")"
tap_done
