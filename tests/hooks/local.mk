# SPDX-License-Identifier: GPL-2.0-or-later
# tests/hooks/: the kernel hooks in a root prefix (hooks/kernel-hook.sh).
TAP_TEST_LIST += %D%/kernel-hooks.sh
