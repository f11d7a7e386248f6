#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# uefi-boot-cost.sh: what the Multiboot2 path costs on UEFI against GRUB's
# own loader. Debian's cloud kernel and the reporting initramfs of the GRUB
# EFI tests boot under OVMF (q35, 2 CPUs, 512 MiB, TCG) from two ISOs made
# by grub-mkrescue: the image through `multiboot2 /boot.elf`, and the same
# kernel and initramfs through GRUB's `linux` + `initrd` (the reference).
# One measurement is QEMU start to power-off. BENCH_RUNS runs (default 3)
# of each, the order alternating from run to run: the first boot of a series
# is slower than the rest (measured: about 0.5 s), which a fixed order would
# charge to one side. Prints the medians and their ratio (`make bench-uefi`).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/interop/grub-efi.sh"

runs=${BENCH_RUNS:-3}
need_grub_efi
fetch_kernel "$CLOUD_KERNEL_PACKAGE"
marker="bench: booted under OVMF"
make_uefi_initramfs "$work/rd.cpio" "$marker"

mkdir "$work/mb2"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" --command-line "$BUILTIN_CMDLINE" \
	-o "$work/mb2/boot.elf" || { echo "Bail out! mkelfimage failed"; exit 1; }
make_efi_iso "$work/mb2.iso" "$work/mb2" "insmod efi_gop
multiboot2 /boot.elf" || { echo "Bail out! grub-mkrescue failed ($work/mb2.iso.log)"; exit 1; }
make_linux_efi_iso "$work/ref.iso" "$work/ref" "$kernel" "$work/rd.cpio" "$BUILTIN_CMDLINE" || { echo "Bail out! grub-mkrescue failed ($work/ref.iso.log)"; exit 1; }

# timed_boot NAME: one boot of NAME.iso; its seconds appended to NAME.times
# ("-" when /init's line never came)
timed_boot() {
	_start=$(date +%s.%N)
	boot_efi q35 "$work/$1.boot" "$work/$1.iso"
	_end=$(date +%s.%N)
	if grep -q "$marker" "$work/$1.boot"; then
		awk -v a="$_start" -v b="$_end" 'BEGIN { printf "%.2f\n", b - a }' >>"$work/$1.times"
	else
		echo - >>"$work/$1.times"
	fi
}

i=0
while [ "$i" -lt "$runs" ]; do
	if [ $((i % 2)) = 0 ]; then timed_boot mb2; timed_boot ref; else timed_boot ref; timed_boot mb2; fi
	i=$((i + 1))
done
median() { sort -n "$1" | sed -n "$(((runs + 1) / 2))p"; }
mb2=$(median "$work/mb2.times") ref=$(median "$work/ref.times")
echo "kernel: $(basename "$kernel"); $("$QEMU_X86_64" --version | head -n 1), TCG, OVMF, q35, 2 CPUs;" \
	"$runs runs each, alternating, median; load average $(cut -d" " -f1-3 /proc/loadavg)"
echo
echo "| boot path | QEMU start to power-off | ratio |"
echo "|---|---|---|"
echo "| GRUB EFI \`linux\` + \`initrd\` (reference) | $ref s | 1.000 |"
echo "| GRUB EFI \`multiboot2 /boot.elf\` (stub) | $mb2 s |" \
	"$(awk -v a="$mb2" -v b="$ref" 'BEGIN { if (a > 0 && b > 0) printf "%.3f", a / b; else print "-" }') |"
echo "all runs: reference $(tr '\n' ' ' <"$work/ref.times"); multiboot2 $(tr '\n' ' ' <"$work/mb2.times")"
