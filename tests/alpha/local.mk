# SPDX-License-Identifier: GPL-2.0-or-later
# tests/alpha/: Alpha probe kernel and qemu-system-alpha boot tests.
