# SPDX-License-Identifier: GPL-2.0-or-later
# mkelfimage/: the command line, the plan and the ELF writer.
bin_PROGRAMS += %D%/mkelfimage
%C%_mkelfimage_SOURCES = \
	%D%/main.c \
	%D%/options.c %D%/options.h \
	%D%/inputs.c %D%/inputs.h \
	%D%/plan.c %D%/plan.h \
	%D%/notes.c %D%/notes.h \
	%D%/digest.c %D%/digest.h \
	%D%/bootnotes.c %D%/bootnotes.h \
	%D%/elfboot_sum.c %D%/elfboot_sum.h \
	%D%/stub.c %D%/stub.h \
	%D%/write.c %D%/write.h \
	%D%/copy.c %D%/copy.h \
	%D%/output.c %D%/output.h \
	%D%/planreport.c %D%/planreport.h \
	%D%/manifest.c %D%/manifest.h \
	%D%/template.c %D%/template.h \
	%D%/initrdprep.c %D%/initrdprep.h \
	%D%/compress.c %D%/compress.h \
	%D%/vmlinux.c %D%/vmlinux.h \
	%D%/elfkernel.c %D%/elfkernel.h \
	%D%/imageread.c %D%/imageread.h \
	%D%/inspect.c %D%/inspect.h \
	%D%/extract.c %D%/extract.h \
	%D%/minvmlinux.c %D%/minvmlinux.h \
	%D%/edit.c %D%/edit.h \
	%D%/setupnote.c %D%/setupnote.h \
	%D%/arch_alpha.c %D%/arch_alpha.h \
	%D%/stub_blob.h
nodist_%C%_mkelfimage_SOURCES = stubs/x86/stub_x86_blob.c stubs/alpha/stub_alpha_blob.c
%C%_mkelfimage_LDADD = common/libcommon.a formats/libformats.a
