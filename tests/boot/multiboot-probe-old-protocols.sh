#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Probe kernels with older boot protocols and a kernel that is not relocatable:
# where the plan loads each, what it reserves (init_size, estimated as 3 x the
# code before 2.10), and command lines exactly as long as the kernel accepts.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"

[ -n "$(qemu_binaries)" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"

low=$PROBE_DIR/probe-0x100000.bin
head -c 77777 /dev/urandom >"$work/rd.img"

# text N: a command line of exactly N bytes
text() {
	printf 'k%.0s' $(seq 1 "$1")
}

# reservation_end KERNEL: the end of "reserved for the kernel" in the -v plan
reservation_end() {
	"$MKELFIMAGE" -v --kernel "$1" -o "$work/plan.elf" |
		sed -n 's/^reserved for the kernel: 0x[0-9a-f]*-\(0x[0-9a-f]*\)$/\1/p'
}

# code_size KERNEL: bytes after the setup sectors
code_size() {
	sects=$(od -An -tu1 -j 497 -N 1 "$1" | tr -d ' ')
	[ "$sects" = 0 ] && sects=4
	echo $(($(file_size "$1") - (sects + 1) * 512))
}

# boot_variant LABEL KERNEL CMDLINE VERSION LOAD: build, boot on each QEMU, check.
# File names carry no spaces: QEMU puts the -kernel path before the command
# line, and the stub drops only its first word.
variant=0
boot_variant() {
	label=$1 kernel=$2 cmdline=$3 version=$4 load=$5
	variant=$((variant + 1))
	image=$work/variant$variant.elf
	if ! "$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" \
		--command-line "$cmdline" -o "$image" 2>"$work/err"; then
		tap_not_ok "$label: mkelfimage builds the image" "$(cat "$work/err")"
		return
	fi
	for qemu in $(qemu_binaries); do
		report=$work/variant$variant.$(basename "$qemu")
		boot_image "$qemu" "$image" "$report"
		check_probe_report "$label, $(basename "$qemu")" "$report" \
			"$cmdline" "$work/rd.img" "$version"
		check_eq "$label, $(basename "$qemu"): loaded at $load" "$load" \
			"$(report_value load_addr "$report")"
	done
}

# 2.06, relocatable with 1 MiB alignment and no pref_address (2.10): loaded
# at 1 MiB aligned up; a command line of exactly cmdline_size bytes.
"$MKPROBE" --code "$low" --protocol 2.06 --relocatable 1 --kernel-alignment 0x100000 \
	--cmdline-size 511 -o "$work/p206.bzImage"
INITRD_MIN_GAP=$((3 * $(code_size "$work/p206.bzImage")))
boot_variant "protocol 2.06 relocatable, cmdline_size 511" "$work/p206.bzImage" \
	"$(text 511)" 0x206 0x100000
check_eq "2.06: the plan reserves 3 x the code (no init_size before 2.10)" \
	"$(hex $(( (0x100000 + 3 * $(code_size "$work/p206.bzImage") + 4095) / 4096 * 4096 - 1 )))" \
	"$(reservation_end "$work/p206.bzImage")"
check "2.06: -v says the init_size is estimated" \
	sh -c "'$MKELFIMAGE' -v --kernel '$work/p206.bzImage' -o '$work/plan.elf' | grep -q 'estimated: 3 x code'"

# 2.09, not relocatable: loaded and run at 1 MiB
"$MKPROBE" --code "$low" --protocol 2.09 -o "$work/p209.bzImage"
INITRD_MIN_GAP=$((3 * $(code_size "$work/p209.bzImage")))
boot_variant "protocol 2.09 not relocatable" "$work/p209.bzImage" "console=ttyS0 v=209" 0x209 0x100000

# 2.02: exactly 255 bytes of command line fit
INITRD_MIN_GAP=$((3 * $(code_size "$PROBE_DIR/probe-2.02.bzImage")))
boot_variant "protocol 2.02, a 255-byte command line" "$PROBE_DIR/probe-2.02.bzImage" \
	"$(text 255)" 0x202 0x100000

# 2.10, not relocatable, runs at pref_address 16 MiB: loaded at 1 MiB, and the
# reservation reaches pref_address + init_size, above which the initrd goes.
"$MKPROBE" --code "$low" --protocol 2.10 --pref-address 0x1000000 --init-size 0x400000 \
	-o "$work/p210.bzImage"
INITRD_MIN_GAP=0
boot_variant "protocol 2.10 not relocatable, pref_address 16 MiB" "$work/p210.bzImage" \
	"console=ttyS0 v=210" 0x20a 0x100000
check_eq "2.10 not relocatable: reservation covers [1 MiB, pref_address + init_size)" \
	0x13fffff "$(reservation_end "$work/p210.bzImage")"
tap_done
