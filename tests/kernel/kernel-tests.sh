# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the tests/kernel scripts, which boot real Debian kernels through
# an image under QEMU: sourced after tests/lib.sh, never run.
#
# Environment:
#   MKELFIMAGE_KERNEL_CACHE          where fetched kernels are kept
#                                    (default: $top_builddir/tests/kernel/cache)
#   MKELFIMAGE_CLOUD_KERNEL_PACKAGE  default linux-image-cloud-amd64
#   MKELFIMAGE_AMD64_KERNEL_PACKAGE  default linux-image-amd64
#   MKELFIMAGE_REQUIRE_REAL_KERNEL=1 a kernel that cannot be fetched, or no
#                                    busybox-static or cpio, is a failure
#                                    (CI), not a skip

KERNEL_DIR=$top_srcdir/tests/kernel
KERNEL_CACHE=${MKELFIMAGE_KERNEL_CACHE:-$top_builddir/tests/kernel/cache}
# shellcheck disable=SC2034 # used by the scripts that source this file
CLOUD_KERNEL_PACKAGE=${MKELFIMAGE_CLOUD_KERNEL_PACKAGE:-linux-image-cloud-amd64}
# shellcheck disable=SC2034
AMD64_KERNEL_PACKAGE=${MKELFIMAGE_AMD64_KERNEL_PACKAGE:-linux-image-amd64}
BUILTIN_CMDLINE="console=ttyS0 panic=-1 mkelfimage.test=1"

# unavailable REASON: an input of the test cannot be had on this machine.
unavailable() {
	if [ "${MKELFIMAGE_REQUIRE_REAL_KERNEL:-0}" = 1 ]; then
		echo "Bail out! $* (MKELFIMAGE_REQUIRE_REAL_KERNEL=1)"
		exit 1
	fi
	skip_all "$*"
}

need_qemu_x86_64() {
	[ -n "${QEMU_X86_64:-}" ] || skip_all "no qemu-system-x86_64 (install qemu-system-x86): Debian's kernels are 64-bit"
}

# fetch_kernel META_PACKAGE: sets kernel to the vmlinuz the package depends on.
fetch_kernel() {
	if kernel=$(sh "$KERNEL_DIR/fetch-debian-kernel.sh" "$1" "$KERNEL_CACHE" 2>"$work/fetch.err"); then
		return 0
	fi
	unavailable "cannot fetch $1: $(head -n 1 "$work/fetch.err")"
}

# make_initramfs OUT.cpio MARKER [SHOW_FILE...]: see make-initramfs.sh.
make_initramfs() {
	sh "$KERNEL_DIR/make-initramfs.sh" "$@" 2>"$work/initramfs.err" ||
		unavailable "cannot build the busybox initramfs: $(head -n 1 "$work/initramfs.err")"
}

# make_file_cpio OUT.cpio PATH TEXT: see make-file-cpio.sh.
make_file_cpio() {
	sh "$KERNEL_DIR/make-file-cpio.sh" "$@" 2>"$work/file-cpio.err" ||
		unavailable "cannot build a cpio archive: $(head -n 1 "$work/file-cpio.err")"
}

# init_value NAME REPORT: what /init printed as NAME=... (make-initramfs.sh).
init_value() {
	sed -n "s|^mkelfimage-init: $1=||p" "$2.txt" | head -n 1
}

# check_init_ran NAME REPORT MARKER: /init printed MARKER on the serial console.
# On failure the end of the console output goes to the TAP diagnostics.
check_init_ran() {
	if grep -qxF "mkelfimage-init: $3" "$2.txt"; then
		tap_ok "$1"
	else
		tap_not_ok "$1" "no line 'mkelfimage-init: $3' on the serial console; its last lines:"
		tail -n 20 "$2.txt" | sed 's/^/#     /'
		sed 's/^/#   qemu: /' "$2.qemu" 2>/dev/null | head -n 5
	fi
}

# check_kernel_boots META_PACKAGE: the kernel behind META_PACKAGE, joined with
# a busybox initramfs, runs /init and sees the built-in command line followed
# by QEMU's -append text.
check_kernel_boots() {
	need_qemu_x86_64
	fetch_kernel "$1"
	_name=$(basename "$kernel")
	_marker="booted $_name"
	make_initramfs "$work/rd.cpio" "$_marker"
	check "mkelfimage builds an image of $_name and a busybox initramfs" \
		"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.cpio" \
		--command-line "$BUILTIN_CMDLINE" -o "$work/boot.elf"

	boot_image "$QEMU_X86_64" "$work/boot.elf" "$work/append" -append "x=1 y=two"
	check_init_ran "$_name runs /init from the initrd" "$work/append" "$_marker"
	check_eq "$_name: /proc/cmdline is the built-in text, then QEMU's -append text" \
		"$BUILTIN_CMDLINE x=1 y=two" "$(init_value cmdline "$work/append")"

	boot_image "$QEMU_X86_64" "$work/boot.elf" "$work/plain"
	check_init_ran "$_name runs /init without -append" "$work/plain" "$_marker"
	check_eq "$_name: without -append, /proc/cmdline is exactly the built-in text" \
		"$BUILTIN_CMDLINE" "$(init_value cmdline "$work/plain")"
}
