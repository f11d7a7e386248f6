# SPDX-License-Identifier: GPL-2.0-or-later
# tests/probe/: the probe kernel, a fake Linux kernel in bzImage format that
# reports on COM1 what it was given (README.md), and mkprobe, which wraps its
# flat 32-bit code in bzImages of any boot protocol version.
#
# The 32-bit code is built with $(STUB_CC) and $(STUB_CFLAGS) by the explicit
# rules below, never with the user's CFLAGS. It is linked where it runs: one
# flat binary per load address.

check_PROGRAMS += %D%/mkprobe
%C%_mkprobe_SOURCES = %D%/mkprobe.c %D%/probe.h

# Flat binaries (tests build more bzImages from them with mkprobe) and the two
# default bzImages.
check_DATA += \
	%D%/probe-0x100000.bin \
	%D%/probe-0x1000000.bin \
	%D%/probe-2.15-reloc.bzImage \
	%D%/probe-2.02.bzImage \
	%D%/probe-vmlinux-i386

EXTRA_DIST += \
	%D%/README.md \
	%D%/probe.lds \
	%D%/probe-vmlinux.lds \
	%D%/probe-entry.S \
	%D%/probe.c

CLEANFILES += \
	%D%/probe32-entry.o \
	%D%/probe32-probe.o \
	%D%/probe-0x100000.elf \
	%D%/probe-0x1000000.elf \
	%D%/probe-0x100000.bin \
	%D%/probe-0x1000000.bin \
	%D%/probe-2.15-reloc.bzImage \
	%D%/probe-2.02.bzImage \
	%D%/probe-vmlinux-i386

PROBE_CFLAGS = $(STUB_CFLAGS) $(WARN_CFLAGS) -fno-delete-null-pointer-checks
PROBE_CPPFLAGS = -I$(top_srcdir) -I$(srcdir)/%D%
PROBE_OBJECTS = %D%/probe32-entry.o %D%/probe32-probe.o

%D%/probe32-entry.o: %D%/probe-entry.S %D%/probe.h
	$(AM_V_CC)$(MKDIR_P) %D% && \
	$(STUB_CC) $(PROBE_CPPFLAGS) $(PROBE_CFLAGS) -c -o $@ $(srcdir)/%D%/probe-entry.S

%D%/probe32-probe.o: %D%/probe.c %D%/probe.h formats/bootparams.h formats/pvh.h
	$(AM_V_CC)$(MKDIR_P) %D% && \
	$(STUB_CC) $(PROBE_CPPFLAGS) $(PROBE_CFLAGS) -c -o $@ $(srcdir)/%D%/probe.c

# probe_load_addr is the link address (probe.lds); the probe prints it.
PROBE_LINK = $(STUB_CC) $(STUB_LDFLAGS) -Wl,-T,$(srcdir)/%D%/probe.lds

%D%/probe-0x100000.elf: $(PROBE_OBJECTS) %D%/probe.lds
	$(AM_V_GEN)$(PROBE_LINK) -Wl,--defsym,probe_load_addr=0x100000 -o $@ $(PROBE_OBJECTS)

%D%/probe-0x1000000.elf: $(PROBE_OBJECTS) %D%/probe.lds
	$(AM_V_GEN)$(PROBE_LINK) -Wl,--defsym,probe_load_addr=0x1000000 -o $@ $(PROBE_OBJECTS)

%D%/probe-0x100000.bin: %D%/probe-0x100000.elf
	$(AM_V_GEN)$(OBJCOPY) -O binary %D%/probe-0x100000.elf $@

%D%/probe-0x1000000.bin: %D%/probe-0x1000000.elf
	$(AM_V_GEN)$(OBJCOPY) -O binary %D%/probe-0x1000000.elf $@

# Relocatable 2.15 kernel that wants to run at 16 MiB, like a distribution
# kernel (pref_address 0x1000000, 2 MiB alignment).
%D%/probe-2.15-reloc.bzImage: %D%/mkprobe$(EXEEXT) %D%/probe-0x1000000.bin
	$(AM_V_GEN)%D%/mkprobe$(EXEEXT) --code %D%/probe-0x1000000.bin \
		--protocol 2.15 --relocatable 1 --pref-address 0x1000000 \
		--kernel-alignment 0x200000 --init-size 0x800000 \
		--cmdline-size 2047 --initrd-addr-max 0x7fffffff -o $@

# The oldest protocol mkelfimage accepts: not relocatable, loaded at 1 MiB.
%D%/probe-2.02.bzImage: %D%/mkprobe$(EXEEXT) %D%/probe-0x100000.bin
	$(AM_V_GEN)%D%/mkprobe$(EXEEXT) --code %D%/probe-0x100000.bin \
		--protocol 2.02 --relocatable 0 -o $@

# The same objects linked as an i386 vmlinux with a PVH note (probe-vmlinux.lds):
# ELF32 EM_386, PT_LOADs at 16 MiB like a distribution kernel's p_paddr.
%D%/probe-vmlinux-i386: $(PROBE_OBJECTS) %D%/probe-vmlinux.lds
	$(AM_V_GEN)$(STUB_CC) $(STUB_LDFLAGS) -Wl,-T,$(srcdir)/%D%/probe-vmlinux.lds \
		-Wl,--defsym,probe_load_addr=0x1000000 -o $@ $(PROBE_OBJECTS)
