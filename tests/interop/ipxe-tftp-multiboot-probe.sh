#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# iPXE (Debian package ipxe, /usr/lib/ipxe/ipxe.lkrn) booted by QEMU -kernel
# runs a script given as -initrd, fetches the image from QEMU's built-in TFTP
# server (-netdev user,tftp=DIR: no traffic leaves QEMU) and boots it.
#
# Debian 12's build (1.0.0+git-20190125.36a4c85-5.1) prints "Features: DNS
# HTTP iSCSI NFS TFTP SRP AoE ELF MBOOT PXE bzImage Menu PXEXT" on the VGA
# console (it has no serial console): both the ELF and the multiboot image
# types are built in, and `imgstat` calls our image "[Multiboot]" (iPXE
# probes multiboot before ELF), a plain ELF "[ELF]". Its ELF loader would pass
# nothing at all; the loader's arguments reaching the kernel prove that the
# multiboot path ran. iPXE puts the image URI before the arguments in the
# multiboot command line ("tftp://10.0.2.2/boot.elf ipxe=1 two") and says
# "iPXE" as the boot loader name: the stub drops that first word.
#
# Multiboot modules: every other image iPXE holds is a module; an image
# without an initrd gets the first one as its initrd (doc/ARCHITECTURE.md,
# "Initrd from a loader").
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"

qemu=$(qemu_binaries | head -n 1)
[ -n "$qemu" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"
lkrn=${MKELFIMAGE_IPXE_LKRN:-/usr/lib/ipxe/ipxe.lkrn}
[ -f "$lkrn" ] || skip_all "no $lkrn (install ipxe)"
name=$(basename "$qemu")
kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
builtin="console=ttyS0 x=1"

# boot_ipxe REPORT SCRIPT_LINES: iPXE on an e1000 with a fixed address
# (QEMU's user network; no DHCP wait), then the lines given.
boot_ipxe() {
	{
		echo '#!ipxe'
		echo 'ifopen net0'
		echo 'set net0/ip 10.0.2.15'
		echo 'set net0/netmask 255.255.255.0'
		echo "$2"
	} >"$1.ipxe"
	boot_qemu "$qemu" "$1" -kernel "$lkrn" -initrd "$1.ipxe" \
		-netdev "user,id=net0,tftp=$work/tftp" -device e1000,netdev=net0
}

mkdir "$work/tftp"
head -c 300000 /dev/urandom >"$work/rd.img"
head -c 70001 /dev/urandom >"$work/tftp/mod.img"
check "mkelfimage builds an image with an initrd" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" \
	--command-line "$builtin" -o "$work/tftp/boot.elf"
check "mkelfimage builds an image without an initrd" \
	"$MKELFIMAGE" --kernel "$kernel" --command-line "$builtin" -o "$work/tftp/no-initrd.elf"

boot_ipxe "$work/ipxe" "imgfetch tftp://10.0.2.2/boot.elf
imgexec boot.elf /first/word ipxe=1 two"
check_probe_report "$name, iPXE multiboot over TFTP" "$work/ipxe" \
	"$builtin /first/word ipxe=1 two" "$work/rd.img" 0x20f
check_eq "iPXE: the kernel runs at pref_address" 0x1000000 \
	"$(report_value load_addr "$work/ipxe")"

boot_ipxe "$work/module" "imgfetch tftp://10.0.2.2/mod.img modarg=1
kernel tftp://10.0.2.2/no-initrd.elf
boot"
check "$name, iPXE with a module: the probe kernel finished its report" \
	grep -qx 'probe_end=ok' "$work/module.txt"
check_eq "iPXE without arguments: the command line is the built-in text (the URI dropped)" \
	"$builtin" "$(report_value cmdline "$work/module")"
check_eq "iPXE module becomes the initrd of an image without one (CRC-32)" \
	"$("$CRC32" "$work/tftp/mod.img")" "$(report_value initrd_crc32 "$work/module")"
check_eq "iPXE module: ramdisk_size is the module's size" \
	"$(hex "$(file_size "$work/tftp/mod.img")")" "$(report_value hdr.ramdisk_size "$work/module")"
tap_done
