# SPDX-License-Identifier: GPL-2.0-or-later
# tests/bootelf/: bootelf tests (bad images on the host with --dry-run; boots only inside QEMU guests).

# The ELF image reader shared by bootelf and `mkelfimage inspect`.
check_PROGRAMS += %D%/elfimage-test
%C%_elfimage_test_SOURCES = %D%/elfimage-test.c
%C%_elfimage_test_LDADD = formats/libformats.a
TESTS += %D%/elfimage-test

# Shared with the kexec-tools tests: a reproducible guest initramfs with
# programs and the libraries they need.
EXTRA_DIST += tests/kernel/make-guest-initramfs.sh

# Boots inside QEMU guests only (a Debian kernel runs bootelf from its initramfs).
BOOTELF_TAP_TESTS = \
	%D%/bootelf-rejects-bad-images.sh \
	%D%/bootelf-help-manpage-agree.sh \
	%D%/bootelf-boots-probe-in-guest.sh \
	%D%/bootelf-boots-debian-kernel-in-guest.sh \
	%D%/bootelf-i386-guest.sh
TESTS += $(BOOTELF_TAP_TESTS)
EXTRA_DIST += $(BOOTELF_TAP_TESTS) %D%/bootelf-guest.sh %D%/make-bad-images.sh %D%/README
# mkelf writes the test images from readable descriptions (make-bad-images.sh).
check_PROGRAMS += %D%/mkelf
%C%_mkelf_SOURCES = %D%/mkelf.c
