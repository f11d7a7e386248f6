# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by the GRUB EFI tests: sourced after tests/lib.sh, never run.
# GRUB 2 for x86_64 UEFI (Debian grub-efi-amd64-bin) on an ISO made by
# grub-mkrescue (grub-common, xorriso, mtools for the EFI system partition),
# booted under OVMF (Debian ovmf) with -cdrom, GRUB's console on COM1.
# What GRUB EFI hands over and why multiboot2: doc/loaders.md, "UEFI".

GRUB_EFI_DIR=/usr/lib/grub/x86_64-efi
OVMF_CODE=${MKELFIMAGE_OVMF_CODE:-/usr/share/OVMF/OVMF_CODE.fd}
OVMF_VARS=${MKELFIMAGE_OVMF_VARS:-/usr/share/OVMF/OVMF_VARS.fd}

# need_grub_efi: skip the whole test without the tools.
need_grub_efi() {
	[ -n "${QEMU_X86_64:-}" ] && command -v "$QEMU_X86_64" >/dev/null 2>&1 ||
		skip_all "no qemu-system-x86_64 (install qemu-system-x86)"
	command -v grub-mkrescue >/dev/null 2>&1 || skip_all "no grub-mkrescue (install grub-common)"
	command -v xorriso >/dev/null 2>&1 || skip_all "no xorriso (install xorriso)"
	command -v mformat >/dev/null 2>&1 || skip_all "no mformat (install mtools)"
	[ -f "$GRUB_EFI_DIR/multiboot2.mod" ] ||
		skip_all "no $GRUB_EFI_DIR/multiboot2.mod (install grub-efi-amd64-bin)"
	[ -f "$OVMF_CODE" ] && [ -f "$OVMF_VARS" ] || skip_all "no $OVMF_CODE (install ovmf)"
}

# make_efi_iso ISO DIR COMMANDS: DIR/boot/grub/grub.cfg runs COMMANDS (lines)
# at once, then halts the machine (GRUB's own refusals end the boot too);
# DIR becomes the ISO. grub-mkrescue's output goes to ISO.log.
make_efi_iso() {
	mkdir -p "$2/boot/grub" || return 1
	cat >"$2/boot/grub/grub.cfg" <<EOF_CFG
serial --unit=0 --speed=115200
terminal_input serial
terminal_output serial
set timeout=0
$3
boot
echo "GRUB-CFG: after boot"
halt
EOF_CFG
	grub-mkrescue -d "$GRUB_EFI_DIR" -o "$1" "$2" >"$1.log" 2>&1
}

# make_linux_efi_iso ISO DIR KERNEL INITRD ARGS: the reference ISO, GRUB
# EFI's own `linux /vmlinuz ARGS` + `initrd /rd.cpio` (KERNEL and INITRD
# copied into DIR under those names), to boot beside an image.
make_linux_efi_iso() {
	mkdir -p "$2" && cp "$3" "$2/vmlinuz" && cp "$4" "$2/rd.cpio" &&
		make_efi_iso "$1" "$2" "insmod efi_gop
linux /vmlinuz $5
initrd /rd.cpio"
}

# boot_efi MACHINE REPORT ISO: boot_qemu under OVMF (a fresh copy of the
# variable store each time), 2 CPUs and 512 MiB as in uefi.md.
boot_efi() {
	cp "$OVMF_VARS" "$2.vars" || return 1
	BOOT_MEMORY=${BOOT_MEMORY:-512} BOOT_TIMEOUT=${BOOT_TIMEOUT:-300} \
		boot_qemu "$QEMU_X86_64" "$2" -machine "$1" -smp 2 \
		-drive if=pflash,format=raw,readonly=on,file="$OVMF_CODE" \
		-drive if=pflash,format=raw,file="$2.vars" -cdrom "$3"
}

# The same for 32-bit UEFI (Debian ovmf-ia32, grub-efi-ia32-bin): Debian 12
# ships the 32-bit OVMF only as its Secure Boot build, which needs SMM and
# secure flash; with the fresh variable store no keys are enrolled, so
# Secure Boot is off and GRUB's unsigned build runs.
GRUB_EFI32_DIR=/usr/lib/grub/i386-efi
OVMF32_CODE=${MKELFIMAGE_OVMF32_CODE:-/usr/share/OVMF/OVMF32_CODE_4M.secboot.fd}
OVMF32_VARS=${MKELFIMAGE_OVMF32_VARS:-/usr/share/OVMF/OVMF32_VARS_4M.fd}

