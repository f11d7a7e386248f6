#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A 32-bit static bootelf (make loader/bootelf32-static) loads the probe
# kernel's image (a) in an i386 guest: Debian's 686 kernel under
# qemu-system-i386, kexec_load(KEXEC_ARCH_386), the trampoline's 32-bit
# entry; (b) in the x86_64 cloud-kernel guest, where the 32-bit program must
# still pass KEXEC_ARCH_X86_64 (the compat syscall answers EINVAL to
# KEXEC_ARCH_386) and the trampoline leaves long mode. The probe's report is
# the verdict in both.
#
# The i386 pieces come from Debian's i386 packages, through a private apt
# state in the kernel cache (APT_CONFIG: i386 package lists of the
# machine's sources), so this machine's dpkg needs no i386 architecture and
# nothing is installed: linux-image-686 (fetch-debian-kernel.sh), and,
# unpacked with apt-get download + dpkg-deb, busybox-static for the guest
# and, unless BOOTELF32_LIBDIR already holds them, libelf-dev and zlib1g-dev
# for libelf.a and libz.a. gcc -m32 needs libc6-dev-i386 and
# lib32gcc-12-dev (no gcc-multilib).
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/kernel/i386-apt.sh"
. "$top_srcdir/tests/boot/probe-checks.sh"
. "$top_srcdir/tests/bootelf/bootelf-guest.sh"

I386_KERNEL_PACKAGE=${MKELFIMAGE_I386_KERNEL_PACKAGE:-linux-image-686}
[ -n "${QEMU_I386:-}" ] || skip_all "no qemu-system-i386 (install qemu-system-x86)"
need_qemu_x86_64

i386_apt || unavailable "no i386 package lists: $(grep -m 1 '^E:' "$work/apt-i386.log" 2>/dev/null)"

# i386_debs DIR PACKAGE...: download PACKAGE:i386 and unpack it into DIR.
i386_debs() {
	_dir=$1
	shift
	mkdir -p "$_dir/debs" || return 1
	for _pkg in "$@"; do
		ls "$_dir/debs/${_pkg}"_*_i386.deb >/dev/null 2>&1 ||
			(cd "$_dir/debs" && timeout 300 apt-get download -q "$_pkg:i386" >/dev/null 2>&1) || return 1
		dpkg-deb -x "$_dir/debs/${_pkg}"_*_i386.deb "$_dir/root" || return 1
	done
}

lib_dir=${BOOTELF32_LIBDIR:-/usr/lib/i386-linux-gnu}
if [ ! -f "$lib_dir/libelf.a" ] || [ ! -f "$lib_dir/libz.a" ]; then
	i386_debs "$i386_dir" libelf-dev zlib1g-dev ||
		unavailable "cannot fetch libelf-dev:i386 and zlib1g-dev:i386 for a static 32-bit bootelf"
	lib_dir=$i386_dir/root/usr/lib/i386-linux-gnu
fi
i386_debs "$i386_dir" busybox-static || unavailable "cannot fetch busybox-static:i386"
busybox32=$i386_dir/root/bin/busybox

make -C "$top_builddir" loader/bootelf32-static BOOTELF32_LIBDIR="$lib_dir" >"$work/make.log" 2>&1 ||
	unavailable "cannot build loader/bootelf32-static (gcc -m32 needs libc6-dev-i386 lib32gcc-12-dev): $(grep -m 1 -i error "$work/make.log")"
check "bootelf32-static is a static ELF32 i386 program" \
	sh -c "readelf -hl '$top_builddir/loader/bootelf32-static' | grep -q 'Intel 80386' &&
		! readelf -l '$top_builddir/loader/bootelf32-static' | grep -q INTERP"

bootelf_probe_setup "bits=32"

# (a) the i386 guest
fetch_kernel "$I386_KERNEL_PACKAGE"
BOOTELF_STATIC=$top_builddir/loader/bootelf32-static MKELFIMAGE_BUSYBOX=$busybox32 \
	bootelf_guest_boot "$work/i386" "$kernel" "$QEMU_I386" "$work/init" "$work/boot.elf=/boot.elf"
check_init_ran "686 guest: bootelf32 runs" "$work/i386" "bootelf starting"
check "686 guest: the plan says KEXEC_ARCH_386" contains "$(init_value plan "$work/i386")" '"kexec_arch":"i386"'
check_probe_report "bootelf32 in a Debian 686 guest" "$work/i386" "$probe_builtin bits=32" "$work/rd.img" 0x20f

# (b) the same 32-bit program on the x86_64 cloud kernel
unset APT_CONFIG
fetch_kernel "$CLOUD_KERNEL_PACKAGE"
BOOTELF_STATIC=$top_builddir/loader/bootelf32-static \
	bootelf_guest_boot "$work/compat" "$kernel" "$QEMU_X86_64" "$work/init" "$work/boot.elf=/boot.elf"
check_init_ran "x86_64 guest: bootelf32 runs" "$work/compat" "bootelf starting"
check "x86_64 guest: a 32-bit bootelf passes KEXEC_ARCH_X86_64" \
	contains "$(init_value plan "$work/compat")" '"kexec_arch":"x86_64"'
check_probe_report "bootelf32 in a Debian cloud-kernel (x86_64) guest" "$work/compat" \
	"$probe_builtin bits=32" "$work/rd.img" 0x20f
tap_done
