# SPDX-License-Identifier: GPL-2.0-or-later
# tests/riscv64/: the riscv64 probe kernel (a tiny RISC-V Image that reports
# its entry state and device tree on QEMU virt's NS16550), a real Linux 6.1
# riscv64 kernel (kernel/PROVENANCE.md) and qemu-system-riscv64 boot tests
# under OpenSBI and U-Boot. Without the riscv64-linux-gnu compiler the probe
# is not built and the tests skip, saying why, unless
# MKELFIMAGE_REQUIRE_RISCV64=1 (CI).

TAP_TEST_LIST += \
	%D%/riscv64-rejects-bad-input.sh \
	%D%/riscv64-plan-and-image-layout.sh \
	%D%/riscv64-probe-opensbi.sh \
	%D%/riscv64-linux-boots.sh \
	%D%/riscv64-uboot-bootelf.sh \
	%D%/riscv64-inspect-extract-edit.sh
EXTRA_DIST += \
	%D%/riscv64-lib.sh \
	%D%/probe-entry.S \
	%D%/probe.c \
	%D%/probe.lds \
	%D%/kernel/PROVENANCE.md \
	%D%/kernel/build-kernel.sh \
	%D%/kernel/config-6.1-riscv64 \
	%D%/kernel/init.c \
	%D%/kernel/fdtprobe.S \
	%D%/kernel/rd.cpio.gz \
	%D%/kernel/Image.xz

AM_TESTS_ENVIRONMENT += \
	RISCV64_SUPPORT='$(RISCV64_SUPPORT)'; export RISCV64_SUPPORT; \
	QEMU_RISCV64='$(QEMU_RISCV64)'; export QEMU_RISCV64;

if BUILD_RISCV64_STUB
RISCV64_SUPPORT = yes

check_DATA += %D%/probe.Image

RISCV64_PROBE_CFLAGS = -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany -mno-relax \
	-fno-pic -fno-pie -ffreestanding -fno-builtin -fno-tree-loop-distribute-patterns \
	-fno-stack-protector -fno-asynchronous-unwind-tables -O2 -g0 -Wall -Wextra
RISCV64_PROBE_OBJECTS = %D%/probe-entry.o %D%/probe.o %D%/probe-fdt.o %D%/probe-report.o %D%/probe-lib.o

%D%/probe-entry.o: %D%/probe-entry.S
	$(AM_V_CC)$(MKDIR_P) %D% && $(RISCV64_CC) $(RISCV64_PROBE_CFLAGS) -c -o $@ $(srcdir)/%D%/probe-entry.S
%D%/probe.o: %D%/probe.c stubs/common/fdt.h tests/fdtprobe/report.h
	$(AM_V_CC)$(MKDIR_P) %D% && $(RISCV64_CC) -I$(top_srcdir) $(RISCV64_PROBE_CFLAGS) -c -o $@ $(srcdir)/%D%/probe.c
%D%/probe-fdt.o: stubs/common/fdt.c stubs/common/fdt.h
	$(AM_V_CC)$(MKDIR_P) %D% && $(RISCV64_CC) -I$(top_srcdir) $(RISCV64_PROBE_CFLAGS) -c -o $@ $(srcdir)/stubs/common/fdt.c
%D%/probe-report.o: tests/fdtprobe/report.c tests/fdtprobe/report.h stubs/common/fdt.h
	$(AM_V_CC)$(MKDIR_P) %D% && $(RISCV64_CC) -I$(top_srcdir) $(RISCV64_PROBE_CFLAGS) -c -o $@ $(srcdir)/tests/fdtprobe/report.c
%D%/probe-lib.o: stubs/common/lib.c
	$(AM_V_CC)$(MKDIR_P) %D% && $(RISCV64_CC) -I$(top_srcdir) $(RISCV64_PROBE_CFLAGS) -c -o $@ $(srcdir)/stubs/common/lib.c

%D%/probe.elf: $(RISCV64_PROBE_OBJECTS) %D%/probe.lds
	$(AM_V_CCLD)$(RISCV64_CC) -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-z,noexecstack \
		-Wl,--no-warn-rwx-segments -Wl,--no-relax -Wl,-T,$(srcdir)/%D%/probe.lds -o $@ $(RISCV64_PROBE_OBJECTS)
%D%/probe.Image: %D%/probe.elf
	$(AM_V_GEN)$(RISCV64_OBJCOPY) -O binary %D%/probe.elf $@

CLEANFILES += $(RISCV64_PROBE_OBJECTS) %D%/probe.elf %D%/probe.Image
else
RISCV64_SUPPORT = no
endif
