# SPDX-License-Identifier: GPL-2.0-or-later
# stubs/x86/: the freestanding 32-bit stub, turned into stub_x86_blob.c.
#
# The stub is built by explicit rules with $(STUB_CC) and $(STUB_CFLAGS) only:
# the user's CFLAGS (sanitizers, -fPIE, ...) must never reach freestanding
# code, so it is not an automake program. Objects go to the build tree.

%C%_stub_headers = \
	$(srcdir)/%D%/stub.h \
	$(srcdir)/formats/bootparams.h \
	$(srcdir)/formats/coreboot.h \
	$(srcdir)/formats/efi.h \
	$(srcdir)/formats/elfnote.h \
	$(srcdir)/formats/ipsum.h \
	$(srcdir)/formats/multiboot.h \
	$(srcdir)/formats/multiboot2.h \
	$(srcdir)/formats/pvh.h \
	$(srcdir)/formats/sha256.h \
	$(srcdir)/formats/stubparam.h
%C%_stub_sources = \
	%D%/entry.S \
	%D%/stub_main.c \
	%D%/bootlog.c \
	%D%/params.c \
	%D%/bootinfo.c \
	%D%/multiboot.c \
	%D%/multiboot2.c \
	%D%/efi.c \
	%D%/pvh.c \
	%D%/elfnotes.c \
	%D%/coreboot.c \
	%D%/cmos.c \
	%D%/initrd.c \
	%D%/placement.c \
	%D%/verify.c \
	%D%/bootparams.c \
	%D%/pvhkernel.c \
	%D%/cmdline.c \
	%D%/console.c \
	%D%/lib.c
%C%_stub_c_objects = $(patsubst %.c,%.o,$(filter %.c,$(%C%_stub_sources)))
%C%_stub_objects = %D%/entry.o $(%C%_stub_c_objects) %D%/sha256.o
%C%_STUB_COMPILE = $(STUB_CC) $(STUB_CFLAGS) -I$(top_srcdir) -Wall -Wextra

# A static pattern rule: only the stub's own objects, never the host stubblob.o.
$(%C%_stub_c_objects): %D%/%.o: $(srcdir)/%D%/%.c $(%C%_stub_headers)
	@$(MKDIR_P) %D%
	$(AM_V_CC)$(%C%_STUB_COMPILE) -c -o $@ $(srcdir)/%D%/$*.c
%D%/entry.o: $(srcdir)/%D%/entry.S $(%C%_stub_headers)
	@$(MKDIR_P) %D%
	$(AM_V_CC)$(%C%_STUB_COMPILE) -c -o $@ $(srcdir)/%D%/entry.S
# The SHA-256 of libformats, compiled again freestanding for --verify-at-boot.
%D%/sha256.o: $(srcdir)/formats/sha256.c $(srcdir)/formats/sha256.h
	@$(MKDIR_P) %D%
	$(AM_V_CC)$(%C%_STUB_COMPILE) -c -o $@ $(srcdir)/formats/sha256.c

# -Wl,-q (--emit-relocs) keeps the relocations stubblob lists for mkelfimage.
%D%/stub.elf: $(%C%_stub_objects) $(srcdir)/%D%/stub.lds
	@$(MKDIR_P) %D%
	$(AM_V_CCLD)$(STUB_CC) $(STUB_LDFLAGS) -Wl,-q -T $(top_srcdir)/%D%/stub.lds \
		-o $@ $(%C%_stub_objects)

# The host program that turns stub.elf into C (bytes + relocation offsets).
noinst_PROGRAMS += %D%/stubblob
%C%_stubblob_SOURCES = %D%/stubblob.c

%D%/stub_x86_blob.c: %D%/stub.elf %D%/stubblob$(EXEEXT)
	$(AM_V_GEN)./%D%/stubblob$(EXEEXT) %D%/stub.elf $@

BUILT_SOURCES += %D%/stub_x86_blob.c
CLEANFILES += %D%/stub_x86_blob.c %D%/stub.elf $(%C%_stub_objects)
EXTRA_DIST += $(%C%_stub_sources) %D%/stub.h %D%/stub.lds
