#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A non-zero exit status means every existing output is untouched (issue
# 15): when a later rename fails, the earlier ones are undone
# (mkelfimage/output.h, output_commit_all). A rename fails here because its
# target is a mount point (a file bind-mounted over it, in a private mount
# namespace: root only): EBUSY. Cases: the manifest's target busy (the image
# existing, or not yet), the image's target busy, and extract with several
# outputs, the last one busy.
. "$top_srcdir/tests/lib.sh"

[ "$(id -u)" = 0 ] && command -v unshare >/dev/null && unshare -m true 2>/dev/null ||
	skip_all "needs root and unshare -m (a bind mount makes a rename fail with EBUSY)"
good=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 5000 /dev/urandom >"$work/rd.img"
printf 'the mounted file\n' >"$work/mounted"

# busy NAME DIR TARGET COMMAND...: run COMMAND in DIR with TARGET (in DIR)
# bind-mounted over; its exit status and stderr in $work/status, $work/stderr.
busy() {
	b_dir=$2 b_target=$3
	shift 3
	unshare -m sh -c 'mount --bind "$1" "$2/$3" || exit 99; cd "$2" || exit 99; shift 3
		"$@" 2>"$0.stderr"; echo $? >"$0.status"' "$work/run" "$work/mounted" "$b_dir" "$b_target" "$@"
}

# listing DIR: names and bytes of every file in DIR
listing() {
	(cd "$1" && for f in $(ls -A); do printf '%s %s\n' "$f" "$(cksum <"$f")"; done)
}

# The manifest's target busy, the image existing: the image is put back.
d=$work/manifest-busy
mkdir -p "$d"
printf 'previous image\n' >"$d/out.elf"
printf 'previous manifest\n' >"$d/m.json"
before=$(listing "$d")
busy manifest "$d" m.json "$MKELFIMAGE" --kernel "$good" --initrd "$work/rd.img" -o out.elf --manifest m.json
check_eq "manifest target busy: exit 2, one line naming it" \
	"2 mkelfimage: output 'm.json': cannot rename the temporary file into place: Device or resource busy" \
	"$(cat "$work/run.status") $(cat "$work/run.stderr")"
check_eq "manifest target busy: the image renamed before it is put back, nothing else left" "$before" "$(listing "$d")"

# The same without an image before: none appears.
d=$work/manifest-busy-new
mkdir -p "$d"
printf 'previous manifest\n' >"$d/m.json"
busy manifest "$d" m.json "$MKELFIMAGE" --kernel "$good" -o out.elf --manifest m.json
check_eq "manifest target busy, no image before: exit 2, no image appears" "2 m.json " \
	"$(cat "$work/run.status") $(ls -A "$d" | tr '\n' ' ')"

# The image's target busy: nothing was renamed.
d=$work/image-busy
mkdir -p "$d"
printf 'previous image\n' >"$d/out.elf"
printf 'previous manifest\n' >"$d/m.json"
before=$(listing "$d")
busy image "$d" out.elf "$MKELFIMAGE" --kernel "$good" -o out.elf --manifest m.json
check_eq "image target busy: exit 2, one line naming it" \
	"2 mkelfimage: output 'out.elf': cannot set the old file aside: Device or resource busy" \
	"$(cat "$work/run.status") $(cat "$work/run.stderr")"
check_eq "image target busy: the manifest unchanged, nothing else left" "$before" "$(listing "$d")"

# extract with several outputs, the last one busy: the others as before.
"$MKELFIMAGE" --kernel "$good" --initrd "$work/rd.img" --command-line "x=1" --digests -o "$work/boot.elf"
d=$work/extract-busy
mkdir -p "$d"
printf 'previous kernel\n' >"$d/k"
printf 'previous command line\n' >"$d/c"
before=$(listing "$d")
busy extract "$d" c "$MKELFIMAGE" extract "$work/boot.elf" --kernel k --initrd i --command-line-file c
check_eq "extract, last output busy: exit 2, one line naming it" \
	"2 mkelfimage: output 'c': cannot rename the temporary file into place: Device or resource busy" \
	"$(cat "$work/run.status") $(cat "$work/run.stderr")"
check_eq "extract, last output busy: the kernel put back, no initrd file, nothing else left" "$before" "$(listing "$d")"
tap_done
