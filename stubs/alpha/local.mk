# SPDX-License-Identifier: GPL-2.0-or-later
# stubs/alpha/: the Alpha stub, built with the alpha-linux-gnu cross toolchain
# when configure finds it, and turned into stub_alpha_blob.c (bytes only: the
# stub is position independent, so there is no relocation table). Without the
# toolchain the blob is empty and mkelfimage refuses --arch alpha.
#
# Explicit rules with $(ALPHA_CC) and $(ALPHA_STUB_CFLAGS) only: the user's
# CFLAGS never reach freestanding code.

%C%_stub_sources = \
	%D%/header.S \
	%D%/entry.S \
	%D%/stub_main.c \
	%D%/cmdline.c \
	%D%/params.c \
	%D%/lib.c
EXTRA_DIST += $(%C%_stub_sources) %D%/stub.h %D%/stub.lds
BUILT_SOURCES += %D%/stub_alpha_blob.c
CLEANFILES += %D%/stub_alpha_blob.c

if BUILD_ALPHA_STUB
# ev4: the oldest Alpha, so the stub runs on any (no BWX byte loads needed
# for memory). -msmall-text and hidden visibility make every call a `bsr`,
# -msmall-data every datum GP-relative: nothing absolute, no GOT (stub.lds
# refuses one). --relax turns the remaining literal loads into GP-relative ones.
ALPHA_STUB_CFLAGS = -mcpu=ev4 -ffreestanding -fno-pic -fvisibility=hidden \
	-fno-builtin -fno-tree-loop-distribute-patterns -msmall-text -msmall-data \
	-mno-fp-regs -fno-stack-protector -fno-asynchronous-unwind-tables \
	-fno-unwind-tables -Os -g0 -Wall -Wextra
ALPHA_STUB_LINKFLAGS = -nostdlib -static -Wl,--relax -Wl,--build-id=none \
	-Wl,-z,noexecstack -Wl,--no-warn-rwx-segments

%C%_stub_headers = \
	$(srcdir)/%D%/stub.h \
	$(srcdir)/formats/alpha.h \
	$(srcdir)/formats/stubparam.h
%C%_stub_c_objects = $(patsubst %.c,%.o,$(filter %.c,$(%C%_stub_sources)))
%C%_stub_s_objects = $(patsubst %.S,%.o,$(filter %.S,$(%C%_stub_sources)))
%C%_stub_objects = $(%C%_stub_s_objects) $(%C%_stub_c_objects)
%C%_STUB_COMPILE = $(ALPHA_CC) $(ALPHA_STUB_CFLAGS) -I$(top_srcdir)

$(%C%_stub_c_objects): %D%/%.o: $(srcdir)/%D%/%.c $(%C%_stub_headers)
	@$(MKDIR_P) %D%
	$(AM_V_CC)$(%C%_STUB_COMPILE) -c -o $@ $(srcdir)/%D%/$*.c
$(%C%_stub_s_objects): %D%/%.o: $(srcdir)/%D%/%.S
	@$(MKDIR_P) %D%
	$(AM_V_CC)$(%C%_STUB_COMPILE) -c -o $@ $(srcdir)/%D%/$*.S

%D%/stub.elf: $(%C%_stub_objects) $(srcdir)/%D%/stub.lds
	$(AM_V_CCLD)$(ALPHA_CC) $(ALPHA_STUB_LINKFLAGS) -T $(srcdir)/%D%/stub.lds -o $@ $(%C%_stub_objects)

%D%/stub.bin: %D%/stub.elf
	$(AM_V_GEN)$(ALPHA_OBJCOPY) -O binary %D%/stub.elf $@

# The bytes as C: od prints them, sed makes the initializer.
%D%/stub_alpha_blob.c: %D%/stub.bin
	$(AM_V_GEN){ \
	  echo '/* Generated from stubs/alpha/stub.elf by stubs/alpha/local.mk; do not edit. */'; \
	  echo '#include "mkelfimage/stub_blob.h"'; \
	  echo 'static const uint8_t stub_alpha_bytes[] = {'; \
	  od -An -v -tx1 %D%/stub.bin | sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g' -e '/^$$/d'; \
	  echo '};'; \
	  echo 'const struct stub_blob stub_alpha_blob = {'; \
	  echo '	stub_alpha_bytes, sizeof(stub_alpha_bytes), NULL, 0'; \
	  echo '};'; \
	} > $@.tmp && mv $@.tmp $@

CLEANFILES += %D%/stub.elf %D%/stub.bin $(%C%_stub_objects)
else
# Remade when configure runs again, so a build directory that lost the
# toolchain does not keep an old stub.
%D%/stub_alpha_blob.c: Makefile
	$(AM_V_GEN){ \
	  echo '/* No Alpha cross toolchain at configure time: an empty blob. */'; \
	  echo '#include "mkelfimage/stub_blob.h"'; \
	  echo 'const struct stub_blob stub_alpha_blob = { NULL, 0, NULL, 0 };'; \
	} > $@
endif
