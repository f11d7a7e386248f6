#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Make the bad kernels of tests/bad/README from a good probe kernel, one
# readable recipe each: copy, then patch or cut bytes.
# Usage: make-bad-kernels.sh GOOD.bzImage MKPROBE PROBE_DIR OUTDIR
set -eu
good=$1 mkprobe=$2 probe_dir=$3 out=$4
mkdir -p "$out"

# the byte helpers: patch, le, u32
. "$(dirname "$0")/bytes.sh"

variant() {
	name=$1
	shift
	cp "$good" "$out/$name"
	"$@"
}

variant no-hdrs.bzImage          patch "$out/no-hdrs.bzImage" $((0x202)) 4e 6f 70 65
variant bad-boot-flag.bzImage    patch "$out/bad-boot-flag.bzImage" $((0x1fe)) aa 55
variant protocol-2.01.bzImage    patch "$out/protocol-2.01.bzImage" $((0x206)) 01 02
variant zimage.bzImage           patch "$out/zimage.bzImage" $((0x211)) 00
variant setup-sects-past-end.bzImage patch "$out/setup-sects-past-end.bzImage" $((0x1f1)) ff
variant syssize-past-end.bzImage patch "$out/syssize-past-end.bzImage" $((0x1f4)) ff ff ff 00
variant jump-too-short.bzImage   patch "$out/jump-too-short.bzImage" $((0x201)) 00
variant cmdline-size-0.bzImage   patch "$out/cmdline-size-0.bzImage" $((0x238)) 00 00 00 00
variant alignment-not-power-of-2.bzImage patch "$out/alignment-not-power-of-2.bzImage" $((0x230)) 00 00 30 00
# pref_address (0x258, 8 bytes) just below 2^64: aligning it once wrapped to 0
variant pref-address-top.bzImage patch "$out/pref-address-top.bzImage" $((0x258)) 00 f0 ff ff ff ff ff ff
head -c $((0x220)) "$good" >"$out/truncated-setup-header.bzImage"
head -c 200 "$good" >"$out/truncated-before-hdrs.bzImage"
: >"$out/empty.bzImage"

# Cut at every boundary the parser checks (hex offsets): inside boot_flag, the
# "HdrS" magic and the version; at each field of the setup header (0x1f1 ..
# 0x26c); at the end of the header; before, at and just after the end of the
# setup sectors (0xa00 with setup_sects 4).
# Fuzzer regression (tests/fuzz): a header that ends at 0x20b (jump length
# 0x09) in a file cut at 0x20f; the parser once read kernel_version at 0x20e
# past the header and past the buffer.
variant short-header-cut-at-0x20f.bzImage patch "$out/short-header-cut-at-0x20f.bzImage" $((0x201)) 09
head -c $((0x20f)) "$out/short-header-cut-at-0x20f.bzImage" >"$out/short-header.tmp"
mv "$out/short-header.tmp" "$out/short-header-cut-at-0x20f.bzImage"

for cut in 1f1 1fe 202 205 206 207 208 211 214 22c 230 238 258 260 26b 26c 9ff a00 a01; do
	head -c $((0x$cut)) "$good" >"$out/cut-at-0x$cut.bzImage"
done

# Built by mkprobe: a small cmdline_size, and a low initrd_addr_max
"$mkprobe" --code "$probe_dir/probe-0x1000000.bin" --relocatable 1 --pref-address 0x1000000 \
	--init-size 0x800000 --cmdline-size 16 -o "$out/cmdline-size-16.bzImage"
"$mkprobe" --code "$probe_dir/probe-0x1000000.bin" --relocatable 1 --pref-address 0x1000000 \
	--init-size 0x800000 --initrd-addr-max 0x01ffffff -o "$out/initrd-addr-max-32m.bzImage"
