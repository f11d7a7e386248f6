# SPDX-License-Identifier: GPL-2.0-or-later
# loader/: bootelf, which boots an ELF image from a running Linux kernel through kexec_load(2).
