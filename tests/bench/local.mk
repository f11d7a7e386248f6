# SPDX-License-Identifier: GPL-2.0-or-later
# tests/bench/: benchmark scripts (make bench), never part of make check.

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
