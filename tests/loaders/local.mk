# SPDX-License-Identifier: GPL-2.0-or-later
# tests/loaders/: one boot test per loader family (GRUB, iPXE, kexec, PVH, coreboot, ...).
