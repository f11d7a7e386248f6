# SPDX-License-Identifier: GPL-2.0-or-later
# tests/arm64/: the arm64 probe kernel (a tiny Image that reports its entry
# state and device tree on QEMU virt's PL011) and qemu-system-aarch64 boot
# tests. Without the aarch64-linux-gnu compiler the probe is not built and
# the tests skip, saying why, unless MKELFIMAGE_REQUIRE_ARM64=1 (CI).

TAP_TEST_LIST += \
	%D%/arm64-rejects-bad-input.sh \
	%D%/arm64-plan-and-image-layout.sh \
	%D%/arm64-probe-qemu-virt-el1-el2.sh \
	%D%/arm64-cmdline-policies.sh \
	%D%/arm64-verify-at-boot.sh \
	%D%/arm64-debian-cloud-kernel-boots.sh \
	%D%/arm64-uboot-bootelf.sh
EXTRA_DIST += \
	tests/fdtprobe/report.c tests/fdtprobe/report.h \
	%D%/arm64-lib.sh \
	%D%/probe-entry.S \
	%D%/probe.c \
	%D%/probe.lds \
	%D%/README.md \
	%D%/fetch-busybox-arm64.sh

AM_TESTS_ENVIRONMENT += \
	ARM64_SUPPORT='$(ARM64_SUPPORT)'; export ARM64_SUPPORT; \
	QEMU_AARCH64='$(QEMU_AARCH64)'; export QEMU_AARCH64;

if BUILD_ARM64_STUB
ARM64_SUPPORT = yes

check_DATA += %D%/probe.Image %D%/probe.Image.gz

ARM64_PROBE_CFLAGS = -march=armv8-a -mcmodel=small -fno-pic -fno-pie -ffreestanding -fno-builtin \
	-fno-tree-loop-distribute-patterns -mgeneral-regs-only -mstrict-align \
	-fno-stack-protector -fno-asynchronous-unwind-tables -O2 -g0 -Wall -Wextra
ARM64_PROBE_OBJECTS = %D%/probe-entry.o %D%/probe.o %D%/probe-fdt.o %D%/probe-report.o %D%/probe-lib.o

%D%/probe-entry.o: %D%/probe-entry.S
	$(AM_V_CC)$(MKDIR_P) %D% && $(ARM64_CC) $(ARM64_PROBE_CFLAGS) -c -o $@ $(srcdir)/%D%/probe-entry.S
%D%/probe.o: %D%/probe.c stubs/common/fdt.h tests/fdtprobe/report.h
	$(AM_V_CC)$(MKDIR_P) %D% && $(ARM64_CC) -I$(top_srcdir) $(ARM64_PROBE_CFLAGS) -c -o $@ $(srcdir)/%D%/probe.c
%D%/probe-fdt.o: stubs/common/fdt.c stubs/common/fdt.h
	$(AM_V_CC)$(MKDIR_P) %D% && $(ARM64_CC) -I$(top_srcdir) $(ARM64_PROBE_CFLAGS) -c -o $@ $(srcdir)/stubs/common/fdt.c
%D%/probe-report.o: tests/fdtprobe/report.c tests/fdtprobe/report.h stubs/common/fdt.h
	$(AM_V_CC)$(MKDIR_P) %D% && $(ARM64_CC) -I$(top_srcdir) $(ARM64_PROBE_CFLAGS) -c -o $@ $(srcdir)/tests/fdtprobe/report.c
%D%/probe-lib.o: stubs/common/lib.c
	$(AM_V_CC)$(MKDIR_P) %D% && $(ARM64_CC) -I$(top_srcdir) $(ARM64_PROBE_CFLAGS) -c -o $@ $(srcdir)/stubs/common/lib.c

%D%/probe.elf: $(ARM64_PROBE_OBJECTS) %D%/probe.lds
	$(AM_V_CCLD)$(ARM64_CC) -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-z,noexecstack \
		-Wl,--no-warn-rwx-segments -Wl,-T,$(srcdir)/%D%/probe.lds -o $@ $(ARM64_PROBE_OBJECTS)
%D%/probe.Image: %D%/probe.elf
	$(AM_V_GEN)$(ARM64_OBJCOPY) -O binary %D%/probe.elf $@
%D%/probe.Image.gz: %D%/probe.Image
	$(AM_V_GEN)gzip -n -9 -c %D%/probe.Image >$@

CLEANFILES += $(ARM64_PROBE_OBJECTS) %D%/probe.elf %D%/probe.Image %D%/probe.Image.gz
else
ARM64_SUPPORT = no
endif
