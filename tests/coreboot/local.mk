# SPDX-License-Identifier: GPL-2.0-or-later
# tests/coreboot/: real coreboot 25.06 ROMs for QEMU (roms/, with their
# configs, build script and provenance) running mkelfimage images as their
# payload: the probe on both boards, both cbfstool compressions and both
# QEMUs; Debian's cloud kernel (bzImage and vmlinux) to its /init.
TAP_TEST_LIST += \
	%D%/coreboot-probe-real-roms.sh \
	%D%/coreboot-debian-kernel.sh \
	%D%/coreboot-audit-after-flash.sh
EXTRA_DIST += \
	%D%/coreboot-lib.sh \
	%D%/roms/PROVENANCE.md \
	%D%/roms/build-rom.sh \
	%D%/roms/coreboot-qemu-i440fx.rom.xz \
	%D%/roms/coreboot-qemu-i440fx-16m.rom.xz \
	%D%/roms/coreboot-qemu-q35.rom.xz \
	%D%/roms/coreboot-qemu-q35-16m.rom.xz \
	%D%/roms/defconfig-qemu-i440fx \
	%D%/roms/defconfig-qemu-i440fx-16m \
	%D%/roms/defconfig-qemu-q35 \
	%D%/roms/defconfig-qemu-q35-16m
