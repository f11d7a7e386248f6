#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --compress-initrd decodes zstd (Debian 12's initramfs-tools default) and
# lz4 (the legacy format the kernel reads, `lz4 -l`, and the LZ4 Frame
# Format it does not) and writes zstd: each recompression stores exactly
# the original cpio once decoded; zstd output is one frame with an 8 MiB
# window and a checksum, the same bytes every time. A truncated or corrupt
# stream is one line, exit 1, no image. --kernel-config warns about an
# initrd the kernel lacks the decompressor for.
. "$top_srcdir/tests/lib.sh"
for tool in zstd lz4 cpio python3; do
	command -v $tool >/dev/null 2>&1 || skip_all "no $tool (install $tool)"
done
kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
mkdir "$work/tree"
seq 1 120000 >"$work/tree/numbers.txt"
head -c 2000000 /dev/urandom >"$work/tree/random"
(cd "$work/tree" && find . | LC_ALL=C sort | cpio -o -H newc 2>/dev/null) >"$work/rd.cpio"
zstd -q -3 -c "$work/rd.cpio" >"$work/rd.zst"
lz4 -q -l -c "$work/rd.cpio" >"$work/rd.lz4l"
lz4 -q -c "$work/rd.cpio" >"$work/rd.lz4f"

# stored IMAGE MANIFEST OUT: the initrd segment's bytes (its first initrd's size)
stored() {
	set -- "$1" "$2" "$3" "$(python3 -c 'import json,sys
m = json.load(open(sys.argv[1]))
print([s["file_offset"] for s in m["segments"] if s["name"] == "initrd"][0], m["inputs"]["initrds"][0]["size"])' "$2")"
	tail -c +$(( ${4% *} + 1 )) "$1" | head -c "${4#* }" >"$3"
}
for src in zst lz4l lz4f; do
	check "$src -> none: builds" "$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.$src" --compress-initrd none \
		-o "$work/$src.elf" --manifest "$work/$src.json"
	stored "$work/$src.elf" "$work/$src.json" "$work/$src.out"
	check "$src -> none: the image holds the original cpio" cmp "$work/rd.cpio" "$work/$src.out"
done
check "lz4 (legacy) -> zstd" "$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.lz4l" --compress-initrd zstd \
	-o "$work/z.elf" --manifest "$work/z.json"
stored "$work/z.elf" "$work/z.json" "$work/z.zst"
check "the zstd stream decodes (zstd -d) to the original cpio" sh -c "zstd -q -d -c '$work/z.zst' | cmp - '$work/rd.cpio'"
check_eq "one frame, an 8 MiB window, a checksum" "1 8.00 MiB XXH64" \
	"$(zstd -lv "$work/z.zst" 2>&1 | sed -n 's/^# Zstandard Frames: *//p; s/^Window Size: *\([0-9.]* MiB\).*/\1/p; s/^Check: *\(XXH64\).*/\1/p' | tr '\n' ' ' | sed 's/ $//')"
check_eq "the manifest says zstd, from lz4" "zstd lz4 (legacy)" "$(python3 -c 'import json,sys
i = json.load(open(sys.argv[1]))["inputs"]["initrds"][0]; print(i["kind"], i["source"]["kind"])' "$work/z.json")"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.zst" --compress-initrd gzip -o "$work/g.elf" >/dev/null
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" --compress-initrd zstd -o "$work/z2.elf" >/dev/null
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.lz4f" --compress-initrd zstd -o "$work/z3.elf" >/dev/null
check "zstd output is the same whatever the source was" cmp "$work/z2.elf" "$work/z3.elf"
check_eq "an initrd already in zstd is kept as it is" \
	"initrd '$work/rd.zst': $(file_size "$work/rd.zst") bytes zstd -> $(file_size "$work/rd.zst") bytes zstd (kept as it is)" \
	"$("$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.zst" --compress-initrd zstd -o "$work/k.elf")"
cat "$work/rd.zst" "$work/rd.zst" >"$work/two.zst"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/two.zst" --compress-initrd none -o "$work/two.elf" \
	--manifest "$work/two.json" >/dev/null
stored "$work/two.elf" "$work/two.json" "$work/two.out"
check "two zstd frames decode one after the other" sh -c "cat '$work/rd.cpio' '$work/rd.cpio' | cmp - '$work/two.out'"

# bad streams: one line, exit 1, no image
bad() {
	_msg=$("$MKELFIMAGE" --kernel "$kernel" --initrd "$1" --compress-initrd none -o "$work/bad.elf" 2>&1)
	check_eq "$2: exit 1, one line" "1 mkelfimage: initrd '$1': $3" "$? $_msg"
	check "$2: no image" test ! -e "$work/bad.elf"
}
head -c 100000 "$work/rd.zst" >"$work/cut.zst"
bad "$work/cut.zst" "a truncated zstd stream" "zstd: the stream is truncated"
head -c 100000 "$work/rd.lz4f" >"$work/cut.lz4f"
bad "$work/cut.lz4f" "a truncated lz4 frame" "lz4: the stream is truncated"
head -c 100000 "$work/rd.lz4l" >"$work/cut.lz4l"
bad "$work/cut.lz4l" "a truncated legacy lz4 stream" \
	"lz4: the stream is truncated (a block of $(od -An -tu4 -j4 -N4 "$work/rd.lz4l" | tr -d ' ') bytes at offset 4)"
