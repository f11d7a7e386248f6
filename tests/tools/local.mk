# SPDX-License-Identifier: GPL-2.0-or-later
# tests/tools/: small host programs the test scripts call.

# crc32 FILE...: zlib's CRC-32 per file, and of the initrd region they form.
check_PROGRAMS += %D%/crc32
%C%_crc32_SOURCES = %D%/crc32.c

# compare-builds.sh OLD NEW [PROBE_DIR]: the same-bytes check, run by hand.
EXTRA_DIST += %D%/compare-builds.sh

# uboot-boot.sh ARCH ELF LOG: boot an image through U-Boot's bootelf under
# QEMU virt (arm64, riscv64) with a boot script on a disk, no typing.
EXTRA_DIST += %D%/uboot-boot.sh
