#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# SHA-256 digests and --verify-at-boot. Every image carries a "mkelfimage"
# note; built with --digests (implied by --verify-at-boot) it holds the
# digests sha256sum gives for the kernel, the initrd and the command line
# (formats/digestnote.h), without it zeros. With --verify-at-boot the stub hashes
# the kernel, command line and initrd region in memory before the kernel
# runs: one changed byte in the ELF file stops the boot with one line on
# COM1 naming the part, and the kernel never runs. An intact image boots.
. "$top_srcdir/tests/lib.sh"
boot_test

[ -n "$(qemu_binaries)" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"
command -v readelf >/dev/null || skip_all "no readelf (install binutils)"
command -v sha256sum >/dev/null || skip_all "no sha256sum (install coreutils)"
qemu=$(qemu_binaries | head -n 1)

# boot_until_done IMAGE REPORT [QEMU ARGS...]: boot_image for a boot that may
# end in the stub's halt, where QEMU never exits by itself: QEMU is stopped
# once the stub's verify line or the probe's last line is on the console.
boot_until_done() {
	_b_image=$1 _b_report=$2
	shift 2
	: >"$_b_report"
	timeout "${BOOT_TIMEOUT:-60}" "$qemu" -m "${BOOT_MEMORY:-256}" -display none -monitor none \
		-serial "file:$_b_report" -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=4 \
		-kernel "$_b_image" "$@" </dev/null >"$_b_report.qemu" 2>&1 &
	_b_pid=$!
	while kill -0 "$_b_pid" 2>/dev/null &&
	      ! grep -q -e 'not booting$' -e '^probe_end=ok$' "$_b_report"; do
		sleep 0.2
	done
	kill "$_b_pid" 2>/dev/null
	wait "$_b_pid" 2>/dev/null
	tr -d '\r' <"$_b_report" >"$_b_report.txt"
}

# check_stub_line NAME REPORT LINE: the console holds LINE
check_stub_line() {
	if grep -qxF "$3" "$2.txt"; then
		tap_ok "$1"
	else
		tap_not_ok "$1" "want: $3" "serial output:" "$(tail -n 5 "$2.txt")" \
			"qemu:" "$(tail -n 3 "$2.qemu")"
	fi
}

# segment_offset IMAGE FILESZ: file offset of the PT_LOAD with that p_filesz
segment_offset() {
	readelf -lW "$1" | while read -r _s_type _s_offset _s_vaddr _s_paddr _s_filesz _s_rest; do
		if [ "$_s_type" = LOAD ] && [ $((_s_filesz)) -eq "$2" ]; then
			echo $((_s_offset))
			break
		fi
	done
}

sha() { sha256sum | cut -c1-64; }

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
cmdline="console=ttyS0 verify=1"
head -c 300001 /dev/urandom >"$work/rd.img"
check "mkelfimage --verify-at-boot builds the image" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --command-line "$cmdline" \
	--verify-at-boot -o "$work/boot.elf"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --command-line "$cmdline" --digests \
	-o "$work/digests.elf"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --command-line "$cmdline" -o "$work/plain.elf"

# The note: records hold the digests sha256sum computes for the same bytes.
# With one initrd it has 5 records of 0x30 bytes after its 8-byte header
# (formats/digestnote.h); other "mkelfimage" notes differ in size.
note_desc() {
	readelf -nW "$1" |
		awk '$1 == "mkelfimage" && $2 == "0x000000f8" { if ($0 !~ /description data:/) getline; sub(/.*description data: */, ""); gsub(/ /, ""); print; exit }'
}
plain=$(note_desc "$work/plain.elf")
check_eq "without --digests: the same note, every record's 32 digest bytes zero" 5 \
	"$(echo "$plain" | cut -c17- | fold -w 96 | cut -c33- | grep -cx '0\{64\}')"
desc=$(note_desc "$work/digests.elf")
check "every image carries the \"mkelfimage\" digest note (8 + 5 x 0x30 bytes)" test -n "$desc"
check_eq "the digest note: version 1, 5 records" 0100000005000000 "$(echo "$desc" | cut -c1-16)"
setup_sects=$(od -An -tu1 -j $((0x1f1)) -N 1 "$kernel" | tr -d ' ')
for part in "kernel file:$(sha <"$kernel")" \
	    "kernel loaded part:$(tail -c +$(((setup_sects + 1) * 512 + 1)) "$kernel" | sha)" \
	    "initrd:$(sha <"$work/rd.img")" \
	    "command line:$(printf '%s' "$cmdline" | sha)"; do
	case $desc in
	*"${part#*:}"*) tap_ok "the note holds the SHA-256 of the ${part%%:*}" ;;
	*) tap_not_ok "the note holds the SHA-256 of the ${part%%:*}" "want ${part#*:}" "note $desc" ;;
	esac
done

