# SPDX-License-Identifier: GPL-2.0-or-later
# tests/alpha/: the Alpha probe kernel (a vmlinux-shaped ELF64 that reports
# the Linux/Alpha parameter page on COM1) and qemu-system-alpha boot tests.
# Without the alpha-linux-gnu toolchain the probe is not built and the tests
# skip, saying why; CI installs the toolchain (quickstart.sh PACKAGES).

TAP_TEST_LIST += \
	%D%/alpha-probe-gets-cmdline-and-initrd.sh \
	%D%/alpha-cmdline-policies-and-legacy-start.sh \
	%D%/alpha-rejects-bad-kernels.sh \
	%D%/alpha-image-well-formed-and-reproducible.sh \
	%D%/alpha-loader-initrd-when-image-has-none.sh \
	%D%/alpha-real-kernel-boots.sh
EXTRA_DIST += \
	%D%/alpha-lib.sh \
	%D%/kernel/PROVENANCE.md \
	%D%/kernel/build-kernel.sh \
	%D%/kernel/config-6.1-alpha \
	%D%/kernel/init.c \
	%D%/kernel/rd.cpio.gz \
	%D%/kernel/vmlinux.xz \
	%D%/probe-entry.S \
	%D%/probe.c \
	%D%/probe.lds

AM_TESTS_ENVIRONMENT += \
	ALPHA_SUPPORT='$(ALPHA_SUPPORT)'; export ALPHA_SUPPORT; \
	QEMU_ALPHA='$(QEMU_ALPHA)'; export QEMU_ALPHA;

if BUILD_ALPHA_STUB
ALPHA_SUPPORT = yes

# START_ADDR of a kernel with KERNEL_START_PHYS 0x1000000 (default) and
# 0x300000 (CONFIG_ALPHA_LEGACY_START_ADDRESS), formats/alpha.h.
check_DATA += \
	%D%/probe-0x1010000.elf \
	%D%/probe-0x310000.elf

ALPHA_PROBE_CFLAGS = -mcpu=ev67 -ffreestanding -fno-pic -fno-builtin \
	-fno-stack-protector -fno-asynchronous-unwind-tables -O2 -g0 -Wall -Wextra
ALPHA_PROBE_OBJECTS = %D%/probe-entry.o %D%/probe.o
ALPHA_PROBE_LINK = $(ALPHA_CC) -nostdlib -static -Wl,--build-id=none \
	-Wl,-z,noexecstack -Wl,--no-warn-rwx-segments -Wl,-T,$(srcdir)/%D%/probe.lds

%D%/probe-entry.o: %D%/probe-entry.S
	$(AM_V_CC)$(MKDIR_P) %D% && $(ALPHA_CC) $(ALPHA_PROBE_CFLAGS) -c -o $@ $(srcdir)/%D%/probe-entry.S
%D%/probe.o: %D%/probe.c formats/alpha.h
	$(AM_V_CC)$(MKDIR_P) %D% && $(ALPHA_CC) -I$(top_srcdir) $(ALPHA_PROBE_CFLAGS) -c -o $@ $(srcdir)/%D%/probe.c

%D%/probe-0x1010000.elf: $(ALPHA_PROBE_OBJECTS) %D%/probe.lds
	$(AM_V_GEN)$(ALPHA_PROBE_LINK) -Wl,--defsym,probe_start=0xfffffc0001010000 -o $@ $(ALPHA_PROBE_OBJECTS)
%D%/probe-0x310000.elf: $(ALPHA_PROBE_OBJECTS) %D%/probe.lds
	$(AM_V_GEN)$(ALPHA_PROBE_LINK) -Wl,--defsym,probe_start=0xfffffc0000310000 -o $@ $(ALPHA_PROBE_OBJECTS)

CLEANFILES += $(ALPHA_PROBE_OBJECTS) %D%/probe-0x1010000.elf %D%/probe-0x310000.elf
else
ALPHA_SUPPORT = no
endif
