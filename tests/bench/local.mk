# SPDX-License-Identifier: GPL-2.0-or-later
# tests/bench/: benchmark scripts (make bench), never part of make check.
# (BENCH_SCRIPT_LIST, not *_SCRIPTS: automake would read a primary.)
# They print Markdown tables (README.md, Performance); BENCH_SIZES,
# BENCH_RUNS and BENCH_DIR tune them (see each script's header).
BENCH_SCRIPT_LIST = \
	%D%/build-speed.sh \
	%D%/edit-speed.sh \
	%D%/boot-cost.sh \
	%D%/cbfstool-vs-mkelfimage.sh
EXTRA_DIST += $(BENCH_SCRIPT_LIST) %D%/bench-lib.sh

bench: all
	@for script in $(BENCH_SCRIPT_LIST); do \
		echo "== $$script"; \
		top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
		MKELFIMAGE='$(abs_top_builddir)/mkelfimage/mkelfimage' \
		QEMU='$(QEMU_X86_64)' bash $(srcdir)/$$script || exit 1; \
	done
.PHONY: bench

# bootelf against kexec-tools: one kexec reboot each in QEMU guests
# (tests/bench/bootelf-vs-kexec.sh; BENCH_RUNS runs per loader).
bench_bootelf_list = %D%/bootelf-vs-kexec.sh
EXTRA_DIST += $(bench_bootelf_list)
bench: bench-bootelf
bench-bootelf: all $(check_PROGRAMS)
	@for script in $(bench_bootelf_list); do \
		echo "== $$script"; \
		$(AM_TESTS_ENVIRONMENT) $(SHELL) $(srcdir)/$$script || exit 1; \
	done
.PHONY: bench-bootelf

# GRUB EFI multiboot2 against GRUB EFI linux under OVMF, alternating
# (tests/bench/uefi-boot-cost.sh; BENCH_RUNS boots of each).
bench_uefi_list = %D%/uefi-boot-cost.sh
EXTRA_DIST += $(bench_uefi_list)
bench: bench-uefi
bench-uefi: all
	@for script in $(bench_uefi_list); do \
		echo "== $$script"; \
		$(AM_TESTS_ENVIRONMENT) $(SHELL) $(srcdir)/$$script || exit 1; \
	done
.PHONY: bench-uefi
