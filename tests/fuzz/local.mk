# SPDX-License-Identifier: GPL-2.0-or-later
# tests/fuzz/: libFuzzer targets and their seed corpora (make fuzz).
