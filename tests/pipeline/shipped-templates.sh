#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every template shipped in templates/ builds an image with the boot headers
# it promises, and the image boots through the loader the template is for:
# qemu.yaml with QEMU -kernel, grub-multiboot.yaml from a GRUB 2 ISO,
# ipxe.yaml through iPXE over TFTP, kexec.yaml through the multiboot entry
# kexec loaders use (QEMU -kernel; kexec itself runs only in loader tests),
# coreboot-payload.yaml into a CBFS with cbfstool and within its size budget.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/boot/probe-checks.sh"

templates=$top_srcdir/templates
kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
qemu=$(qemu_binaries | head -n 1)
head -c 100000 /dev/urandom >"$work/rd.img"

# notes ELF: the owners of its ELFBoot and Xen notes, one per line.
notes() {
	LC_ALL=C readelf -nW "$1" | awk '$1 == "ELFBoot" || $1 == "Xen" { print $1 }'
}
# has_multiboot ELF: the multiboot v1 magic 0x1BADB002 in the first 8 KiB, 4-byte aligned.
has_multiboot() {
	head -c 8192 "$1" | od -An -tx4 -v -w4 | grep -qx ' 1badb002'
}

build() {
	_template=$1 _out=$2
	shift 2
	"$MKELFIMAGE" --template "$templates/$_template" --kernel "$kernel" --initrd "$work/rd.img" \
		-o "$_out" "$@" >"$_out.stdout"
}

# qemu.yaml: multiboot and PVH.
check "qemu.yaml builds an image" build qemu.yaml "$work/qemu.elf"
check "qemu.yaml: multiboot header in the first 8 KiB" has_multiboot "$work/qemu.elf"
check "qemu.yaml: Xen PVH entry note (type 18)" sh -c "readelf -nW '$work/qemu.elf' | grep -q '^ *Xen .*0x00000012'"
# grub-multiboot.yaml: multiboot only.
mkdir -p "$work/grub"
check "grub-multiboot.yaml builds an image" build grub-multiboot.yaml "$work/grub/boot.elf"
check "grub-multiboot.yaml: multiboot header" has_multiboot "$work/grub/boot.elf"
check_eq "grub-multiboot.yaml: no PVH or ELFBoot notes" "" "$(notes "$work/grub/boot.elf")"
# ipxe.yaml and kexec.yaml: multiboot and ELFBoot notes, no PVH.
mkdir -p "$work/tftp"
check "ipxe.yaml builds an image" build ipxe.yaml "$work/tftp/boot.elf"
check "ipxe.yaml: multiboot header" has_multiboot "$work/tftp/boot.elf"
check "ipxe.yaml: ELFBoot notes, no PVH note" sh -c "readelf -nW '$work/tftp/boot.elf' | grep -q '^ *ELFBoot' &&
	! readelf -nW '$work/tftp/boot.elf' | grep -q '^ *Xen '"
check "kexec.yaml builds an image" build kexec.yaml "$work/kexec.elf"
check "kexec.yaml: multiboot header" has_multiboot "$work/kexec.elf"
loads=$(LC_ALL=C readelf -lW "$work/kexec.elf" | grep -c '^ *LOAD')
check "kexec.yaml: $loads PT_LOAD, room left under kexec_load's 16" test "$loads" -le 10
# coreboot-payload.yaml: ELFBoot notes and the multiboot header (try it under QEMU -kernel
# first), fixed command line, xz initrd, digests, a 15 MiB budget (a 16 MiB ROM).
check "coreboot-payload.yaml builds an image" build coreboot-payload.yaml "$work/payload.elf"
check "coreboot-payload.yaml: a multiboot header, so QEMU -kernel can try the payload" \
	has_multiboot "$work/payload.elf"
check "coreboot-payload.yaml: digests recorded (for the audit after the flash)" sh -c \
	"'$MKELFIMAGE' inspect '$work/payload.elf' | grep -Eq '^  kernel loaded +0 +[0-9]+ [0-9a-f]{64} ok$'"
check "coreboot-payload.yaml: ELFBoot notes, no PVH note" sh -c "readelf -nW '$work/payload.elf' | grep -q '^ *ELFBoot' &&
	! readelf -nW '$work/payload.elf' | grep -q '^ *Xen '"
