# SPDX-License-Identifier: GPL-2.0-or-later
# tests/: TAP scripts (tests/lib.sh) run by automake's TAP driver. Boot tests
# need the probe kernels and tools built by tests/probe/local.mk (check_DATA).
TAP_TEST_LIST = \
	%D%/image/elf-readers-accept-the-image.sh \
	%D%/image/reproducible-output.sh \
	%D%/image/verbose-prints-the-plan.sh \
	%D%/image/help-options-manpage-agree.sh \
	%D%/image/readme-options-in-help.sh \
	%D%/image/readme-recipes-run.sh \
	%D%/bad/reject-bad-input.sh \
	%D%/bad/subcommands-reject-bad-images.sh \
	%D%/bad/interrupted-build-leaves-nothing.sh \
	%D%/bad/outputs-never-clobbered.sh \
	%D%/bad/failed-commit-changes-nothing.sh \
	%D%/bad/file-size-limit-is-an-error.sh \
	%D%/bad/interrupted-edit-leaves-nothing.sh \
	%D%/bad/image-changing-under-reader.sh \
	%D%/bad/valgrind-clean.sh \
	%D%/bad/limits-one-rule.sh \
	%D%/boot/multiboot-probe-2.15-relocatable.sh \
	%D%/boot/multiboot-probe-2.02.sh \
	%D%/boot/multiboot-probe-old-protocols.sh \
	%D%/boot/multiboot-probe-initrds-and-cmdline-file.sh \
	%D%/boot/boot-log-every-path.sh
TESTS += $(TAP_TEST_LIST)
EXTRA_DIST += $(TAP_TEST_LIST) \
	%D%/lib.sh \
	%D%/tap.h \
	%D%/boot/probe-checks.sh \
	%D%/bad/bytes.sh %D%/bad/make-bad-kernels.sh %D%/bad/make-bad-vmlinux.sh %D%/bad/make-bad-images.sh %D%/bad/README

# Parser unit tests (C, TAP on stdout)
check_PROGRAMS += %D%/formats/bzimage-test
%C%_formats_bzimage_test_SOURCES = %D%/formats/bzimage-test.c
%C%_formats_bzimage_test_LDADD = formats/libformats.a
TESTS += %D%/formats/bzimage-test
check_PROGRAMS += %D%/formats/sha256-test
%C%_formats_sha256_test_SOURCES = %D%/formats/sha256-test.c
%C%_formats_sha256_test_LDADD = formats/libformats.a
TESTS += %D%/formats/sha256-test
check_PROGRAMS += %D%/formats/x86-vmlinux-test
%C%_formats_x86_vmlinux_test_SOURCES = %D%/formats/x86-vmlinux-test.c
%C%_formats_x86_vmlinux_test_LDADD = formats/libformats.a
TESTS += %D%/formats/x86-vmlinux-test
check_PROGRAMS += %D%/formats/ipsum-test
%C%_formats_ipsum_test_SOURCES = %D%/formats/ipsum-test.c
TESTS += %D%/formats/ipsum-test
check_PROGRAMS += %D%/formats/arm64-image-test
%C%_formats_arm64_image_test_SOURCES = %D%/formats/arm64-image-test.c
%C%_formats_arm64_image_test_LDADD = formats/libformats.a
TESTS += %D%/formats/arm64-image-test
# The stubs' device tree editor (stubs/common/fdt.c), built for the host
check_PROGRAMS += %D%/formats/fdt-edit-test
%C%_formats_fdt_edit_test_SOURCES = %D%/formats/fdt-edit-test.c stubs/common/fdt.c stubs/common/fdt.h
TESTS += %D%/formats/fdt-edit-test

# Real kernels: Debian's cloud and generic kernels, fetched with apt-get
# download into tests/kernel/cache (kept by make clean, removed by make
# distclean; MKELFIMAGE_KERNEL_CACHE puts it elsewhere), booted with a
# busybox-static initramfs. They skip when a kernel cannot be fetched, unless
# MKELFIMAGE_REQUIRE_REAL_KERNEL=1 (CI).
TAP_TEST_LIST += \
	%D%/kernel/debian-cloud-kernel-boots.sh \
	%D%/kernel/debian-kernel-zstd-initrd.sh \
	%D%/kernel/debian-mkinitramfs-zstd.sh \
	%D%/kernel/debian-amd64-kernel-boots.sh \
	%D%/kernel/two-initrds-both-visible.sh \
	%D%/kernel/debian-vmlinux-pvh-boots.sh
EXTRA_DIST += \
	%D%/kernel/kernel-tests.sh \
	%D%/kernel/i386-apt.sh \
	%D%/kernel/extract-vmlinux.sh \
	%D%/kernel/fetch-debian-kernel.sh \
	%D%/kernel/make-initramfs.sh \
	%D%/kernel/make-file-cpio.sh

distclean-local:
	-rm -rf %D%/kernel/cache
