#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# README.md's short options table names options that --help lists, each with
# the same short form and argument name, and the man page documents them
# (tests/image/help-options-manpage-agree.sh holds --help to the option
# table and the man page): a README row cannot drift from the tool. The
# README stays one page: 150 lines at most.
. "$top_srcdir/tests/lib.sh"

readme=$top_srcdir/README.md
# --help lines as "-k --kernel FILE" or "--plan"
# (an argument name is capitals; a long one, POLICY, leaves one space before the text)
"$MKELFIMAGE" --help | sed -n 's/^ *\(-[a-z], \)\{0,1\}\(--[a-z-]*\)\( [A-Z][A-Z]*\)\{0,1\} .*/\1\2\3/p' |
	sed 's/, / /' >"$work/help"
# README rows "| `-k`, `--kernel FILE` | ..." as "-k --kernel FILE"
sed -n '/^## Options people use/,/^## /p' "$readme" |
	sed -n 's/^| \(`-[a-z]`, \)\{0,1\}`\(--[a-z-]*[^`]*\)` |.*/\1\2/p' |
	tr -d '`' | sed 's/, / /' >"$work/readme"

rows=$(wc -l <"$work/readme") lines=$(wc -l <"$readme")
check "README.md is one page (at most 150 lines, got $lines)" test "$lines" -le 150
check "README.md has an options table (8 to 14 rows, got $rows)" test "$rows" -ge 8 -a "$rows" -le 14
while IFS= read -r row; do
	check "README option '$row' is in --help as written" grep -qxF -- "$row" "$work/help"
done <"$work/readme"
check "README points to the full list" grep -q 'All options: `mkelfimage --help` and mkelfimage(1)' "$readme"
tap_done
