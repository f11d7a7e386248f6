#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A file size limit (ulimit -f) is an I/O error like a full disk: exit 2,
# one line naming the output and EFBIG, no temporary file, the existing
# output kept. mkelfimage ignores SIGXFSZ itself (mkelfimage/output.c); the
# test leaves the signal at its default, as a user's shell does.
. "$top_srcdir/tests/lib.sh"

good=$PROBE_DIR/probe-2.15-reloc.bzImage
{ printf '070701'; head -c 1048570 /dev/zero; } >"$work/mib.img"
mkdir -p "$work/out" "$work/tmp"
printf 'previous output\n' >"$work/out/boot.elf"
printf 'previous manifest\n' >"$work/out/m.json"
status=0
(ulimit -f 512; exec "$MKELFIMAGE" --kernel "$good" --initrd "$work/mib.img" -o "$work/out/boot.elf" \
	--manifest "$work/out/m.json") 2>"$work/stderr" || status=$?
check_eq "ulimit -f: exit 2 and one line naming the output and EFBIG, not death by SIGXFSZ" \
	"2 mkelfimage: output '$work/out/boot.elf': cannot write: File too large" "$status $(cat "$work/stderr")"
check_eq "ulimit -f: no temporary file left, the image and manifest kept" \
	"boot.elf m.json previous output previous manifest" \
	"$(ls -A "$work/out" | tr '\n' ' ')$(cat "$work/out/boot.elf") $(cat "$work/out/m.json")"
status=0
(ulimit -f 512; TMPDIR=$work/tmp exec "$MKELFIMAGE" --kernel "$good" --initrd "$work/mib.img" -o -) \
	2>"$work/stderr" >/dev/null || status=$?
check_eq "ulimit -f with -o -: exit 2 and one line, TMPDIR left empty" \
	"2 mkelfimage: output '-': cannot write: File too large " "$status $(cat "$work/stderr") $(ls -A "$work/tmp")"
tap_done
