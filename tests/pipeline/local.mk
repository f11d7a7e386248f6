# SPDX-License-Identifier: GPL-2.0-or-later
# tests/pipeline/: mkelfimage for build systems: --plan, --manifest (JSON read
# back with python3), --max-size, YAML templates (their errors, overrides and
# every shipped template booted through its loader), --compress-initrd and
# initrd kind warnings; extract and the edits, of bzImage and vmlinux images.
TAP_TEST_LIST += \
	%D%/plan-and-manifest.sh \
	%D%/plan-json-and-manifest-paths.sh \
	%D%/template-overrides-and-errors.sh \
	%D%/shipped-templates.sh
TAP_TEST_LIST += \
	%D%/compress-initrd.sh \
	%D%/compress-initrd-zstd-lz4.sh \
	%D%/inspect-image.sh \
	%D%/extract-and-edit.sh \
	%D%/multiboot2-header-and-edits.sh \
	%D%/vmlinux-edits.sh \
	%D%/edits-keep-the-file.sh \
	%D%/reproducible-anywhere.sh \
	%D%/real-kernel-pipeline.sh

# Initrd kinds by signature (formats/initrd_kind.c), C, TAP on stdout
check_PROGRAMS += %D%/initrd-kind-test
%C%_initrd_kind_test_SOURCES = %D%/initrd-kind-test.c
%C%_initrd_kind_test_LDADD = formats/libformats.a
TESTS += %D%/initrd-kind-test
