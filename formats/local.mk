# SPDX-License-Identifier: GPL-2.0-or-later
# formats/: one parser per on-disk format, shared headers for the stubs.
noinst_LIBRARIES += %D%/libformats.a
%C%_libformats_a_SOURCES = \
	%D%/fmt_error.c %D%/fmt_error.h \
	%D%/bzimage.c %D%/bzimage.h \
	%D%/elfimage.c %D%/elfimage.h \
	%D%/initrd_kind.c %D%/initrd_kind.h \
	%D%/notewalk.c %D%/notewalk.h %D%/le.h %D%/setupnote.h \
	%D%/alpha_vmlinux.c %D%/alpha_vmlinux.h %D%/alpha.h \
	%D%/arm64_image.c %D%/arm64_image.h %D%/arm64.h %D%/fdtstub.h \
	%D%/pe_extent.c %D%/pe_extent.h \
	%D%/riscv64_image.c %D%/riscv64_image.h %D%/riscv64.h \
	%D%/x86_vmlinux.c %D%/x86_vmlinux.h \
	%D%/signote.c %D%/signote.h \
	%D%/sha256.c %D%/sha256.h %D%/digestnote.h %D%/records.h \
	%D%/sha256_host.c %D%/sha256_host.h \
	%D%/bootparams.h %D%/multiboot.h %D%/multiboot2.h %D%/efi.h %D%/stubparam.h \
	%D%/pvh.h %D%/elfnote.h %D%/coreboot.h %D%/ipsum.h
