# SPDX-License-Identifier: GPL-2.0-or-later
# tests/loader/: bootelf tests (bad images on the host with --dry-run; boots only inside QEMU guests).
