#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# set-command-line and replace-initrd on an image of a vmlinux (the i386
# probe vmlinux, tests/probe/probe-vmlinux.lds): the image keeps only the
# kernel's PT_LOADs, so the edit rebuilds from a minimal vmlinux of them
# (mkelfimage/minvmlinux.h) and keeps the original file's digest record.
# The oracle: the edited image is byte for byte the image a fresh build from
# the original vmlinux with the new command line or initrds gives, for ELF32
# and ELF64 images, with and without digests, from a plain and a gzip
# vmlinux. The probe boots the edited images and reports the new command
# line and initrd. A failed edit leaves the image as it was.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/boot/probe-checks.sh"

vmlinux=$PROBE_DIR/probe-vmlinux-i386
head -c 70001 /dev/urandom >"$work/rd1.img"
head -c 3001 /dev/urandom >"$work/rd2.img"
head -c 12345 /dev/urandom >"$work/new.img"
gzip -n -c "$vmlinux" >"$work/vmlinux.gz"
old="console=ttyS0 old=1"
new="console=ttyS0 new=2 \"quoted\""

# edits_match LABEL KERNEL OPTIONS...: both edits give the image of a fresh build
edits_match() {
	_label=$1 _kernel=$2
	shift 2
	"$MKELFIMAGE" --kernel "$_kernel" --initrd "$work/rd1.img" --initrd "$work/rd2.img" \
		--command-line "$old" "$@" -o "$work/orig.elf" || { tap_not_ok "$_label: build"; return; }
	"$MKELFIMAGE" --kernel "$_kernel" --initrd "$work/rd1.img" --initrd "$work/rd2.img" \
		--command-line "$new" "$@" -o "$work/fresh-cmdline.elf"
	"$MKELFIMAGE" --kernel "$_kernel" --initrd "$work/new.img" --command-line "$old" "$@" \
		-o "$work/fresh-initrd.elf"
	"$MKELFIMAGE" --kernel "$_kernel" --initrd "$work/new.img" --command-line "$new" "$@" \
		-o "$work/fresh-both.elf"
	cp "$work/orig.elf" "$work/cmdline.elf"
	check "$_label: set-command-line gives the image of a fresh build, byte for byte" \
		sh -c '"$1" set-command-line "$2" "$3" && cmp "$2" "$4"' sh "$MKELFIMAGE" \
		"$work/cmdline.elf" "$new" "$work/fresh-cmdline.elf"
	cp "$work/orig.elf" "$work/initrd.elf"
	check "$_label: replace-initrd gives the image of a fresh build, byte for byte" \
		sh -c '"$1" replace-initrd "$2" "$3" && cmp "$2" "$4"' sh "$MKELFIMAGE" \
		"$work/initrd.elf" "$work/new.img" "$work/fresh-initrd.elf"
	check "$_label: both edits in turn give the image of a fresh build, byte for byte" \
		sh -c '"$1" set-command-line "$2" "$3" && cmp "$2" "$4"' sh "$MKELFIMAGE" \
		"$work/initrd.elf" "$new" "$work/fresh-both.elf"
}

edits_match "ELF32, --digests" "$vmlinux" --digests
edits_match "ELF32, no digests, --command-line-policy fixed, --no-elf-notes" "$vmlinux" \
	--command-line-policy fixed --no-elf-notes
edits_match "ELF64, --verify-at-boot, --initrd-placement high" "$vmlinux" \
	--elf-class 64 --verify-at-boot --initrd-placement high
edits_match "ELF32 from a gzip vmlinux, --no-multiboot, --command-line-policy replace" \
	"$work/vmlinux.gz" --digests --no-multiboot --command-line-policy replace
check_eq "after the edits, every digest inspect can check is ok, the kernel file's is the original's" \
	"kernel file:not in the image:$(sha256sum <"$vmlinux" | cut -d' ' -f1) kernel loaded:ok: initrd file:ok: initrd region:ok: command line:ok:" \
	"$("$MKELFIMAGE" inspect --json "$work/initrd.elf" | python3 -c 'import json, sys
print(" ".join(d["what"] + ":" + d["check"] + ":" + (d["sha256"] if d["what"] == "kernel file" else "")
	       for d in json.load(sys.stdin)["digests"]))')"

# extract --vmlinux: the minimal vmlinux the edits rebuild from
"$MKELFIMAGE" --kernel "$vmlinux" --initrd "$work/rd1.img" --command-line "$old" --digests -o "$work/boot.elf"
"$MKELFIMAGE" extract "$work/boot.elf" --vmlinux "$work/min.vmlinux"
check_eq "extract --vmlinux exits 0" 0 $?
loads() { readelf -lW "$1" | awk '$1 == "LOAD" { print $4, $5, $6 }'; }
check_eq "the minimal vmlinux has the original's PT_LOADs (p_paddr, p_filesz, p_memsz)" \
	"$(loads "$vmlinux")" "$(loads "$work/min.vmlinux")"
