#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Same inputs, same bytes; an existing output is replaced only on success.
. "$top_srcdir/tests/lib.sh"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 70000 /dev/urandom >"$work/a.img"
head -c 3001 /dev/urandom >"$work/b.img"
build() {
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/a.img" --initrd "$work/b.img" \
		--command-line "console=ttyS0 quiet" -o "$1"
}
build "$work/one.elf"
sleep 1
touch "$work/a.img"
(cd "$work" && mkdir -p elsewhere && cd elsewhere && build ../two.elf)
check "two builds of the same inputs are byte-identical" cmp "$work/one.elf" "$work/two.elf"
check_eq "no temporary file is left in the output directory" "a.img b.img elsewhere one.elf two.elf" \
	"$(ls -A "$work" | tr '\n' ' ' | sed 's/ $//')"
printf 'old\n' >"$work/three.elf"
build "$work/three.elf"
check "an existing output is replaced on success" cmp "$work/one.elf" "$work/three.elf"
check_eq "the output has the usual permissions (0666 less the umask)" \
	"$(printf '%o' $((0666 & ~$(umask))))" "$(stat -c %a "$work/one.elf")"
tap_done
