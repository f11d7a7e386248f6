# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the kexec-tools tests: sourced after tests/lib.sh,
# tests/kernel/kernel-tests.sh and tests/boot/probe-checks.sh, never run.
#
# A Debian cloud kernel boots under QEMU with an initramfs holding Debian's
# kexec (kexec-tools, dynamically linked: tests/kernel/make-guest-initramfs.sh
# adds its libraries and the dynamic loader), the image as /boot.elf and an
# /init that runs `kexec -l /boot.elf --type TYPE ...` and `kexec -e`.
# kexec and the generated /init only ever run inside the guest.
# MKELFIMAGE_KEXEC names the kexec binary to copy (default: kexec in PATH or
# /sbin). Under MKELFIMAGE_REQUIRE_REAL_KERNEL=1 (CI) a missing kernel,
# kexec or busybox is a failure, not a skip.

# A stub that stops (it prints one line and halts) leaves QEMU running: cap it.
BOOT_TIMEOUT=${BOOT_TIMEOUT:-60}

# need_kexec: sets kexec_binary.
need_kexec() {
	kexec_binary=${MKELFIMAGE_KEXEC:-}
	[ -n "$kexec_binary" ] || kexec_binary=$(PATH=$PATH:/sbin:/usr/sbin command -v kexec) || :
	[ -n "$kexec_binary" ] && [ -f "$kexec_binary" ] || unavailable "no kexec (install kexec-tools)"
}

# kexec_guest_boot REPORT TYPE KEXEC_COMMAND_LINE: boot the guest kernel with
# an initramfs whose /init loads $work/boot.elf with `kexec -l --type TYPE`
# and the command line given, then runs `kexec -e`. /init prints
# "mkelfimage-init: kexec loaded" before `kexec -e`, and kexec's errors.
kexec_guest_boot() {
	cat >"$1.init" <<EOF
#!/bin/busybox sh
bb=/bin/busybox
# Only as the first process of a booted guest kernel: it reboots into the image.
[ "\$\$" = 1 ] || { echo "mkelfimage-init: not process 1, not running" >&2; exit 1; }
\$bb mount -t proc proc /proc
\$bb mount -t sysfs sysfs /sys
# Only emergencies from the kernel from now on: nothing cuts into our lines.
echo 1 >/proc/sys/kernel/printk
if /sbin/kexec -l /boot.elf --type $2 --command-line="$3" 2>/kexec.err; then
	echo "mkelfimage-init: kexec loaded"
	/sbin/kexec -e 2>>/kexec.err
fi
\$bb sed 's/^/mkelfimage-init: kexec: /' /kexec.err
\$bb poweroff -f
EOF
	sh "$top_srcdir/tests/kernel/make-guest-initramfs.sh" "$1.cpio" "$1.init" \
		"$kexec_binary=/sbin/kexec" "$work/boot.elf=/boot.elf" 2>"$1.cpio.err" ||
		unavailable "cannot build the kexec initramfs: $(head -n 1 "$1.cpio.err")"
	boot_image "$QEMU_X86_64" "$kernel" "$1" -initrd "$1.cpio" \
		-append "console=ttyS0 panic=-1 quiet"
}

# kexec_guest_loaded REPORT LABEL: /init printed "kexec loaded" (else the
# TAP diagnostics show the end of the console, kexec's errors included).
kexec_guest_loaded() {
	check_init_ran "$2: kexec -l accepts the image in the guest" "$1" "kexec loaded"
}

# kexec_probe_boots TYPE: the probe kernel's image, with a built-in initrd and
# command line, loaded by `kexec -l --type TYPE` in the guest, boots; the
# text given to kexec follows the built-in text whole (multiboot-x86 puts the
# image name first, which the stub drops; elf-x86 passes no image name).
kexec_probe_boots() {
	need_qemu_x86_64
	need_kexec
	fetch_kernel "$CLOUD_KERNEL_PACKAGE"
	_kx_builtin="console=ttyS0 x=1"
	head -c 300000 /dev/urandom >"$work/rd.img"
	check "mkelfimage builds an image of the probe kernel" \
		"$MKELFIMAGE" --kernel "$PROBE_DIR/probe-2.15-reloc.bzImage" --initrd "$work/rd.img" \
		--command-line "$_kx_builtin" -o "$work/boot.elf"
	kexec_guest_boot "$work/$1" "$1" "/first/word kexec=1 two"
	kexec_guest_loaded "$work/$1" "$1"
	check_probe_report "kexec $1" "$work/$1" \
		"$_kx_builtin /first/word kexec=1 two" "$work/rd.img" 0x20f
	check_eq "kexec $1: the kernel runs at pref_address" 0x1000000 \
		"$(report_value load_addr "$work/$1")"
}