need_grub_efi32() {
	need_grub_efi
	[ -f "$GRUB_EFI32_DIR/multiboot2.mod" ] ||
		skip_all "no $GRUB_EFI32_DIR/multiboot2.mod (install grub-efi-ia32-bin)"
	[ -f "$OVMF32_CODE" ] && [ -f "$OVMF32_VARS" ] || skip_all "no $OVMF32_CODE (install ovmf-ia32)"
}

# make_efi32_iso ISO DIR COMMANDS: make_efi_iso with GRUB for i386-efi
make_efi32_iso() {
	_efi64_dir=$GRUB_EFI_DIR
	GRUB_EFI_DIR=$GRUB_EFI32_DIR
	make_efi_iso "$@"
	_efi32_status=$?
	GRUB_EFI_DIR=$_efi64_dir
	return $_efi32_status
}

# boot_efi32 REPORT ISO: boot_efi on q35 with the 32-bit firmware
boot_efi32() {
	cp "$OVMF32_VARS" "$1.vars" || return 1
	BOOT_MEMORY=${BOOT_MEMORY:-512} BOOT_TIMEOUT=${BOOT_TIMEOUT:-300} \
		boot_qemu "$QEMU_X86_64" "$1" -machine q35,smm=on -smp 2 \
		-global driver=cfi.pflash01,property=secure,value=on \
		-drive if=pflash,format=raw,unit=0,readonly=on,file="$OVMF32_CODE" \
		-drive if=pflash,format=raw,unit=1,file="$1.vars" -cdrom "$2"
}

# make_uefi_initramfs OUT.cpio MARKER: a busybox initramfs whose /init
# reports the firmware interfaces Linux found, one "mkelfimage-init:
# NAME=VALUE" line each (init_value reads them), then powers off through
# ACPI. Needs tests/kernel/kernel-tests.sh (unavailable) sourced first.
make_uefi_initramfs() {
	command -v cpio >/dev/null 2>&1 || unavailable "no cpio (install cpio)"
	busybox=/bin/busybox
	readelf -lW "$busybox" 2>/dev/null | grep -q LOAD && ! readelf -lW "$busybox" | grep -q INTERP ||
		unavailable "no static /bin/busybox (install busybox-static)"
	stage=$work/uefi-stage
	mkdir -p "$stage/bin" "$stage/dev" "$stage/proc" "$stage/sys" && cp "$busybox" "$stage/bin/busybox"
	cat >"$stage/init" <<EOF_INIT
#!/bin/busybox sh
bb=/bin/busybox
\$bb mount -t proc proc /proc
\$bb mount -t sysfs sysfs /sys
echo 1 >/proc/sys/kernel/printk
say() { echo "mkelfimage-init: \$1=\$2"; }
echo "mkelfimage-init: $2"
say cmdline "\$(\$bb cat /proc/cmdline)"
if [ -d /sys/firmware/efi ]; then say efi "\$(\$bb ls /sys/firmware/efi | \$bb tr '\n' ' ')"; else say efi absent; fi
say fw_platform_size "\$(\$bb cat /sys/firmware/efi/fw_platform_size 2>/dev/null)"
say efi_version "\$(\$bb dmesg | \$bb sed -n 's/.*efi: \(EFI v[^ ]*\).*/\1/p' | \$bb head -n 1)"
say rsdp "\$(\$bb dmesg | \$bb sed -n 's/.*ACPI: RSDP \(0x[0-9A-F]*\).*/\1/p' | \$bb head -n 1)"
say acpi_interpreter "\$(\$bb dmesg | \$bb grep -c 'ACPI: Interpreter enabled')"
say efivars "\$(\$bb dmesg | \$bb grep -c 'Registered efivars operations')"
say cpus_online "\$(\$bb cat /sys/devices/system/cpu/online)"
say efifb "\$(\$bb dmesg | \$bb sed -n 's/.*\(fb0: EFI VGA frame buffer device\).*/\1/p' | \$bb head -n 1)"
\$bb poweroff -f
EOF_INIT
	chmod 755 "$stage/init"
	(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) >"$1" ||
		unavailable "cpio failed"
}
