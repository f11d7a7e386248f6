#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --help, the option table in mkelfimage/options.c and doc/mkelfimage.1 list
# the same options, with the same short forms (they must not drift apart);
# the man pages put EXAMPLES right after DESCRIPTION, one per loader.
. "$top_srcdir/tests/lib.sh"

# Each source as sorted lines "-k --kernel" or "--append".
"$MKELFIMAGE" --help | sed -n 's/^ *\(-[a-z], \)\{0,1\}\(--[a-z0-9-]*\).*/\1\2/p' |
	sed 's/, / /' | sort >"$work/help"
sed -n 's/^	{ "\([a-z0-9-]*\)", OPT_[A-Z0-9_]*,.*/\1/p' "$top_srcdir/mkelfimage/options.c" >"$work/table-names"
sed -n "s/^	OPT_\([A-Z_]*\) = '\(.\)',/\1 \2/p" "$top_srcdir/mkelfimage/options.c" |
	tr 'A-Z_' 'a-z-' >"$work/table-shorts"
while read -r name; do
	short=$(awk -v n="$name" '$1 == n { print "-" $2 " " }' "$work/table-shorts")
	echo "$short--$name"
done <"$work/table-names" | sort >"$work/table"
# Man page: the first line after each .TP in OPTIONS
sed -n '/^\.SH OPTIONS/,/^\.SH EXIT STATUS/p' "$top_srcdir/doc/mkelfimage.1" |
	awk 'prev == ".TP" { print } { prev = $0 }' |
	sed 's/\\-/-/g; s/"[^"]*\\fI[A-Z]*\\fR"//; s/^\.BR* //; s/ ", " / /; s/ *$//' | sort >"$work/man"

check "the option table is not empty" test -s "$work/table"
check_eq "--help lists the options of the option table" "$(cat "$work/table")" "$(cat "$work/help")"
check_eq "the man page lists the options of the option table" "$(cat "$work/table")" "$(cat "$work/man")"
check "the man page has an EXIT STATUS section" grep -q '^\.SH EXIT STATUS' "$top_srcdir/doc/mkelfimage.1"
# EXAMPLES come right after DESCRIPTION, with one build per loader
for page in mkelfimage.1 bootelf.8 mkelfimage-template.5; do
	check_eq "$page: EXAMPLES is the section after DESCRIPTION" "EXAMPLES" \
		"$(sed -n 's/^\.SH //p' "$top_srcdir/doc/$page" | sed -n '/^DESCRIPTION$/{n;p;}')"
done
examples=$(sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$top_srcdir/doc/mkelfimage.1" | sed 's/\\-/-/g')
for loader in "qemu-system-x86_64 -kernel" "multiboot /boot.elf" "imgexec boot.elf" \
	"cbfstool coreboot.rom add-payload" "bootelf --command-line" "kexec -l boot.elf"; do
	check "mkelfimage.1 EXAMPLES boots through '$loader'" sh -c 'printf "%s\n" "$1" | grep -qF -- "$2"' sh "$examples" "$loader"
done
version=$("$MKELFIMAGE" --version)
check_eq "--version names the program and its version" "mkelfimage $(sed -n 's/^AC_INIT(\[mkelfimage\], \[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac")" "$version"
tap_done
