# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the bootelf guest tests: sourced after tests/lib.sh and
# tests/kernel/kernel-tests.sh, never run.
#
# A Debian kernel boots under QEMU with an initramfs (make-guest-initramfs.sh)
# holding a static bootelf as /bootelf, an image as /boot.elf and an /init
# that runs bootelf. bootelf and the generated /init only ever run inside
# the guest. Under MKELFIMAGE_REQUIRE_REAL_KERNEL=1 (CI) a missing kernel,
# static bootelf or busybox is a failure, not a skip.

# A stub that stops (it prints one line and halts) leaves QEMU running: cap it.
BOOT_TIMEOUT=${BOOT_TIMEOUT:-60}
BOOTELF_STATIC=$top_builddir/loader/bootelf-static

need_bootelf_static() {
	[ -x "$BOOTELF_STATIC" ] && return 0
	# ASan has no static runtime: a --enable-sanitizers build has no bootelf-static
	if ldd "$top_builddir/loader/bootelf" 2>/dev/null | grep -q 'libasan\|libubsan'; then
		skip_all "no $BOOTELF_STATIC in a --enable-sanitizers build (ASan cannot link statically); the normal build runs this test"
	fi
	unavailable "no $BOOTELF_STATIC (configure found no static libelf.a/libz.a: install libelf-dev zlib1g-dev)"
}

# bootelf_guest_init INIT COMMANDS: write an /init for the guest that mounts
# /proc and /sys, quiets the kernel, runs COMMANDS (sh text; "$bb" is
# busybox) and powers off if they return.
bootelf_guest_init() {
	cat >"$1" <<EOF_INIT
#!/bin/busybox sh
bb=/bin/busybox
# Only as the first process of a booted guest kernel: it reboots into the image.
[ "\$\$" = 1 ] || { echo "mkelfimage-init: not process 1, not running" >&2; exit 1; }
\$bb mount -t proc proc /proc
\$bb mount -t sysfs sysfs /sys
# Only emergencies from the kernel from now on: nothing cuts into our lines.
echo 1 >/proc/sys/kernel/printk
$2
\$bb poweroff -f
EOF_INIT
}

# bootelf_guest_boot REPORT KERNEL QEMU INIT [SOURCE=DEST]...: build the
# initramfs (INIT as /init, bootelf-static as /bootelf, the files given)
# and boot KERNEL with it under QEMU.
bootelf_guest_boot() {
	_bg_report=$1 _bg_kernel=$2 _bg_qemu=$3 _bg_init=$4
	shift 4
	sh "$top_srcdir/tests/kernel/make-guest-initramfs.sh" "$_bg_report.cpio" "$_bg_init" \
		"$BOOTELF_STATIC=/bootelf" "$@" 2>"$_bg_report.cpio.err" ||
		unavailable "cannot build the guest initramfs: $(head -n 1 "$_bg_report.cpio.err")"
	boot_image "$_bg_qemu" "$_bg_kernel" "$_bg_report" -initrd "$_bg_report.cpio" \
		-append "console=ttyS0 panic=-1 quiet"
}

# The probe kernel's image as the guests boot it: $work/boot.elf with the
# initrd $work/rd.img and the built-in command line $probe_builtin.
probe_builtin="console=ttyS0 x=1"

# bootelf_probe_setup LOADER_TEXT: build that image and $work/init, an /init
# that prints bootelf's --dry-run --json plan (as "plan=..."), then runs
# `bootelf --command-line LOADER_TEXT /boot.elf` and prints its errors.
bootelf_probe_setup() {
	head -c 300000 /dev/urandom >"$work/rd.img"
	check "mkelfimage builds an image of the probe kernel" \
		"$MKELFIMAGE" --kernel "$PROBE_DIR/probe-2.15-reloc.bzImage" --initrd "$work/rd.img" \
		--command-line "$probe_builtin" -o "$work/boot.elf"
	bootelf_guest_init "$work/init" "
echo \"mkelfimage-init: plan=\$(/bootelf --dry-run --json /boot.elf 2>&1 | \$bb tr -d '\\n ')\"
echo 'mkelfimage-init: bootelf starting'
/bootelf --command-line '$1' /boot.elf 2>/bootelf.err
\$bb sed 's/^/mkelfimage-init: /' /bootelf.err"
}

# contains TEXT PART
contains() { case $1 in *"$2"*) return 0 ;; *) return 1 ;; esac; }
