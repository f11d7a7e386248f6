# SPDX-License-Identifier: GPL-2.0-or-later
# tests/interop/: the image through real third-party loaders (GRUB, iPXE, kexec-tools, cbfstool, U-Boot).
# Each boots the probe kernel (or a Debian kernel) through the real third-party
# loader under QEMU and skips, saying why, when the loader is not installed.
INTEROP_TAP_TESTS = \
	%D%/grub-iso-multiboot-probe.sh \
	%D%/grub-iso-debian-kernel.sh \
	%D%/grub-iso-multiboot2-probe.sh \
	%D%/grub-efi-multiboot2-probe.sh \
	%D%/grub-efi-multiboot2-debian-kernel.sh \
	%D%/grub-efi32-multiboot2.sh \
	%D%/ipxe-tftp-multiboot-probe.sh \
	%D%/cbfstool-payload-round-trip.sh \
	%D%/kexec-multiboot-x86-in-guest.sh \
	%D%/kexec-elf-x86-in-guest.sh \
	%D%/uboot-x86-bootelf.sh
TESTS += $(INTEROP_TAP_TESTS)
EXTRA_DIST += $(INTEROP_TAP_TESTS) \
	%D%/grub-iso.sh \
	%D%/grub-efi.sh \
	%D%/kexec-guest.sh
