# SPDX-License-Identifier: GPL-2.0-or-later
# mkelfimage/: the command line, the build pipeline, the kernel formats and
# arches behind their tables, and the subcommands that read images.
bin_PROGRAMS += %D%/mkelfimage
%C%_mkelfimage_SOURCES = \
	%D%/main.c \
	%D%/options.c %D%/options.h %D%/spec.h \
	%D%/template.c %D%/template.h \
	%D%/build.c %D%/build.h \
	%D%/inputfile.c %D%/inputfile.h \
	%D%/inputs.c %D%/inputs.h \
	%D%/initrdprep.c %D%/initrdprep.h \
	%D%/kconfig.c %D%/kconfig.h \
	%D%/ikconfig.c %D%/ikconfig.h \
	%D%/compress.c %D%/compress.h \
	%D%/compress_io.c %D%/compress_io.h \
	%D%/compress_zstd_lz4.c %D%/compress_zstd_lz4.h %D%/decode_rules.h \
	%D%/kernel.h %D%/kernels.c \
	%D%/kernel_bzimage.c \
	%D%/kernel_vmlinux.c \
	%D%/kernel_alpha.c \
	%D%/kernel_flat.c %D%/kernel_flat.h \
	%D%/kernel_arm64.c \
	%D%/kernel_riscv64.c \
	%D%/kernel_elf.c %D%/kernel_elf.h \
	%D%/arch.h %D%/arches.c \
	%D%/arch_x86.c \
	%D%/arch_alpha.c \
	%D%/arch_fdt.c %D%/arch_fdt.h \
	%D%/arch_arm64.c \
	%D%/arch_riscv64.c \
	%D%/dtb.c %D%/dtb.h stubs/common/fdt.c stubs/common/fdt.h \
	%D%/plan.c %D%/plan.h \
	%D%/plan_rules.c %D%/plan_rules.h \
	%D%/plan_print.c %D%/plan_print.h \
	%D%/plan_json.c %D%/plan_json.h \
	%D%/notes.c %D%/notes.h \
	%D%/records.c %D%/records.h \
	%D%/bootnotes.c %D%/bootnotes.h \
	%D%/setupnote.c %D%/setupnote.h \
	%D%/digest.c %D%/digest.h \
	%D%/elfboot_sum.c %D%/elfboot_sum.h \
	%D%/stub.c %D%/stub.h %D%/stub_blob.h \
	%D%/copy.c %D%/copy.h \
	%D%/elfwrite.c %D%/elfwrite.h \
	%D%/output.c %D%/output.h \
	%D%/manifest.c %D%/manifest.h \
	%D%/manifest_path.c %D%/manifest_path.h \
	%D%/imageread.c %D%/imageread.h \
	%D%/inspect.c %D%/inspect.h \
	%D%/imagesum.c %D%/imagesum.h \
	%D%/extract.c %D%/extract.h \
	%D%/minvmlinux.c %D%/minvmlinux.h \
	%D%/edit.c %D%/edit.h \
	%D%/signer.c %D%/signer.h \
	%D%/signature.c %D%/signature.h \
	%D%/verify.c %D%/verify.h
nodist_%C%_mkelfimage_SOURCES = stubs/x86/stub_x86_blob.c stubs/alpha/stub_alpha_blob.c stubs/arm64/stub_arm64_blob.c stubs/riscv64/stub_riscv64_blob.c
%C%_mkelfimage_LDADD = common/libcommon.a formats/libformats.a
