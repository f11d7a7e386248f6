# SPDX-License-Identifier: GPL-2.0-or-later
# stubs/common/: what the device-tree stubs (stubs/arm64, stubs/riscv64)
# share, each compiled by its arch's local.mk with its cross compiler: the
# boot flow (fdtboot.c), the device tree reader and editor (fdt.c, also
# linked into mkelfimage for --dtb and fuzzed), the command line policy,
# --verify-at-boot, the parameter block, the UART text and memcpy & co, and
# the blob's struct stub_header, the linker script; stub-blob.sh turns a
# stub's bytes into C for every arch.
FDT_STUB_COMMON = fdtboot fdt cmdline verify params console lib
FDT_STUB_INCLUDES = \
	$(srcdir)/stubs/common/fdtstub.h \
	$(srcdir)/stubs/common/fdt.h \
	$(srcdir)/formats/fdtstub.h \
	$(srcdir)/formats/sha256.h \
	$(srcdir)/formats/stubparam.h
EXTRA_DIST += $(FDT_STUB_COMMON:%=stubs/common/%.c) stubs/common/header.S \
	stubs/common/fdtstub.h stubs/common/fdt.h stubs/common/stub.lds stubs/common/stub-blob.sh
