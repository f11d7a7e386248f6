# SPDX-License-Identifier: GPL-2.0-or-later
# loader/: bootelf, which boots an ELF image from a running Linux kernel through kexec_load(2).

%C%_bootelf_sources = \
	%D%/main.c \
	%D%/bootelf_options.c %D%/bootelf_options.h \
	%D%/memmap.c %D%/memmap.h \
	%D%/rsdp.c %D%/rsdp.h \
	%D%/mbi.c %D%/mbi.h \
	%D%/kexec_plan.c %D%/kexec_plan.h \
	%D%/kexec_planprint.c %D%/kexec_planprint.h \
	%D%/kexec.c %D%/kexec.h \
	%D%/signature.c %D%/signature.h \
	%D%/trampoline.h

# (section 8: it needs root; the only sbin program, so set here)
sbin_PROGRAMS = %D%/bootelf
%C%_bootelf_SOURCES = $(%C%_bootelf_sources)
nodist_%C%_bootelf_SOURCES = %D%/trampoline_blob.c
%C%_bootelf_LDADD = common/libcommon.a formats/libformats.a

# The trampoline: freestanding, position independent, no relocations, so
# its bytes are the blob (objcopy -O binary). Built with $(STUB_CC) and its
# own flags: it holds 64-bit and 32-bit code and must never see the user's
# CFLAGS. A relocation would mean an absolute address: refused.
%D%/trampoline.o: $(srcdir)/%D%/trampoline.S $(srcdir)/%D%/trampoline.h
	@$(MKDIR_P) %D%
	$(AM_V_CC)$(STUB_CC) -m64 -ffreestanding -fno-pie -nostdlib -I$(top_srcdir) -c -o $@ $(srcdir)/%D%/trampoline.S
%D%/trampoline.bin: %D%/trampoline.o
	$(AM_V_GEN)if LC_ALL=C readelf -rW %D%/trampoline.o | grep -q '^Relocation section'; then \
		echo "$@: trampoline.S has relocations (absolute addresses)" >&2; exit 1; fi; \
	$(OBJCOPY) -O binary -j .text %D%/trampoline.o $@
%D%/trampoline_blob.c: %D%/trampoline.bin
	$(AM_V_GEN){ echo '/* Generated from loader/trampoline.S by make: do not edit. */'; \
	  echo '#include "loader/trampoline.h"'; \
	  echo 'const uint8_t trampoline_blob[] = {'; \
	  od -An -v -tx1 %D%/trampoline.bin | $(SED) -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1, /g' -e 's/, $$/,/'; \
	  echo '};'; \
	  echo "const size_t trampoline_blob_size = sizeof(trampoline_blob);"; } >$@-t && mv $@-t $@

BUILT_SOURCES += %D%/trampoline_blob.c
CLEANFILES += %D%/trampoline.o %D%/trampoline.bin %D%/trampoline_blob.c
EXTRA_DIST += %D%/trampoline.S

# bootelf-static: the same program linked statically, to live in an
# initramfs (the guest tests copy it there). `make loader/bootelf-static`.
if BUILD_BOOTELF_STATIC
check_PROGRAMS += %D%/bootelf-static
%C%_bootelf_static_SOURCES = $(%C%_bootelf_sources)
nodist_%C%_bootelf_static_SOURCES = %D%/trampoline_blob.c
%C%_bootelf_static_LDADD = common/libcommon.a formats/libformats.a
%C%_bootelf_static_LDFLAGS = -static
endif

dist_man_MANS += doc/bootelf.8

# bootelf32-static: bootelf as a static 32-bit program, for the i386 guest
# test (and a 32-bit bootelf on an x86_64 kernel, which must still pass
# KEXEC_ARCH_X86_64). Not built by `make`: it needs 32-bit libc
# (libc6-dev-i386, lib32gcc-12-dev) and an i386 libelf.a and libz.a in
# BOOTELF32_LIBDIR (libelf-dev:i386 and zlib1g-dev:i386, or their unpacked
# .debs: tests/bootelf/bootelf-i386-guest.sh does that). No libcrypto:i386
# there, so it is built without signature checking (it refuses an image
# when a signature is required).
BOOTELF32_LIBDIR = /usr/lib/i386-linux-gnu
# Debian's x86 kernel and glibc headers are bi-arch; without gcc-multilib
# `gcc -m32` does not search the multiarch include directory by itself.
BOOTELF32_CPPFLAGS = -isystem /usr/include/x86_64-linux-gnu
%C%_bootelf32_sources = $(filter %.c,$(%C%_bootelf_sources)) common/report.c common/json.c common/fdio.c \
	formats/elfimage.c formats/fmt_error.c
%D%/bootelf32-static: $(addprefix $(srcdir)/,$(%C%_bootelf32_sources)) %D%/trampoline_blob.c
	$(AM_V_CCLD)$(CC) -m32 -static -O2 $(WARN_CFLAGS) -I$(top_srcdir) -I$(top_builddir) $(BOOTELF32_CPPFLAGS) \
		-DBOOTELF_WITHOUT_SIGNATURES \
		-o $@ $(addprefix $(srcdir)/,$(%C%_bootelf32_sources)) %D%/trampoline_blob.c \
		-L$(BOOTELF32_LIBDIR) -lelf -lz
CLEANFILES += %D%/bootelf32-static
