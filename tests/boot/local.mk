# SPDX-License-Identifier: GPL-2.0-or-later
# tests/boot/: boot tests of the x86 stub's entry paths (added per entry protocol).
TAP_TEST_LIST += \
	%D%/pvh-probe.sh \
	%D%/multiboot-module-initrd.sh \
	%D%/command-line-policy.sh
