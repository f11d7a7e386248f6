# SPDX-License-Identifier: GPL-2.0-or-later
# tests/bench/: benchmark scripts (make bench), never part of make check.
