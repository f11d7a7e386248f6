#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Quick start for a fresh Debian 12 machine, in two commands:
#   ./quickstart.sh          install what the build and the demo need, build,
#                            boot the probe kernel through a fresh image under
#                            QEMU and print its report
#   ./quickstart.sh check    install the test tools too, build, run the whole
#                            test suite (make check)
#   ./quickstart.sh deps     only install the Debian packages, all of them (CI)
#   ./quickstart.sh demo-only  the demo on a built tree (MKELFIMAGE: the program)
set -eu
cd "$(dirname "$0")"

# What `make` and the demo need: the autotools, a C compiler (it also builds
# the 32-bit stub, no gcc-multilib), objcopy, the four libraries configure
# asks for (libssl-dev: signatures; libzstd, liblz4: initrds), and QEMU for the demo boot.
BUILD_PACKAGES="autoconf automake make gcc libc6-dev binutils
	libelf-dev zlib1g-dev liblzma-dev libyaml-dev libssl-dev libzstd-dev liblz4-dev
	qemu-system-x86"
# What `make check`, `make fuzz` and `make bench` use besides: the loaders
# of the boot tests (GRUB for BIOS and EFI with OVMF, iPXE, cbfstool,
# kexec-tools), the guest and
# initramfs tools, the Alpha, arm64 and riscv64 cross compilers and
# emulators (qemu-system-misc has Alpha and RISC-V with OpenSBI), clang (fuzzing,
# make analyze), valgrind, strace, python3 (JSON checks), openssl (test keys), the static and
# 32-bit bootelf libraries, the benchmark peers (u-boot-tools: mkimage), and
# what builds and checks the Debian packages (debhelper, lintian).
TEST_PACKAGES="pkg-config elfutils util-linux coreutils busybox-static cpio
	grub-pc-bin grub-efi-amd64-bin grub-efi-ia32-bin ovmf ovmf-ia32
	grub-common xorriso mtools ipxe coreboot-utils kexec-tools
	gcc-alpha-linux-gnu binutils-alpha-linux-gnu qemu-system-misc
	gcc-aarch64-linux-gnu qemu-system-arm u-boot-qemu dosfstools
	gcc-riscv64-linux-gnu
	clang valgrind strace time
	python3 xz-utils lz4 zstd libc6-dev-i386 lib32gcc-12-dev u-boot-tools openssl
	debhelper lintian fakeroot dpkg-dev initramfs-tools"

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# install_packages LIST...: the packages of the lists that are not installed yet
install_packages() {
	# The arm64 kernel test fetches linux-image-cloud-arm64:arm64 and
	# busybox-static:arm64 with apt-get download: the lists must know arm64.
	if ! dpkg --print-foreign-architectures | grep -qx arm64; then
		as_root dpkg --add-architecture arm64
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	fi
	missing=
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "quickstart: installing$missing"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	# kexec-tools is for the guests of tests/interop; without this answer its
	# package would make this machine's own reboots go through kexec.
	echo 'kexec-tools kexec-tools/load_kexec boolean false' | as_root debconf-set-selections
	# shellcheck disable=SC2086
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

build() {
	[ -x configure ] || autoreconf -fi
	[ -f Makefile ] || ./configure ${CONFIGURE_FLAGS:-}
	make -j"$(nproc)"
}

# demo: MKELFIMAGE names the program (default: this tree's; CI: the installed package's)
demo() {
	make -j"$(nproc)" tests/probe/probe-2.15-reloc.bzImage tests/tools/crc32
	work=$(mktemp -d)
	head -c 65536 /dev/urandom >"$work/rd.img"
	echo "\$ mkelfimage --kernel tests/probe/probe-2.15-reloc.bzImage --initrd rd.img --command-line 'console=ttyS0 x=1' -o boot.elf"
	"${MKELFIMAGE:-mkelfimage/mkelfimage}" --kernel tests/probe/probe-2.15-reloc.bzImage --initrd "$work/rd.img" \
		--command-line "console=ttyS0 x=1" -o "$work/boot.elf"
	echo "\$ qemu-system-x86_64 -kernel boot.elf -m 256 -nographic -append 'y=2'"
	timeout 60 qemu-system-x86_64 -kernel "$work/boot.elf" -m 256 -display none -monitor none \
		-serial stdio -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=4 \
		-append "y=2" </dev/null || :
	echo "(on the host, rd.img has CRC-32 $(tests/tools/crc32 "$work/rd.img"): compare initrd_crc32 above)"
	rm -rf "$work"
}

# shellcheck disable=SC2086
case "${1:-demo}" in
deps)  install_packages $BUILD_PACKAGES $TEST_PACKAGES ;;
check) install_packages $BUILD_PACKAGES $TEST_PACKAGES; build; make -j"$(nproc)" check ;;
demo)  install_packages $BUILD_PACKAGES; build; demo ;;
# the demo alone, on a built tree (CI runs it with the installed package's mkelfimage)
demo-only) demo ;;
*)     echo "usage: $0 [demo|check|deps|demo-only]" >&2; exit 1 ;;
esac
