# SPDX-License-Identifier: GPL-2.0-or-later
# tests/fuzz/: libFuzzer targets and their seed corpora.
#
#   make -j2 fuzz                build every target, run each for FUZZ_SECONDS (default 30), two at a time
#   make fuzz FUZZ_SECONDS=60    (CI)
#
# The targets are built by explicit rules with $(FUZZ_CC) (clang) and
# -fsanitize=fuzzer,address,undefined, never with CC/CFLAGS. Seeds: the small
# files in corpus/<target>/ (checked in: regressions, each with its recipe in
# corpus/README) plus files generated at build time in the build tree
# (seeds/<target>/: the probe kernels and tests/bad/make-bad-kernels.sh output).
# New inputs libFuzzer finds go to fuzz-work/<target>/ in the build tree,
# crashes to fuzz-work/crash-<target>-*.
FUZZ_TARGETS = bzimage elfimage initrd-kind template fdt
FUZZ_SECONDS = 30
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-I$(top_srcdir) -I$(top_builddir) $(WARN_CFLAGS)

EXTRA_DIST += \
	%D%/fuzz-bzimage.c %D%/fuzz-elfimage.c %D%/fuzz-initrd-kind.c %D%/fuzz-template.c \
	%D%/fuzz-fdt.c \
	%D%/corpus \
	%D%/make-seeds.sh \
	%D%/replay-corpus.sh
CLEANFILES += $(FUZZ_TARGETS:%=%D%/fuzz-%)
clean-local: clean-fuzz
clean-fuzz:
	-rm -rf %D%/seeds %D%/fuzz-work

%D%/fuzz-bzimage: $(srcdir)/%D%/fuzz-bzimage.c $(srcdir)/formats/bzimage.c \
		$(srcdir)/formats/fmt_error.c $(srcdir)/formats/bzimage.h config.h
	@$(MKDIR_P) %D%
	$(AM_V_CCLD)$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $(srcdir)/%D%/fuzz-bzimage.c \
		$(srcdir)/formats/bzimage.c $(srcdir)/formats/fmt_error.c

%D%/fuzz-elfimage: $(srcdir)/%D%/fuzz-elfimage.c $(srcdir)/formats/elfimage.c \
		$(srcdir)/formats/x86_vmlinux.c $(srcdir)/formats/notewalk.c $(srcdir)/formats/signote.c \
		$(srcdir)/formats/fmt_error.c $(srcdir)/formats/elfimage.h $(srcdir)/formats/x86_vmlinux.h \
		$(srcdir)/formats/signote.h config.h
	@$(MKDIR_P) %D%
	$(AM_V_CCLD)$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $(srcdir)/%D%/fuzz-elfimage.c \
		$(srcdir)/formats/elfimage.c $(srcdir)/formats/x86_vmlinux.c $(srcdir)/formats/notewalk.c \
		$(srcdir)/formats/signote.c $(srcdir)/formats/fmt_error.c -lelf

%D%/fuzz-initrd-kind: $(srcdir)/%D%/fuzz-initrd-kind.c $(srcdir)/formats/initrd_kind.c \
		$(srcdir)/formats/initrd_kind.h config.h
	@$(MKDIR_P) %D%
	$(AM_V_CCLD)$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $(srcdir)/%D%/fuzz-initrd-kind.c \
		$(srcdir)/formats/initrd_kind.c

%D%/fuzz-template: $(srcdir)/%D%/fuzz-template.c $(srcdir)/mkelfimage/template.c \
		$(srcdir)/mkelfimage/inputfile.c $(srcdir)/common/fdio.c \
		$(srcdir)/common/report.c $(srcdir)/mkelfimage/template.h config.h
	@$(MKDIR_P) %D%
	$(AM_V_CCLD)$(FUZZ_CC) $(FUZZ_FLAGS) -I$(top_srcdir)/mkelfimage -o $@ $(srcdir)/%D%/fuzz-template.c \
		$(srcdir)/mkelfimage/template.c $(srcdir)/mkelfimage/inputfile.c $(srcdir)/common/fdio.c \
		$(srcdir)/common/report.c -lyaml

