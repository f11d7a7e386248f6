#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Two routes from the same Debian kernel and initramfs to a coreboot payload,
# on the same real coreboot 25.06 ROM (tests/coreboot/roms, 16 MiB, i440fx):
#   cbfstool add-payload -f vmlinuz -I initrd -C CMDLINE   (cbfstool's own
#       bzImage conversion), uncompressed and -c lzma;
#   mkelfimage --template coreboot-payload.yaml, then cbfstool add-payload
#       -f payload.elf, uncompressed and -c lzma.
# For each: the time to make the payload (mkelfimage and cbfstool), its size
# in CBFS, and what the boot reaches under qemu-system-x86_64 -m 512: the
# initramfs's /init with the command line, a panic, or nothing.
# Prints a Markdown table (doc/performance.md). Environment: top_srcdir,
# MKELFIMAGE, QEMU, KERNEL (default: Debian's cloud kernel, fetched into
# MKELFIMAGE_KERNEL_CACHE), BENCH_DIR, BENCH_TIMEOUT (default 90 s).
set -u
: "${top_srcdir:?run through make bench or set top_srcdir}"
MKELFIMAGE=${MKELFIMAGE:-$top_srcdir/mkelfimage/mkelfimage}
QEMU=${QEMU:-qemu-system-x86_64}
dir=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/mkelfimage-bench.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
cache=${MKELFIMAGE_KERNEL_CACHE:-$top_srcdir/tests/kernel/cache}
kernel=${KERNEL:-$(sh "$top_srcdir/tests/kernel/fetch-debian-kernel.sh" linux-image-cloud-amd64 "$cache")} ||
	{ echo "cbfstool-vs-mkelfimage: cannot fetch Debian's cloud kernel" >&2; exit 1; }
command -v cbfstool >/dev/null || { echo "cbfstool-vs-mkelfimage: no cbfstool (coreboot-utils)" >&2; exit 1; }
marker="booted through coreboot"
sh "$top_srcdir/tests/kernel/make-initramfs.sh" "$dir/rd.cpio" "$marker" || exit 1
gzip -n -9 -c "$dir/rd.cpio" >"$dir/rd.cpio.gz"
xz -dc "$top_srcdir/tests/coreboot/roms/coreboot-qemu-i440fx-16m.rom.xz" >"$dir/base.rom"
cmdline="console=ttyS0 panic=-1 mkelfimage.test=1"

# seconds COMMAND...: wall time of one run, in seconds with two decimals
seconds() {
	local start end
	start=$(date +%s.%N)
	"$@" >/dev/null 2>&1 || { echo failed; return; }
	end=$(date +%s.%N)
	echo "$start $end" | awk '{ printf "%.2f", $2 - $1 }'
}

# boot ROM: what the serial console reached
boot() {
	timeout "${BENCH_TIMEOUT:-90}" "$QEMU" -bios "$1" -m 512 -display none -monitor none \
		-serial "file:$dir/serial" -no-reboot </dev/null >/dev/null 2>&1
	tr -d '\r' <"$dir/serial" >"$dir/serial.txt"
	if grep -q "^mkelfimage-init: $marker" "$dir/serial.txt"; then
		echo "/init ran; /proc/cmdline $(sed -n 's/^mkelfimage-init: cmdline=//p' "$dir/serial.txt" |
			grep -q "^$cmdline" && echo "as built" || echo "LOST: '$(sed -n 's/^mkelfimage-init: cmdline=//p' "$dir/serial.txt")'")"
	elif grep -q 'Kernel panic' "$dir/serial.txt"; then
		echo "panic: $(grep -m1 'Kernel panic' "$dir/serial.txt" | sed 's/.*Kernel panic - not syncing: //' | cut -c1-60)"
	else
		echo "no /init on the console within ${BENCH_TIMEOUT:-90} s (without console=ttyS0 the kernel is silent)"
	fi
}

# row LABEL COMPRESSION MAKE_SECONDS ADD_ARGS...
row() {
	local label=$1 comp=$2 make=$3 add size
	shift 3
	cp "$dir/base.rom" "$dir/rom"
	add=$(seconds cbfstool "$dir/rom" add-payload -n fallback/payload ${comp:+-c $comp} "$@")
	size=$(cbfstool "$dir/rom" print 2>/dev/null | awk '$1 == "fallback/payload" { print $(NF - 1) }')
	echo "| $label | ${comp:-none} | $make s | $add s | ${size:-?} | $(boot "$dir/rom") |"
}

echo "| route | CBFS compression | make the payload | cbfstool add-payload | payload in CBFS (bytes) | boot on coreboot (i440fx, -m 512) |"
echo "|---|---|---|---|---|---|"
for comp in "" lzma; do
	row "cbfstool -f vmlinuz -I initrd -C" "$comp" 0.00 -f "$kernel" -I "$dir/rd.cpio.gz" -C "$cmdline"
done
made=$(seconds "$MKELFIMAGE" --template "$top_srcdir/templates/coreboot-payload.yaml" --kernel "$kernel" \
	--initrd "$dir/rd.cpio" --command-line "$cmdline" -o "$dir/payload.elf")
for comp in "" lzma; do
	row "mkelfimage coreboot-payload.yaml" "$comp" "$made" -f "$dir/payload.elf"
done
echo
echo "$(basename "$kernel"), a $(wc -c <"$dir/rd.cpio") byte busybox initramfs (gzip for cbfstool's -I, xz by the template); $(nproc) CPUs."