check "coreboot-payload.yaml: the initrd is recompressed with xz" sh -c \
	"'$MKELFIMAGE' inspect '$work/payload.elf' | grep -q '^  initrd 0: .* bytes, xz\$'"
head -c 16000000 /dev/urandom >"$work/big.img"
"$MKELFIMAGE" --template "$templates/coreboot-payload.yaml" --kernel "$kernel" --initrd "$work/big.img" \
	-o "$work/big.elf" >/dev/null 2>"$work/big.err"
check_eq "coreboot-payload.yaml: an image over its 15 MiB budget fails (exit 1)" 1 $?
check "coreboot-payload.yaml: the overshoot is named, nothing written" sh -c \
	"grep -Eq 'bytes exceed --max-size 15728640 by [0-9]+ bytes; nothing written' '$work/big.err' && test ! -e '$work/big.elf'"
if command -v cbfstool >/dev/null 2>&1; then
	cbfstool "$work/rom" create -m x86 -s 16777216 >/dev/null 2>&1
	check "coreboot-payload.yaml: cbfstool add-payload accepts the image" \
		cbfstool "$work/rom" add-payload -f "$work/payload.elf" -n fallback/payload
else
	tap_skip "coreboot-payload.yaml: cbfstool add-payload accepts the image" "no cbfstool (install coreboot-utils)"
fi

[ -n "$qemu" ] || { tap_skip "boot the templates' images" "no qemu-system-x86 (install qemu-system-x86)"; tap_done; exit $?; }
name=$(basename "$qemu")
boot_image "$qemu" "$work/qemu.elf" "$work/qemu" -append "q=1"
check_probe_report "$name, qemu.yaml, QEMU -kernel" "$work/qemu" "console=ttyS0 q=1" "$work/rd.img" 0x20f
boot_image "$qemu" "$work/kexec.elf" "$work/kexec" -append "k=1"
check_eq "$name, kexec.yaml: boots through its multiboot entry, loader text appended" \
	"console=ttyS0 k=1" "$(report_value cmdline "$work/kexec")"

grub_bios=/usr/lib/grub/i386-pc
if command -v grub-mkrescue >/dev/null 2>&1 && command -v xorriso >/dev/null 2>&1 && [ -f "$grub_bios/multiboot.mod" ]; then
	mkdir -p "$work/grub/boot/grub"
	printf '%s\n' 'serial --unit=0 --speed=115200' 'terminal_input serial' 'terminal_output serial' \
		'set timeout=0' 'menuentry "t" {' '	multiboot /boot.elf g=1' '}' >"$work/grub/boot/grub/grub.cfg"
	grub-mkrescue -d "$grub_bios" -o "$work/grub.iso" "$work/grub" >"$work/grub.log" 2>&1
	boot_qemu "$qemu" "$work/grub-boot" -cdrom "$work/grub.iso" -boot d
	check_probe_report "$name, grub-multiboot.yaml, GRUB 2 multiboot" "$work/grub-boot" \
		"console=ttyS0 g=1" "$work/rd.img" 0x20f
else
	tap_skip "grub-multiboot.yaml boots from GRUB 2" "no grub-mkrescue, xorriso or grub-pc-bin"
fi

lkrn=/usr/lib/ipxe/ipxe.lkrn
if [ -f "$lkrn" ]; then
	printf '%s\n' '#!ipxe' 'ifopen net0' 'set net0/ip 10.0.2.15' 'set net0/netmask 255.255.255.0' \
		'imgfetch tftp://10.0.2.2/boot.elf' 'imgexec boot.elf i=1' >"$work/boot.ipxe"
	boot_qemu "$qemu" "$work/ipxe" -kernel "$lkrn" -initrd "$work/boot.ipxe" \
		-netdev "user,id=net0,tftp=$work/tftp" -device e1000,netdev=net0
	check_probe_report "$name, ipxe.yaml, iPXE over TFTP" "$work/ipxe" "console=ttyS0 i=1" "$work/rd.img" 0x20f
else
	tap_skip "ipxe.yaml boots from iPXE" "no $lkrn (install ipxe)"
fi
tap_done