note() { readelf -nW "$1" | sed -n 's/.*(0x00000012).*description data: \(.. .. .. ..\).*/\1/p'; }
check_eq "the minimal vmlinux has the original's PVH entry note" "$(note "$vmlinux")" "$(note "$work/min.vmlinux")"
"$MKELFIMAGE" --kernel "$work/min.vmlinux" --initrd "$work/rd1.img" --command-line "$old" -o "$work/min.elf"
"$MKELFIMAGE" --kernel "$vmlinux" --initrd "$work/rd1.img" --command-line "$old" -o "$work/plain.elf"
# the size is in the digest note and in its loaded copy (the records segment),
# which the ELFBoot checksum covers: three runs of at most 8 bytes
check_eq "a build from it differs from the original's only in the kernel file's size (digest note, records, the checksum over them)" \
	"within 8 bytes, three times, kernel file $(file_size "$work/min.vmlinux")" \
	"$(cmp -l "$work/min.elf" "$work/plain.elf" | awk '{ if (!n || $1 - first[n] >= 8) first[++n] = $1 }
		END { print (n == 3) ? "within 8 bytes, three times" : NR " bytes in " n " runs" }'), kernel file $("$MKELFIMAGE" inspect --json "$work/min.elf" | python3 -c 'import json, sys
print(json.load(sys.stdin)["digests"][0]["size"])')"

# A failed edit leaves the image as it was.
cp "$work/boot.elf" "$work/keep.elf"
sum_before=$(cksum <"$work/keep.elf")
status=0
"$MKELFIMAGE" set-command-line "$work/keep.elf" "$(head -c 2048 /dev/zero | tr '\0' x)" 2>"$work/err" || status=$?
check_eq "set-command-line of 2048 bytes: exit 1, the vmlinux's limit named, the image unchanged" \
	"1 mkelfimage: command line: 2048 bytes exceed the limit of 2047 (the kernel's cmdline_size, boot.rst) same" \
	"$status $(cat "$work/err") $([ "$(cksum <"$work/keep.elf")" = "$sum_before" ] && echo same)"
status=0
"$MKELFIMAGE" replace-initrd "$work/keep.elf" "$work/none.img" 2>"$work/err" || status=$?
check_eq "replace-initrd of a missing file: exit 1, the image unchanged" \
	"1 mkelfimage: initrd '$work/none.img': cannot open: No such file or directory same" \
	"$status $(cat "$work/err") $([ "$(cksum <"$work/keep.elf")" = "$sum_before" ] && echo same)"
first=$(readelf -lW "$vmlinux" | awk '$1 == "LOAD" { print $4; exit }')
off=$(readelf -lW "$work/keep.elf" | awk -v a="$first" '$1 == "LOAD" && $4 == a { print $2 }')
flip_byte "$work/keep.elf" $((off + 16))
sum_before=$(cksum <"$work/keep.elf")
for edit in "set-command-line $work/keep.elf y" "replace-initrd $work/keep.elf $work/new.img"; do
	status=0
	# shellcheck disable=SC2086 # the paths hold no spaces
	"$MKELFIMAGE" $edit 2>"$work/err" || status=$?
	check_eq "${edit%% *} on a damaged kernel PT_LOAD: exit 1, the image unchanged" \
		"1 mkelfimage: image '$work/keep.elf': the kernel's loaded part does not match its recorded SHA-256; the image is damaged same" \
		"$status $(cat "$work/err") $([ "$(cksum <"$work/keep.elf")" = "$sum_before" ] && echo same)"
done

# The edited images boot: the probe reports the new command line and initrd.
if [ -z "$(qemu_binaries)" ]; then
	tap_skip "the edited vmlinux images boot" "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"
	tap_done
	exit
fi
qemu=$(qemu_binaries | head -n 1)
"$MKELFIMAGE" --kernel "$vmlinux" --initrd "$work/rd1.img" --command-line "$old" --digests \
	--verify-at-boot -o "$work/edit32.elf"
"$MKELFIMAGE" set-command-line "$work/edit32.elf" "$new" &&
	"$MKELFIMAGE" replace-initrd "$work/edit32.elf" "$work/new.img"
boot_image "$qemu" "$work/edit32.elf" "$work/boot32" -append "z=3"
check_pvh_report "edited ELF32 image (--verify-at-boot), multiboot into the stub" "$work/boot32" \
	"$new z=3" "$work/new.img"
"$MKELFIMAGE" --kernel "$vmlinux" --initrd "$work/rd1.img" --command-line "$old" --elf-class 64 \
	-o "$work/edit64.elf"
"$MKELFIMAGE" replace-initrd "$work/edit64.elf" "$work/new.img" &&
	"$MKELFIMAGE" set-command-line "$work/edit64.elf" "$new"
boot_image "$qemu" "$work/edit64.elf" "$work/boot64"
check_pvh_report "edited ELF64 image, PVH into the stub" "$work/boot64" "$new" "$work/new.img"
tap_done