for q in $(qemu_binaries); do
	name=$(basename "$q")
	boot_image "$q" "$work/boot.elf" "$work/$name.intact"
	check "$name: an intact image passes the check and the probe reports" \
		grep -qx 'probe_end=ok' "$work/$name.intact.txt"
	check_eq "$name: the initrd arrives intact (CRC-32)" \
		"$("$CRC32" "$work/rd.img")" "$(report_value initrd_crc32 "$work/$name.intact")"
done

# One byte changed in each part of the ELF file, at the part's file offset.
initrd_offset=$(segment_offset "$work/boot.elf" 300001)
kernel_offset=$(segment_offset "$work/boot.elf" $(($(file_size "$kernel") - (setup_sects + 1) * 512)))
cmdline_offset=$(segment_offset "$work/boot.elf" $((${#cmdline} + 1)))
check "the initrd, kernel and command line segments are found in the file" \
	test -n "$initrd_offset" -a -n "$kernel_offset" -a -n "$cmdline_offset"
for part in "initrd:$((initrd_offset + 150000))" "kernel:$((kernel_offset + 100))" \
	    "command line:$((cmdline_offset + 3))"; do
	what=${part%%:*}
	cp "$work/boot.elf" "$work/bad.elf"
	flip_byte "$work/bad.elf" "${part#*:}"
	boot_until_done "$work/bad.elf" "$work/bad"
	check_stub_line "a changed $what byte: the stub names the $what on COM1" "$work/bad" \
		"mkelfimage stub: verify-at-boot: $what SHA-256 mismatch, not booting"
	check "a changed $what byte: the kernel never runs" \
		sh -c "! grep -q '^probe=' '$work/bad.txt'"
done

# Without the option the same corruption reaches the kernel: the check is the stub's.
cp "$work/plain.elf" "$work/plain-bad.elf"
flip_byte "$work/plain-bad.elf" $(($(segment_offset "$work/plain.elf" 300001) + 150000))
boot_image "$qemu" "$work/plain-bad.elf" "$work/plain-bad"
check "without --verify-at-boot a changed initrd byte reaches the kernel (CRC-32 differs)" \
	test "$(report_value initrd_crc32 "$work/plain-bad")" != "$("$CRC32" "$work/rd.img")" \
	-a -n "$(report_value initrd_crc32 "$work/plain-bad")"

# With --initrd-placement high the check runs on the moved initrd.
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --command-line "$cmdline" \
	--verify-at-boot --initrd-placement high -o "$work/high.elf"
boot_until_done "$work/high.elf" "$work/high"
check "--initrd-placement high: the moved initrd passes the check and the probe reports" \
	grep -qx 'probe_end=ok' "$work/high.txt"
flip_byte "$work/high.elf" $(($(segment_offset "$work/high.elf" 300001) + 7))
boot_until_done "$work/high.elf" "$work/high-bad"
check_stub_line "--initrd-placement high: a changed initrd byte is still found after the move" \
	"$work/high-bad" "mkelfimage stub: verify-at-boot: initrd SHA-256 mismatch, not booting"

# A vmlinux (tests/probe/probe-vmlinux-i386): the kernel digest covers its
# PT_LOADs' file bytes as one stream (stub_params.kernel_ranges); a byte
# changed in its second PT_LOAD (the data) is found.
vmlinux=$PROBE_DIR/probe-vmlinux-i386
"$MKELFIMAGE" --kernel "$vmlinux" --initrd "$work/rd.img" --command-line "$cmdline" \
	--verify-at-boot -o "$work/vmlinux.elf"
# (the probe's PT_LOADs are in address order in its file too)
check_eq "the note's kernel loaded part is the vmlinux's PT_LOAD file bytes in address order" \
	"$(readelf -lW "$vmlinux" | awk '$1 == "LOAD" { print $2, $5 }' |
		while read -r off len; do tail -c +$((off + 1)) "$vmlinux" | head -c $((len)); done | sha)" \
	"$(note_desc "$work/vmlinux.elf" | cut -c17- | fold -w 96 | sed -n 2p | cut -c33-)"
boot_until_done "$work/vmlinux.elf" "$work/vmlinux-intact"
check "a vmlinux: the intact image passes the check and the probe reports from its PVH entry" \
	sh -c "grep -qx 'entry=pvh' '$work/vmlinux-intact.txt' && grep -qx 'probe_end=ok' '$work/vmlinux-intact.txt'"
data_filesz=$(readelf -lW "$vmlinux" | awk '$1 == "LOAD" { n++; if (n == 2) print $5 }')
cp "$work/vmlinux.elf" "$work/vmlinux-bad.elf"
flip_byte "$work/vmlinux-bad.elf" $(($(segment_offset "$work/vmlinux.elf" $((data_filesz))) + 5))
boot_until_done "$work/vmlinux-bad.elf" "$work/vmlinux-bad"
check_stub_line "a vmlinux: a changed byte in its second PT_LOAD stops the boot, naming the kernel" \
	"$work/vmlinux-bad" "mkelfimage stub: verify-at-boot: kernel SHA-256 mismatch, not booting"
tap_done
