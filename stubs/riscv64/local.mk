# SPDX-License-Identifier: GPL-2.0-or-later
# stubs/riscv64/: the riscv64 stub, built with the riscv64-linux-gnu cross
# compiler when configure finds it, and turned into stub_riscv64_blob.c (bytes
# only: the stub is position independent, so there is no relocation table).
# Without the compiler the blob is empty and mkelfimage refuses --arch riscv64.
# The boot flow, the device tree editor and the rest both device-tree stubs
# share are in stubs/common/ (stubs/common/local.mk), compiled here with the
# riscv64 compiler.
#
# Explicit rules with $(RISCV64_CC) and $(RISCV64_STUB_CFLAGS) only: the user's
# CFLAGS never reach freestanding code.

%C%_stub_sources = \
	%D%/entry.S \
	%D%/enter.c \
	%D%/console.c \
	%D%/cache.c
EXTRA_DIST += $(%C%_stub_sources)
BUILT_SOURCES += %D%/stub_riscv64_blob.c
CLEANFILES += %D%/stub_riscv64_blob.c

if BUILD_RISCV64_STUB
# -mcmodel=medany without PIC: every reference is auipc, PC-relative, and
# nothing absolute lands in data (stub.lds refuses a GOT). -mno-relax: the
# linker must not turn them into gp-relative ones (gp is the loader's).
# RV64IMAC with Zicsr and Zifencei (csr*, fence.i), no floating point, no
# compressed-instruction assumptions beyond C, which every RVA profile has.
RISCV64_STUB_CFLAGS = -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany -mno-relax \
	-fno-pic -fno-pie -ffreestanding \
	-fno-builtin -fno-tree-loop-distribute-patterns -mstrict-align \
	-fno-stack-protector -fno-asynchronous-unwind-tables -fno-unwind-tables \
	-Os -g0 -Wall -Wextra
RISCV64_STUB_LINKFLAGS = -nostdlib -static -no-pie -Wl,--build-id=none \
	-Wl,-z,noexecstack -Wl,--no-warn-rwx-segments -Wl,--no-relax

%C%_stub_headers = $(FDT_STUB_INCLUDES) $(srcdir)/formats/riscv64.h
%C%_stub_c_objects = $(patsubst %.c,%.o,$(filter %.c,$(%C%_stub_sources)))
%C%_stub_s_objects = $(patsubst %.S,%.o,$(filter %.S,$(%C%_stub_sources)))
%C%_common_objects = $(FDT_STUB_COMMON:%=%D%/common-%.o) %D%/sha256.o
%C%_stub_objects = %D%/common-header.o $(%C%_stub_s_objects) $(%C%_stub_c_objects) $(%C%_common_objects)
%C%_STUB_COMPILE = $(RISCV64_CC) $(RISCV64_STUB_CFLAGS) -I$(top_srcdir)

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

# -q keeps the relocations: an absolute one (R_RISCV_64, R_RISCV_HI20/LO12) outside
# the header's link-time offsets would be wrong wherever the stub is placed,
# so the link fails on any.
%D%/stub.elf: $(%C%_stub_objects) $(srcdir)/stubs/common/stub.lds
	$(AM_V_CCLD)$(RISCV64_CC) $(RISCV64_STUB_LINKFLAGS) -Wl,-q -T $(srcdir)/stubs/common/stub.lds -o $@.tmp $(%C%_stub_objects) && \
	if $(RISCV64_READELF) -rW $@.tmp | awk '/^Relocation section/ { sec = $$3 } \
	    /R_RISCV_(64|HI20|LO12)/ && sec != "'"'"'.rela.stub.header'"'"'" { print; bad = 1 } END { exit !bad }' >&2; then \
	  echo "$@: absolute relocations in the stub (above)" >&2; rm -f $@.tmp; exit 1; \
	fi && mv $@.tmp $@

%D%/stub.bin: %D%/stub.elf
	$(AM_V_GEN)$(RISCV64_OBJCOPY) -O binary %D%/stub.elf $@

# The bytes as C
%D%/stub_riscv64_blob.c: %D%/stub.bin $(srcdir)/stubs/common/stub-blob.sh
	$(AM_V_GEN)$(SHELL) $(srcdir)/stubs/common/stub-blob.sh riscv64 %D%/stub.bin > $@.tmp && mv $@.tmp $@

CLEANFILES += %D%/stub.elf %D%/stub.bin $(%C%_stub_objects)
else
# Remade when configure runs again, so a build directory that lost the
# compiler does not keep an old stub.
%D%/stub_riscv64_blob.c: Makefile
	$(AM_V_GEN)$(SHELL) $(srcdir)/stubs/common/stub-blob.sh riscv64 > $@
endif
