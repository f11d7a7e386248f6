#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every option `bootelf --help` lists is documented in doc/bootelf.8, and
# every option the man page's OPTIONS section documents is in --help.
. "$top_srcdir/tests/lib.sh"

BOOTELF=$top_builddir/loader/bootelf
help_options=$("$BOOTELF" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
man_options=$(sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$top_srcdir/doc/bootelf.8" |
	grep -o -- '\\-\\-[a-z][a-z\\-]*' | sed 's/\\//g' | sort -u)
check "bootelf --help lists options" test -n "$help_options"
for option in $help_options; do
	check "$option from --help is in bootelf.8" sh -c "printf '%s\n' \"\$1\" | grep -qx -- '$option'" _ "$man_options"
done
for option in $man_options; do
	check "$option from bootelf.8 is in --help" sh -c "printf '%s\n' \"\$1\" | grep -qx -- '$option'" _ "$help_options"
done
tap_done