%D%/fuzz-fdt: $(srcdir)/%D%/fuzz-fdt.c $(srcdir)/stubs/common/fdt.c $(srcdir)/stubs/common/fdt.h config.h
	@$(MKDIR_P) %D%
	$(AM_V_CCLD)$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $(srcdir)/%D%/fuzz-fdt.c $(srcdir)/stubs/common/fdt.c

# Seeds: the probe kernels (tests/probe), the bad kernels (tests/bad), bootelf's
# test images (tests/bootelf), images mkelfimage makes, the templates.
%D%/seeds/elfimage.stamp: $(srcdir)/%D%/make-seeds.sh $(srcdir)/tests/bootelf/make-bad-images.sh \
		$(srcdir)/tests/bad/make-bad-vmlinux.sh \
		tests/bootelf/mkelf$(EXEEXT) mkelfimage/mkelfimage$(EXEEXT) \
		tests/probe/probe-2.15-reloc.bzImage tests/probe/probe-2.02.bzImage \
		tests/probe/probe-vmlinux-i386
	$(AM_V_GEN)$(SHELL) $(srcdir)/%D%/make-seeds.sh elfimage $(top_srcdir) . %D%/seeds/elfimage && touch $@
%D%/seeds/initrd-kind.stamp: $(srcdir)/%D%/make-seeds.sh tests/probe/probe-2.15-reloc.bzImage
	$(AM_V_GEN)$(SHELL) $(srcdir)/%D%/make-seeds.sh initrd-kind $(top_srcdir) . %D%/seeds/initrd-kind && touch $@
%D%/seeds/fdt.stamp: $(srcdir)/%D%/make-seeds.sh
	$(AM_V_GEN)QEMU_AARCH64='$(QEMU_AARCH64)' $(SHELL) $(srcdir)/%D%/make-seeds.sh fdt $(top_srcdir) . %D%/seeds/fdt && touch $@
%D%/seeds/template.stamp: $(srcdir)/%D%/make-seeds.sh
	$(AM_V_GEN)$(SHELL) $(srcdir)/%D%/make-seeds.sh template $(top_srcdir) . %D%/seeds/template && touch $@
%D%/seeds/bzimage.stamp: $(srcdir)/%D%/make-seeds.sh $(srcdir)/tests/bad/make-bad-kernels.sh \
		tests/probe/probe-2.15-reloc.bzImage tests/probe/probe-2.02.bzImage \
		tests/probe/mkprobe$(EXEEXT) tests/probe/probe-0x1000000.bin
	$(AM_V_GEN)$(SHELL) $(srcdir)/%D%/make-seeds.sh bzimage $(top_srcdir) . %D%/seeds/bzimage && touch $@

if BUILD_FUZZERS
# One rule per target, so `make -j2 fuzz` runs two at a time (each for
# FUZZ_SECONDS of wall time on its own core). Not .PHONY: make skips the
# pattern-rule search for phony targets; no file fuzz-run-* is ever made.
fuzz: $(FUZZ_TARGETS:%=fuzz-run-%)
fuzz-run-%: %D%/fuzz-% %D%/seeds/%.stamp
	@target=$*; work=%D%/fuzz-work/$$target; mkdir -p $$work; \
	echo "fuzz: $$target for $(FUZZ_SECONDS) s"; \
	%D%/fuzz-$$target -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=1024 -close_fd_mask=2 \
		-print_final_stats=1 -artifact_prefix=%D%/fuzz-work/crash-$$target- \
		$$work %D%/seeds/$$target $(srcdir)/%D%/corpus/$$target 2>%D%/fuzz-work/$$target.log || \
		{ tail -n 60 %D%/fuzz-work/$$target.log; echo "fuzz: $$target FAILED (input in %D%/fuzz-work/crash-$$target-*)"; exit 1; }; \
	echo "fuzz: $$target: $$(grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' %D%/fuzz-work/$$target.log | tr '\n' ' ')"

# make check replays the seeds and regressions through each target (no fuzzing).
check_DATA += $(FUZZ_TARGETS:%=%D%/fuzz-%) $(FUZZ_TARGETS:%=%D%/seeds/%.stamp)
else
fuzz:
	@echo "fuzz: no libFuzzer compiler (configure found FUZZ_CC=$(FUZZ_CC)); install the Debian package clang" >&2; exit 1
endif
TAP_TEST_LIST += %D%/replay-corpus.sh
.PHONY: fuzz clean-fuzz