cp "$work/rd.lz4l" "$work/corrupt.lz4l"
printf 'XXXXXXXXXXXXXXXX' | dd of="$work/corrupt.lz4l" bs=1 seek=40 conv=notrunc 2>/dev/null
bad "$work/corrupt.lz4l" "a corrupt legacy lz4 block" "lz4: corrupt block at offset 4"

# --kernel-config
printf 'CONFIG_BLK_DEV_INITRD=y\nCONFIG_RD_GZIP=y\n' >"$work/config"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.zst" --kernel-config "$work/config" -o "$work/c.elf" 2>"$work/warn"
check_eq "--kernel-config without CONFIG_RD_ZSTD: a zstd initrd gets a warning (the image is written)" \
	"0 mkelfimage: warning: initrd '$work/rd.zst': zstd, but the kernel's config '$work/config' has no CONFIG_RD_ZSTD=y: it cannot unpack this" \
	"$? $(cat "$work/warn")"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.zst" --compress-initrd gzip --kernel-config "$work/config" \
	-o "$work/c.elf" >/dev/null 2>"$work/warn"
check_eq "recompressed to gzip, which the config has: no warning" "" "$(cat "$work/warn")"
printf 'CONFIG_RD_GZIP=y\n' >"$work/noinitrd"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" --kernel-config "$work/noinitrd" -o "$work/c.elf" 2>"$work/warn"
check_eq "a config without CONFIG_BLK_DEV_INITRD: warned for any initrd" \
	"mkelfimage: warning: initrd '$work/rd.cpio': cpio (newc), but the kernel's config '$work/noinitrd' has no CONFIG_BLK_DEV_INITRD=y: it takes no initrd at all" \
	"$(cat "$work/warn")"
# --kernel-config ikconfig: a bzImage whose compressed part (payload_offset,
# payload_length, boot.rst 2.08) holds IKCFG_ST, a gzip'd .config, IKCFG_ED,
# as kernel/configs.c lays it out; gzip as is, zstd with the 4-byte size the
# kernel build appends (size_append)
make_ikconfig_kernel() {
	python3 - "$kernel" "$1" "$2" "$3" <<'PY'
import gzip, struct, subprocess, sys
probe, out, codec, config = sys.argv[1:5]
data = bytearray(open(probe, "rb").read())
vmlinux = b"\0" * 5000 + b"IKCFG_ST" + gzip.compress(open(config, "rb").read(), mtime=0) + b"IKCFG_ED" + b"\0" * 300
if codec == "gzip":
    payload = gzip.compress(vmlinux, mtime=0)
else:
    payload = subprocess.run(["zstd", "-q", "-c"], input=vmlinux, capture_output=True, check=True).stdout
    payload += struct.pack("<I", len(vmlinux))
pm_offset = (data[0x1f1] + 1) * 512
struct.pack_into("<II", data, 0x248, len(data) - pm_offset, len(payload))
open(out, "wb").write(bytes(data) + payload)
PY
}
printf 'CONFIG_BLK_DEV_INITRD=y\nCONFIG_RD_GZIP=y\nCONFIG_RD_XZ=y\n' >"$work/ik.config"
for codec in gzip zstd; do
	make_ikconfig_kernel "$work/ik-$codec.bzImage" "$codec" "$work/ik.config"
	"$MKELFIMAGE" --kernel "$work/ik-$codec.bzImage" --initrd "$work/rd.zst" --kernel-config ikconfig \
		-o "$work/ik.elf" 2>"$work/warn"
	check_eq "--kernel-config ikconfig reads the config in a $codec-compressed kernel: zstd initrd warned" \
		"0 mkelfimage: warning: initrd '$work/rd.zst': zstd, but the kernel's config (IKCONFIG, in '$work/ik-$codec.bzImage') has no CONFIG_RD_ZSTD=y: it cannot unpack this" \
		"$? $(cat "$work/warn")"
done
"$MKELFIMAGE" --kernel "$work/ik-gzip.bzImage" --initrd "$work/rd.zst" --compress-initrd xz --kernel-config ikconfig \
	-o "$work/ik.elf" >/dev/null 2>"$work/warn"
check_eq "--kernel-config ikconfig: an xz initrd, which that config has: no warning" "" "$(cat "$work/warn")"
msg=$("$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.zst" --kernel-config ikconfig -o "$work/ik2.elf" 2>&1)
check_eq "--kernel-config ikconfig on a kernel without one: exit 1, no image" \
	"1 no" "$? $(test -e "$work/ik2.elf" && echo yes || echo no)"
case $msg in
*"--kernel-config ikconfig: "*) tap_ok "... and the line says why: $msg" ;;
*) tap_not_ok "... and the line says why" "got: $msg" ;;
esac
msg=$("$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" --kernel-config "$work" -o "$work/d.elf" 2>&1)
check_eq "--kernel-config that is a directory: exit 1, no image" \
	"1 mkelfimage: --kernel-config '$work': not a readable regular file no" "$? $msg $(test -e "$work/d.elf" && echo yes || echo no)"
tap_done
