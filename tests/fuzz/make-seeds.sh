#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Seed corpus for one fuzz target, generated in the build tree so no binary
# is checked in: the probe kernels and every bad kernel of tests/bad.
# Usage: make-seeds.sh TARGET TOP_SRCDIR TOP_BUILDDIR OUTDIR
set -eu
target=$1 srcdir=$2 builddir=$3 out=$4
probe=$builddir/tests/probe
rm -rf "$out"
mkdir -p "$out"

case $target in
bzimage)
	sh "$srcdir/tests/bad/make-bad-kernels.sh" "$probe/probe-2.15-reloc.bzImage" \
		"$probe/mkprobe" "$probe" "$out"
	cp "$probe/probe-2.15-reloc.bzImage" "$probe/probe-2.02.bzImage" "$out/"
	;;
elfimage)
	# bootelf's readable test images, and real images of the probe kernel
	sh "$srcdir/tests/bootelf/make-bad-images.sh" "$builddir/tests/bootelf/mkelf" "$out"
	"$builddir/mkelfimage/mkelfimage" --kernel "$probe/probe-2.15-reloc.bzImage" \
		--command-line "console=ttyS0" -o "$out/probe-2.15.elf"
	"$builddir/mkelfimage/mkelfimage" --kernel "$probe/probe-2.02.bzImage" --no-elf-notes \
		--no-multiboot -o "$out/probe-2.02-pvh.elf"
	# a signed one (an EC key made here: the signature note and its slot)
	if openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$out/seed.key" \
		-subj /CN=seed -days 2 -out "$out/seed.crt" 2>/dev/null; then
		chmod 600 "$out/seed.key"
		"$builddir/mkelfimage/mkelfimage" --kernel "$probe/probe-2.02.bzImage" --sign-key "$out/seed.key" \
			--sign-cert "$out/seed.crt" -o "$out/probe-2.02-signed.elf"
	fi
	rm -f "$out/seed.key" "$out/seed.crt"
	# the i386 probe vmlinux (a PVH note) and its broken variants, uncompressed
	cp "$probe/probe-vmlinux-i386" "$out/"
	sh "$srcdir/tests/bad/make-bad-vmlinux.sh" "$probe/probe-vmlinux-i386" "$out/vmlinux"
	mv "$out"/vmlinux/*.vmlinux "$out/"
	rm -rf "$out/vmlinux"
	;;
initrd-kind)
	# the head of one initrd of each kind the tools here make
	printf 'console=ttyS0\n' >"$out/text"
	(cd "$out" && printf 'init\n' >init && echo init | cpio -o -H newc --quiet >cpio && rm init)
	gzip -9 -n -c "$out/text" >"$out/gzip"
	xz -c "$out/text" >"$out/xz"
	xz --format=lzma -c "$out/text" >"$out/lzma"
	if command -v bzip2 >/dev/null; then bzip2 -c "$out/text" >"$out/bzip2"; fi
	if command -v zstd >/dev/null; then zstd -q -c "$out/text" >"$out/zstd"; fi
	head -c 1024 "$probe/probe-2.15-reloc.bzImage" >"$out/not-an-initrd"
	;;
template)
	cp "$srcdir"/templates/*.yaml "$out/"
	;;
fdt)
	# QEMU virt's device tree (when qemu-system-aarch64 is here), cut to
	# its blocks: QEMU pads it to 1 MiB
	qemu=${QEMU_AARCH64:-$(command -v qemu-system-aarch64 || :)}
	if [ -n "$qemu" ] && "$qemu" -M virt,dumpdtb="$out/virt.full" -m 512 -display none >/dev/null 2>&1; then
		be32() { od -An -tu1 -j "$2" -N 4 "$1" | awk '{ print (($1 * 256 + $2) * 256 + $3) * 256 + $4 }'; }
		end=$(($(be32 "$out/virt.full" 12) + $(be32 "$out/virt.full" 32)))
		head -c "$end" "$out/virt.full" >"$out/virt.dtb"
		printf "\\$(printf '%03o' $((end >> 24 & 255)))\\$(printf '%03o' $((end >> 16 & 255)))\\$(printf '%03o' $((end >> 8 & 255)))\\$(printf '%03o' $((end & 255)))" |
			dd of="$out/virt.dtb" bs=1 seek=4 conv=notrunc 2>/dev/null
		rm -f "$out/virt.full"
	fi
	;;
*)
	echo "make-seeds.sh: no seeds known for '$target'" >&2
	exit 1
	;;
esac
