# SPDX-License-Identifier: GPL-2.0-or-later
# stubs/arm64/: the arm64 stub, built with the aarch64-linux-gnu cross
# compiler when configure finds it, and turned into stub_arm64_blob.c (bytes
# only: the stub is position independent, so there is no relocation table).
# Without the compiler the blob is empty and mkelfimage refuses --arch arm64.
# The boot flow, the device tree editor and the rest both device-tree stubs
# share are in stubs/common/ (stubs/common/local.mk), compiled here with the
# arm64 compiler.
#
# Explicit rules with $(ARM64_CC) and $(ARM64_STUB_CFLAGS) only: the user's
# CFLAGS never reach freestanding code.

%C%_stub_sources = \
	%D%/entry.S \
	%D%/enter.c \
	%D%/console.c \
	%D%/cache.c
EXTRA_DIST += $(%C%_stub_sources)
BUILT_SOURCES += %D%/stub_arm64_blob.c
CLEANFILES += %D%/stub_arm64_blob.c

if BUILD_ARM64_STUB
# -mcmodel=small without PIC: every reference is adrp/adr, PC-relative, and
# nothing absolute lands in data (stub.lds refuses a GOT). General registers
# only (no FP/SIMD state to set up) and strict alignment: with the MMU off
# all memory is Device memory, where an unaligned access faults.
ARM64_STUB_CFLAGS = -march=armv8-a -mcmodel=small -fno-pic -fno-pie -ffreestanding \
	-fno-builtin -fno-tree-loop-distribute-patterns -mgeneral-regs-only -mstrict-align \
	-fno-stack-protector -fno-asynchronous-unwind-tables -fno-unwind-tables \
	-Os -g0 -Wall -Wextra
ARM64_STUB_LINKFLAGS = -nostdlib -static -no-pie -Wl,--build-id=none \
	-Wl,-z,noexecstack -Wl,--no-warn-rwx-segments

%C%_stub_headers = $(FDT_STUB_INCLUDES) $(srcdir)/formats/arm64.h
%C%_stub_c_objects = $(patsubst %.c,%.o,$(filter %.c,$(%C%_stub_sources)))
%C%_stub_s_objects = $(patsubst %.S,%.o,$(filter %.S,$(%C%_stub_sources)))
%C%_common_objects = $(FDT_STUB_COMMON:%=%D%/common-%.o) %D%/sha256.o
%C%_stub_objects = %D%/common-header.o $(%C%_stub_s_objects) $(%C%_stub_c_objects) $(%C%_common_objects)
%C%_STUB_COMPILE = $(ARM64_CC) $(ARM64_STUB_CFLAGS) -I$(top_srcdir)

$(%C%_stub_c_objects): %D%/%.o: $(srcdir)/%D%/%.c $(%C%_stub_headers)
	@$(MKDIR_P) %D%
	$(AM_V_CC)$(%C%_STUB_COMPILE) -c -o $@ $(srcdir)/%D%/$*.c
$(%C%_stub_s_objects): %D%/%.o: $(srcdir)/%D%/%.S
	@$(MKDIR_P) %D%
	$(AM_V_CC)$(%C%_STUB_COMPILE) -c -o $@ $(srcdir)/%D%/$*.S
%D%/common-%.o: $(srcdir)/stubs/common/%.c $(%C%_stub_headers)
	@$(MKDIR_P) %D%
	$(AM_V_CC)$(%C%_STUB_COMPILE) -c -o $@ $(srcdir)/stubs/common/$*.c
%D%/common-header.o: $(srcdir)/stubs/common/header.S
	@$(MKDIR_P) %D%
	$(AM_V_CC)$(%C%_STUB_COMPILE) -c -o $@ $(srcdir)/stubs/common/header.S
%D%/sha256.o: $(srcdir)/formats/sha256.c $(srcdir)/formats/sha256.h
	@$(MKDIR_P) %D%
	$(AM_V_CC)$(%C%_STUB_COMPILE) -c -o $@ $(srcdir)/formats/sha256.c

# -q keeps the relocations: an absolute one (R_AARCH64_ABS64/32) outside
# the header's link-time offsets would be wrong wherever the stub is placed,
# so the link fails on any.
%D%/stub.elf: $(%C%_stub_objects) $(srcdir)/stubs/common/stub.lds
	$(AM_V_CCLD)$(ARM64_CC) $(ARM64_STUB_LINKFLAGS) -Wl,-q -T $(srcdir)/stubs/common/stub.lds -o $@.tmp $(%C%_stub_objects) && \
	if $(ARM64_READELF) -rW $@.tmp | awk '/^Relocation section/ { sec = $$3 } \
	    /R_AARCH64_(ABS|PREL64)/ && sec != "'"'"'.rela.stub.header'"'"'" { print; bad = 1 } END { exit !bad }' >&2; then \
	  echo "$@: absolute relocations in the stub (above)" >&2; rm -f $@.tmp; exit 1; \
	fi && mv $@.tmp $@

%D%/stub.bin: %D%/stub.elf
	$(AM_V_GEN)$(ARM64_OBJCOPY) -O binary %D%/stub.elf $@

# The bytes as C
%D%/stub_arm64_blob.c: %D%/stub.bin $(srcdir)/stubs/common/stub-blob.sh
	$(AM_V_GEN)$(SHELL) $(srcdir)/stubs/common/stub-blob.sh arm64 %D%/stub.bin > $@.tmp && mv $@.tmp $@

CLEANFILES += %D%/stub.elf %D%/stub.bin $(%C%_stub_objects)
else
# Remade when configure runs again, so a build directory that lost the
# compiler does not keep an old stub.
%D%/stub_arm64_blob.c: Makefile
	$(AM_V_GEN)$(SHELL) $(srcdir)/stubs/common/stub-blob.sh arm64 > $@
endif
