# SPDX-License-Identifier: GPL-2.0-or-later
# tests/boot/: boot tests of the x86 stub's entry paths (added per entry protocol).
TAP_TEST_LIST += \
	%D%/pvh-probe.sh \
	%D%/elf64-pvh-probe.sh \
	%D%/vmlinux-probe-pvh.sh \
	%D%/multiboot-module-initrd.sh \
	%D%/command-line-policy.sh \
	%D%/elfnotes-coreboot-harness.sh \
	%D%/multiboot2-efi-harness.sh \
	%D%/e820-ext-real-kernel.sh \
	%D%/pvh-module-above-4g.sh

# tests/harness/: a test loader (a multiboot kernel for QEMU -kernel) that
# loads boot.elf from its module and enters it as an ELF boot notes or
# coreboot loader would. Built like the probe: $(STUB_CC), never user CFLAGS.
check_DATA += tests/harness/harness.elf
HARNESS_OBJS = tests/harness/harness-entry.o tests/harness/harness.o
HARNESS_DEPS = $(srcdir)/formats/coreboot.h $(srcdir)/formats/elfnote.h \
	$(srcdir)/formats/ipsum.h $(srcdir)/formats/multiboot.h \
	$(srcdir)/formats/multiboot2.h $(srcdir)/formats/efi.h
tests/harness/harness-entry.o: $(srcdir)/tests/harness/harness-entry.S
	@$(MKDIR_P) tests/harness
	$(AM_V_CC)$(STUB_CC) $(STUB_CFLAGS) -c -o $@ $(srcdir)/tests/harness/harness-entry.S
tests/harness/harness.o: $(srcdir)/tests/harness/harness.c $(HARNESS_DEPS)
	@$(MKDIR_P) tests/harness
	$(AM_V_CC)$(STUB_CC) $(STUB_CFLAGS) $(WARN_CFLAGS) -I$(top_srcdir) -c -o $@ \
		$(srcdir)/tests/harness/harness.c
# stubs/x86/lib.o: the stub's memset/memcpy/strlen, built with the same flags
tests/harness/harness.elf: $(HARNESS_OBJS) stubs/x86/lib.o $(srcdir)/tests/harness/harness.lds
	$(AM_V_CCLD)$(STUB_CC) $(STUB_LDFLAGS) -Wl,-T,$(srcdir)/tests/harness/harness.lds \
		-o $@ $(HARNESS_OBJS) stubs/x86/lib.o
EXTRA_DIST += tests/harness/harness-entry.S tests/harness/harness.c tests/harness/harness.lds
CLEANFILES += tests/harness/harness.elf $(HARNESS_OBJS)

# --verify-at-boot and --initrd-placement high (stubs/x86/verify.c, placement.c)
TAP_TEST_LIST += \
	%D%/verify-at-boot-detects-corruption.sh \
	%D%/placement-initrd-high.sh \
	%D%/placement-high-verify-debian-kernel.sh
