#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# boot-cost.sh: what the stub costs at boot. The time from starting QEMU to
# the line the initramfs's /init prints, for boot.elf (QEMU -kernel through
# multiboot, the stub builds the zero page and jumps) against QEMU's own
# `-kernel bzImage -initrd rd.cpio` on the same kernel and initramfs, with the
# same command line. The stub copies neither the kernel nor the initrd with
# the default placement, so the two should be within noise of each other.
# A benchmark, not a test (TCG, no KVM here): prints a Markdown table.
#
# Environment: MKELFIMAGE, top_srcdir, top_builddir, QEMU (default
# qemu-system-x86_64), BENCH_RUNS (default 3: the median is shown),
# MKELFIMAGE_KERNEL_CACHE.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
MKELFIMAGE=${MKELFIMAGE:-$top_builddir/mkelfimage/mkelfimage}
QEMU=${QEMU:-qemu-system-x86_64}
runs=${BENCH_RUNS:-3}
dir=$(mktemp -d "${TMPDIR:-/tmp}/mkelfimage-boot-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cmdline="console=ttyS0 panic=-1 quiet"
marker="bench init reached"

kernel=$(sh "$top_srcdir/tests/kernel/fetch-debian-kernel.sh" linux-image-cloud-amd64 \
	"${MKELFIMAGE_KERNEL_CACHE:-$top_builddir/tests/kernel/cache}") ||
	{ echo "bench: no real kernel to boot"; exit 1; }
sh "$top_srcdir/tests/kernel/make-initramfs.sh" "$dir/rd.cpio" "$marker" ||
	{ echo "bench: cannot build the busybox initramfs"; exit 1; }
"$MKELFIMAGE" --kernel "$kernel" --initrd "$dir/rd.cpio" --command-line "$cmdline" -o "$dir/boot.elf" ||
	{ echo "bench: mkelfimage failed"; exit 1; }
# The same image without the multiboot header: QEMU -kernel then takes the PVH entry.
"$MKELFIMAGE" --kernel "$kernel" --initrd "$dir/rd.cpio" --command-line "$cmdline" --no-multiboot \
	-o "$dir/pvh.elf" || { echo "bench: mkelfimage --no-multiboot failed"; exit 1; }

# boot_time QEMU_ARGS...: seconds from starting QEMU to the marker on COM1
# ("-" when it never came).
boot_time() {
	local start line
	start=$EPOCHREALTIME
	while IFS= read -r line; do
		case $line in *"mkelfimage-init: $marker"*)
			awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f\n", b - a }'
			return ;;
		esac
	done < <(timeout 120 "$QEMU" -m 256 -display none -monitor none -serial stdio -no-reboot "$@" </dev/null 2>/dev/null)
	echo "-"
}

median() {
	sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

for ((i = 0; i < runs; i++)); do
	boot_time -kernel "$dir/boot.elf" >>"$dir/elf"
	boot_time -kernel "$kernel" -initrd "$dir/rd.cpio" -append "$cmdline" >>"$dir/direct"
	boot_time -kernel "$dir/pvh.elf" >>"$dir/pvh"
done
elf=$(median <"$dir/elf") direct=$(median <"$dir/direct") pvh=$(median <"$dir/pvh")
echo "kernel: $(basename "$kernel"); initramfs $(stat -c %s "$dir/rd.cpio") bytes; $($QEMU --version | head -n 1), TCG; $runs runs each, median; load average $(cut -d" " -f1-3 /proc/loadavg)"
echo
echo "| boot path | QEMU start to /init | ratio |"
echo "|---|---|---|"
echo "| qemu -kernel bzImage -initrd rd.cpio | $direct s | 1.00 |"
ratio() {
	awk -v a="$1" -v b="$direct" 'BEGIN { if (b > 0 && a > 0) printf "%.2f", a / b; else print "-" }'
}
echo "| qemu -kernel boot.elf (multiboot, stub) | $elf s | $(ratio "$elf") |"
echo "| qemu -kernel boot.elf --no-multiboot (PVH, stub) | $pvh s | $(ratio "$pvh") |"
echo "all runs: bzImage $(tr '\n' ' ' <"$dir/direct"); multiboot $(tr '\n' ' ' <"$dir/elf"); PVH $(tr '\n' ' ' <"$dir/pvh")"
