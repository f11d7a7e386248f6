#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# bootelf's signature policy on this machine, --dry-run only (nothing is
# loaded; the guest boot is tests/bootelf/bootelf-boots-debian-kernel-in-
# guest.sh): --require-signature CA, or ROOT/etc/bootelf.conf
# (BOOTELF_SYSROOT=ROOT), refuses an unsigned, tampered or untrusted image
# with one line and exit 1, before any plan is printed; the option wins
# over the file; a malformed policy file is an error naming its line.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/sign/pki.sh"
BOOTELF=$top_builddir/loader/bootelf
root=$work/root
fake_memmap "$root"
mkdir -p "$root/etc"

probe=$PROBE_DIR/probe-2.15-reloc.bzImage
"$MKELFIMAGE" --kernel "$probe" --sign-key "$pki/signer.key" --sign-cert "$pki/signer.crt" -o "$work/signed.elf"
"$MKELFIMAGE" --kernel "$probe" -o "$work/unsigned.elf"
cp "$work/signed.elf" "$work/tampered.elf"
flip_byte "$work/tampered.elf" 5000
# dry IMAGE [OPTIONS]: "STATUS LINES-ON-STDOUT STDERR"
dry() {
	_d_image=$1
	shift
	_d_err=$(BOOTELF_SYSROOT=$root "$BOOTELF" --dry-run "$@" "$_d_image" 2>&1 >"$work/plan.txt")
	echo "$? $(wc -l <"$work/plan.txt") $_d_err"
}

check_eq "--require-signature: a signed image is planned" "0" \
	"$(dry "$work/signed.elf" --require-signature "$pki/ca.crt" | cut -d' ' -f1)"
check_eq "--require-signature: a tampered image is refused, no plan printed" \
	"1 0 bootelf: image '$work/tampered.elf': bad signature: the signature does not match the signed bytes; not booting it" \
	"$(dry "$work/tampered.elf" --require-signature "$pki/ca.crt")"
check_eq "--require-signature: an unsigned image is refused" \
	"1 0 bootelf: image '$work/unsigned.elf': unsigned, and a signature is required ($pki/ca.crt)" \
	"$(dry "$work/unsigned.elf" --require-signature "$pki/ca.crt")"
check_eq "--require-signature with another CA: unknown signer" \
	"1 0 bootelf: image '$work/signed.elf': unknown signer: 'CN=mkelfimage test signer' does not chain to a trusted certificate; not booting it" \
	"$(dry "$work/signed.elf" --require-signature "$pki/otherca.crt")"
check_eq "no policy file, no option: an unsigned image is planned" "0" \
	"$(dry "$work/unsigned.elf" | cut -d' ' -f1)"
printf '# boot only what our CA signed\n\nrequire-signature   %s  \n' "$pki/ca.crt" >"$root/etc/bootelf.conf"
check_eq "the policy file makes it the default: unsigned refused" \
	"1 0 bootelf: image '$work/unsigned.elf': unsigned, and a signature is required ($pki/ca.crt)" \
	"$(dry "$work/unsigned.elf")"
check_eq "the policy file: a signed image is planned" "0" "$(dry "$work/signed.elf" | cut -d' ' -f1)"
check_eq "--require-signature wins over the policy file" \
	"1 0 bootelf: image '$work/signed.elf': unknown signer: 'CN=mkelfimage test signer' does not chain to a trusted certificate; not booting it" \
	"$(dry "$work/signed.elf" --require-signature "$pki/otherca.crt")"
printf 'require-signature\n' >"$root/etc/bootelf.conf"
check_eq "a malformed policy file: its line named" \
	"1 0 bootelf: policy file '$root/etc/bootelf.conf' line 1: expected \"require-signature PATH\"" \
	"$(dry "$work/signed.elf")"
printf 'allow-unsigned yes\n' >"$root/etc/bootelf.conf"
check_eq "an unknown setting: its line named" \
	"1 0 bootelf: policy file '$root/etc/bootelf.conf' line 1: expected \"require-signature PATH\"" \
	"$(dry "$work/signed.elf")"
rm "$root/etc/bootelf.conf"
check_eq "--require-signature naming no file" \
	"1 0 bootelf: --require-signature '$work/none': no such file or directory" \
	"$(dry "$work/signed.elf" --require-signature "$work/none")"
tap_done
