#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A real Linux/Alpha 6.1 kernel (tests/alpha/kernel/PROVENANCE.md) boots from
# an --arch alpha image on QEMU's clipper: its /init runs from the joined
# initrds (the gzip initramfs, then a plain cpio holding /data), reads the
# built-in command line, and finds /data intact. The initrd lies above the
# two pages Linux/Alpha clears after _end (callback_init) before it reads
# INITRD_START; --plan shows that rule.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/alpha/alpha-lib.sh"
alpha_require_qemu
command -v python3 >/dev/null || skip_all "no python3 (for the FNV-1a digest)"

kernel_dir=$top_srcdir/tests/alpha/kernel
xz -dc "$kernel_dir/vmlinux.xz" >"$work/vmlinux" || { echo "Bail out! cannot unpack vmlinux.xz"; exit 1; }
head -c 4097 /dev/urandom >"$work/data"
(cd "$work" && echo data | cpio -o -H newc --quiet >"$work/data.cpio") ||
	{ echo "Bail out! cannot make the /data cpio"; exit 1; }
cmdline='console=ttyS0 alpha.real=1'

check "mkelfimage --arch alpha builds an image of the real kernel and two initrds" \
	"$MKELFIMAGE" --arch alpha --kernel "$work/vmlinux" --initrd "$kernel_dir/rd.cpio.gz" \
	--initrd "$work/data.cpio" --command-line "$cmdline" -o "$work/alpha.elf"
"$MKELFIMAGE" --arch alpha --kernel "$work/vmlinux" --initrd "$kernel_dir/rd.cpio.gz" \
	--initrd "$work/data.cpio" --plan >"$work/plan"
check "--plan: the initrd is clear of the pages callback_init zeroes after _end" \
	grep -q '^  ok   initrd at 0x[0-9a-f]*, at or above 0x[0-9a-f]*: clear of the 0x4000 bytes Linux/Alpha zeroes after _end (callback_init)$' "$work/plan"
check_eq "PT_LOADs state Alpha's 8 KiB page (p_align)" "0x2000" \
	"$(readelf -lW "$work/alpha.elf" | awk '$1 == "LOAD" { print $NF }' | sort -u)"

BOOT_TIMEOUT=120 alpha_boot "$work/alpha.elf" "$work/serial"
check "the kernel's /init ran (ALPHA-INIT-OK)" grep -q '^ALPHA-INIT-OK$' "$work/serial.txt"
check_eq "/proc/cmdline is the built-in command line" "ALPHA-CMDLINE=[$cmdline]" \
	"$(grep -m1 '^ALPHA-CMDLINE=' "$work/serial.txt")"
want=$(python3 -c '
import sys
h = 0xcbf29ce484222325
data = open(sys.argv[1], "rb").read()
for b in data:
    h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
print("ALPHA-DATA=%016x %016x" % (len(data), h))' "$work/data")
check_eq "/data from the second initrd: size and FNV-1a 64" "$want" \
	"$(grep -m1 '^ALPHA-DATA=' "$work/serial.txt")"
tap_done
