#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# bootelf boots a real kernel: in a QEMU guest running Debian's cloud kernel,
# the static bootelf loads an image that mkelfimage made of that same kernel
# with its own busybox initramfs and built-in command line; the second
# kernel runs the initramfs' /init, which prints its marker and
# /proc/cmdline: the built-in text followed by bootelf's --command-line text.
# The image is signed (tests/sign/pki.sh) and the guest's /etc/bootelf.conf
# requires a signature chaining to the test CA: before that boot, bootelf
# --require-signature refuses a tampered, an unsigned and an untrusted
# signer's image (small probe images: the refusal comes before any load).
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/bootelf/bootelf-guest.sh"
. "$top_srcdir/tests/sign/pki.sh"

# Two kernels and two initramfs images in one guest.
BOOT_MEMORY=${BOOT_MEMORY:-512}
need_qemu_x86_64
need_bootelf_static
fetch_kernel "$CLOUD_KERNEL_PACKAGE"

marker="booted by bootelf"
make_initramfs "$work/second.cpio" "$marker"
check "mkelfimage builds a signed image of $(basename "$kernel") and a busybox initramfs" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/second.cpio" \
	--command-line "$BUILTIN_CMDLINE" --sign-key "$pki/signer.key" --sign-cert "$pki/signer.crt" \
	-o "$work/boot.elf"
probe=$PROBE_DIR/probe-2.15-reloc.bzImage
"$MKELFIMAGE" --kernel "$probe" -o "$work/unsigned.elf"
"$MKELFIMAGE" --kernel "$probe" --sign-key "$pki/signer.key" --sign-cert "$pki/signer.crt" -o "$work/tampered.elf"
flip_byte "$work/tampered.elf" 5000
"$MKELFIMAGE" --kernel "$probe" --sign-key "$pki/rogue.key" --sign-cert "$pki/rogue.crt" -o "$work/rogue.elf"
echo "require-signature /ca.pem" >"$work/bootelf.conf"
bootelf_guest_init "$work/init" '
for image in tampered unsigned rogue; do
	/bootelf --require-signature /ca.pem /$image.elf 2>/bootelf.err
	echo "mkelfimage-init: $image=$? $($bb cat /bootelf.err)"
done
echo "mkelfimage-init: bootelf starting"
/bootelf --command-line "from=bootelf" /boot.elf 2>/bootelf.err
$bb sed "s/^/mkelfimage-init: /" /bootelf.err'
bootelf_guest_boot "$work/guest" "$kernel" "$QEMU_X86_64" "$work/init" "$work/boot.elf=/boot.elf" \
	"$work/unsigned.elf=/unsigned.elf" "$work/tampered.elf=/tampered.elf" "$work/rogue.elf=/rogue.elf" \
	"$pki/ca.crt=/ca.pem" "$work/bootelf.conf=/etc/bootelf.conf"

check_eq "bootelf --require-signature refuses a tampered image" \
	"1 bootelf: image '/tampered.elf': bad signature: the signature does not match the signed bytes; not booting it" \
	"$(init_value tampered "$work/guest")"
check_eq "bootelf --require-signature refuses an unsigned image" \
	"1 bootelf: image '/unsigned.elf': unsigned, and a signature is required (/ca.pem)" \
	"$(init_value unsigned "$work/guest")"
check_eq "bootelf --require-signature refuses an untrusted signer's image" \
	"1 bootelf: image '/rogue.elf': unknown signer: 'CN=mkelfimage test rogue' does not chain to a trusted certificate; not booting it" \
	"$(init_value rogue "$work/guest")"
check_init_ran "the first kernel runs bootelf (its /etc/bootelf.conf requires a signature)" "$work/guest" "bootelf starting"
check_init_ran "the signed image boots: its kernel runs /init from the image's initramfs" "$work/guest" "$marker"
check_eq "its /proc/cmdline is the built-in text, then bootelf's --command-line text" \
	"$BUILTIN_CMDLINE from=bootelf" "$(init_value cmdline "$work/guest")"
tap_done
