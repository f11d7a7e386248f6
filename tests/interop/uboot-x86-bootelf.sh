#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# U-Boot on x86 (Debian's u-boot-qemu: the 32-bit qemu-x86 ROM, on
# qemu-system-x86_64 so that a 64-bit kernel finds long mode)
# runs the image with `bootelf -p ADDR ARG...` from a boot script on a disk,
# no typing (tests/tools/uboot-boot.sh). U-Boot 2023.01 copies every program
# header to its p_paddr and zero-fills to p_memsz, PT_NOTE included: the
# image's notes point into its records segment with p_memsz = p_filesz
# (with p_paddr 0 and p_memsz 0 the zero-fill ran over all memory and the
# CPU reset). U-Boot calls the entry as a C function (EAX argc, EDX argv)
# and passes no memory map: the stub reads the RAM sizes from the CMOS and
# its boot log says so. The probe reports what it got; Debian's cloud
# kernel runs /init from the image's initrd.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
need_qemu_x86_64
[ -f /usr/lib/u-boot/qemu-x86/u-boot.rom ] || skip_all "no /usr/lib/u-boot/qemu-x86/u-boot.rom (install u-boot-qemu)"
for tool in mkimage:u-boot-tools mkfs.vfat:dosfstools mcopy:mtools; do
	command -v "${tool%%:*}" >/dev/null 2>&1 || skip_all "no ${tool%%:*} (install ${tool#*:})"
done

# uboot IMAGE REPORT: boot it through U-Boot's bootelf (two arguments: argc 2)
uboot() {
	UBOOT_ARG="one two" QEMU_X86=$QEMU_X86_64 sh "$top_srcdir/tests/tools/uboot-boot.sh" x86 "$1" "$2.txt"
}

head -c 70001 /dev/urandom >"$work/rd"
check "mkelfimage builds the probe image with --boot-log" \
	"$MKELFIMAGE" --kernel "$PROBE_DIR/probe-2.15-reloc.bzImage" --initrd "$work/rd" \
	--command-line "console=ttyS0 via=u-boot" --boot-log -o "$work/probe.elf"
check "its PT_NOTEs lie in the records segment's memory, p_memsz = p_filesz" \
	sh -c "readelf -lW '$work/probe.elf' | awk '\$1 == \"NOTE\" && (\$4 == \"0x00000000\" || \$5 != \$6) { bad = 1 } END { exit bad }'"
uboot "$work/probe.elf" "$work/probe"
check_eq "bootelf entered the stub at e_entry" 1 "$(grep -c '^## Starting application at 0x' "$work/probe.txt")"
check "the stub's log: U-Boot's C call, argc 2" \
	grep -q '^mkelfimage stub log: loader: a C call with argc in EAX and argv in EDX (U-Boot.s bootelf), argc 2' "$work/probe.txt"
check "the stub's log: the memory map from the CMOS" \
	grep -q '^mkelfimage stub log: memory map from the CMOS' "$work/probe.txt"
check_eq "the probe ran to its end" ok "$(report_value probe_end "$work/probe")"
check_eq "the built-in command line" "console=ttyS0 via=u-boot" "$(report_value cmdline "$work/probe")"
check_eq "the initrd's bytes (CRC-32)" "$("$CRC32" "$work/rd")" "$(report_value initrd_crc32 "$work/probe")"
check "e820 from the CMOS: RAM from 1 MiB" grep -q '^e820\.1=0x100000 ' "$work/probe.txt"

fetch_kernel "$CLOUD_KERNEL_PACKAGE"
name=$(basename "$kernel")
marker="booted $name by U-Boot"
make_initramfs "$work/rd.cpio" "$marker"
check "mkelfimage builds $name and a busybox initramfs" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" --command-line "$BUILTIN_CMDLINE via=u-boot" \
	-o "$work/kernel.elf"
# the kernel cannot power off (no ACPI from U-Boot): stop once /init has said what it got
UBOOT_UNTIL="^mkelfimage-init: files:" BOOT_TIMEOUT=90 uboot "$work/kernel.elf" "$work/kernel"
check_init_ran "U-Boot bootelf: $name runs /init from the image's initrd" "$work/kernel" "$marker"
check_eq "U-Boot bootelf: /proc/cmdline is the built-in text" "$BUILTIN_CMDLINE via=u-boot" \
	"$(init_value cmdline "$work/kernel")"
tap_done
