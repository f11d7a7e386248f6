#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Signed images (mkelfimage(1) SIGNATURES): --sign-key/--sign-cert embed a
# CMS signature over every byte but the last 8192; mkelfimage verify and
# OpenSSL alone (scripts/verify-signature-openssl.sh) accept it; one
# flipped byte in each region (ELF header, stub, kernel, initrd, command
# line, a note) makes both refuse, and verify names the region. RSA
# signatures are reproducible, ECDSA ones are not but verify; the reasons
# to refuse (untrusted, expired, not yet valid, unpinned, unsigned) each
# get their line; the detached signature (the form iPXE's imgverify reads)
# checks with openssl; riscv64 images sign the same way.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/sign/pki.sh"
ossl_verify=$top_srcdir/scripts/verify-signature-openssl.sh

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 300001 /dev/urandom >"$work/rd"
sign="--sign-key $pki/signer.key --sign-cert $pki/signer.crt"
# shellcheck disable=SC2086
check "a signed build succeeds" "$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" \
	--command-line "console=ttyS0 signed=1" $sign -o "$work/s.elf"
check "mkelfimage verify accepts it" "$MKELFIMAGE" verify "$work/s.elf" --ca "$pki/ca.crt"
check_eq "verify says who signed, with what" \
	"image '$work/s.elf': good embedded signature by 'CN=mkelfimage test signer' (RSA-3072 PKCS#1 v1.5 SHA-256), issued by 'CN=mkelfimage test ca'" \
	"$("$MKELFIMAGE" verify "$work/s.elf" --ca "$pki/ca.crt")"
check "OpenSSL and coreutils alone accept it (scripts/verify-signature-openssl.sh)" \
	sh "$ossl_verify" "$work/s.elf" "$pki/ca.crt"
size=$(file_size "$work/s.elf")
check_eq "the signature note ends the file: its PT_NOTE's last byte is the file's" "$size" \
	"$(readelf -lW "$work/s.elf" | while read -r type offset _ _ filesz _; do
		[ "$type" = NOTE ] && echo $((offset + filesz)); done | sort -n | tail -n 1)"
# shellcheck disable=SC2086
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" --command-line "console=ttyS0 signed=1" $sign -o "$work/s2.elf"
check "RSA PKCS#1 v1.5 and no signing time: the same inputs and key give the same bytes" \
	cmp "$work/s.elf" "$work/s2.elf"
check_eq "signing does not imply --digests: the digest records stay empty" "not recorded" \
	"$("$MKELFIMAGE" inspect "$work/s.elf" --json | python3 -c 'import json,sys
d = json.load(sys.stdin)["digests"]
print("not recorded" if not any(r.get("sha256") for r in d) else d)')"

# shellcheck disable=SC2086
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" --command-line "console=ttyS0 signed=1" $sign -o "$work/m.elf" \
	--manifest "$work/m.json"
check_eq "the manifest of a signed build has the signed file's SHA-256 (from the signing pass)" \
	"$(sha256sum <"$work/m.elf" | cut -d' ' -f1)" \
	"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["output"]["sha256"])' "$work/m.json")"

# one byte in each region: offsets from inspect (segments) and readelf (the notes)
offsets=$("$MKELFIMAGE" inspect "$work/s.elf" --json | python3 -c 'import json,sys
d = json.load(sys.stdin)
seg = {s["name"]: s["file_offset"] for s in d["segments"]}
size = {s["name"]: s["file_size"] for s in d["segments"]}
print(seg["stub"] + 0x40, seg["kernel"] + size["kernel"] // 2, seg["initrd"] + 100000, seg["command line"] + 3)')
set -- $offsets
first_note=$(readelf -lW "$work/s.elf" | awk '$1 == "NOTE" { print $2; exit }')
for region in "ELF header and program headers:12" "stub:$1" "kernel:$2" "initrds:$3" "command line:$4" \
	"notes:$((first_note + 40))"; do
	name=${region%:*} offset=${region##*:}
	cp "$work/s.elf" "$work/t.elf"
	flip_byte "$work/t.elf" "$offset"
	msg=$("$MKELFIMAGE" verify "$work/t.elf" --ca "$pki/ca.crt" 2>&1)
	check_eq "$name byte flipped: verify refuses (exit 1)" 1 "$?"
	case $msg in
	*"bad signature: the signature does not match the signed bytes; changed: $name (file bytes"*)
		tap_ok "$name byte flipped: verify names the region" ;;
	*) tap_not_ok "$name byte flipped: verify names the region" "got: $msg" ;;
	esac
	if sh "$ossl_verify" "$work/t.elf" "$pki/ca.crt" >/dev/null 2>&1; then
		tap_not_ok "$name byte flipped: openssl cms -verify refuses"
	else
		tap_ok "$name byte flipped: openssl cms -verify refuses"
	fi
done

# why an image is refused, one line each
refusal() {
	_r_msg=$("$MKELFIMAGE" verify "$@" 2>&1)
	_r_status=$?
	echo "$_r_status ${_r_msg#mkelfimage: }"
}
check_eq "a CA that did not issue the signer: unknown signer" \
	"1 image '$work/s.elf': unknown signer: 'CN=mkelfimage test signer' does not chain to a trusted certificate" \
	"$(refusal "$work/s.elf" --ca "$pki/otherca.crt")"
# shellcheck disable=SC2086
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" --sign-key "$pki/rogue.key" --sign-cert "$pki/rogue.crt" -o "$work/rogue.elf"
check_eq "signed by an untrusted signer: unknown signer" \
	"1 image '$work/rogue.elf': unknown signer: 'CN=mkelfimage test rogue' does not chain to a trusted certificate" \
	"$(refusal "$work/rogue.elf" --ca "$pki/ca.crt")"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" --sign-key "$pki/expired.key" --sign-cert "$pki/expired.crt" \
	-o "$work/expired.elf" 2>"$work/expired.err"
check_eq "signing with an expired certificate warns" \
	"mkelfimage: warning: --sign-cert '$pki/expired.crt' has expired: verifiers will refuse the signature" \
	"$(cat "$work/expired.err")"
check_eq "an expired certificate: refused, with the date" \
	"1 image '$work/expired.elf': certificate expired: certificate 'CN=mkelfimage test expired' expired on 2020-02-01 00:00:00 UTC" \
	"$(refusal "$work/expired.elf" --ca "$pki/ca.crt")"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" --sign-key "$pki/future.key" --sign-cert "$pki/future.crt" -o "$work/future.elf"
check_eq "a certificate not valid yet: refused, with the date" \
	"1 image '$work/future.elf': certificate not yet valid: certificate 'CN=mkelfimage test future' is not valid before 2099-01-01 00:00:00 UTC" \
	"$(refusal "$work/future.elf" --ca "$pki/ca.crt")"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" -o "$work/plain.elf"
check_eq "an unsigned image: refused" \
	"1 image '$work/plain.elf': unsigned (no signature note; sign it with mkelfimage sign)" \
	"$(refusal "$work/plain.elf" --ca "$pki/ca.crt")"
check "--cert pins the signer: the right one passes" \
	"$MKELFIMAGE" verify "$work/s.elf" --ca "$pki/ca.crt" --cert "$pki/signer.crt"
check_eq "--cert pins the signer: another signer of the same CA is refused" \
	"1 image '$work/s.elf': not the pinned signer: signed by 'CN=mkelfimage test signer', not by the pinned certificate" \
	"$(refusal "$work/s.elf" --ca "$pki/ca.crt" --cert "$pki/ec.crt")"
mkdir "$work/anchors"
cp "$pki/otherca.crt" "$work/anchors/a.pem"
cp "$pki/ca.crt" "$work/anchors/b.pem"
check "--ca DIR: every certificate file in it is a trust anchor" \
	"$MKELFIMAGE" verify "$work/s.elf" --ca "$work/anchors"

# EC P-256: randomised, so two signatures differ, and both verify
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" --sign-key "$pki/ec.key" --sign-cert "$pki/ec.crt" -o "$work/ec1.elf"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" --sign-key "$pki/ec.key" --sign-cert "$pki/ec.crt" -o "$work/ec2.elf"
check_eq "ECDSA P-256: verify accepts, and names the algorithm" \
	"good embedded signature by 'CN=mkelfimage test ec' (ECDSA P-256 SHA-256)" \
	"$("$MKELFIMAGE" verify "$work/ec1.elf" --ca "$pki/ca.crt" | sed "s|^image '[^']*': ||; s|, issued by.*||")"
check "ECDSA P-256: openssl accepts" sh "$ossl_verify" "$work/ec2.elf" "$pki/ca.crt"
if cmp -s "$work/ec1.elf" "$work/ec2.elf"; then
	tap_not_ok "ECDSA signatures are randomised (documented as not reproducible)"
else
	tap_ok "ECDSA signatures are randomised (documented as not reproducible)"
fi

# inspect: signer, algorithm, and whether the signature matches its own certificate
inspect_sig() {
	"$MKELFIMAGE" inspect "$1" --json | python3 -c 'import json,sys
s = json.load(sys.stdin)["signature"]
print(s["signed"], s.get("signer"), s.get("algorithm"), s.get("matches_its_certificate"))'
}
check_eq "inspect --json: the signer, the algorithm, a match" \
	"True CN=mkelfimage test signer RSA-3072 PKCS#1 v1.5 SHA-256 True" "$(inspect_sig "$work/s.elf")"
cp "$work/s.elf" "$work/t.elf"
flip_byte "$work/t.elf" "$2"
check_eq "inspect --json: a changed image no longer matches its certificate" \
	"True CN=mkelfimage test signer RSA-3072 PKCS#1 v1.5 SHA-256 False" "$(inspect_sig "$work/t.elf")"
check_eq "inspect --json: an unsigned image" "False None None None" "$(inspect_sig "$work/plain.elf")"
check "inspect (text) says signed and who signed" sh -c \
	"'$MKELFIMAGE' inspect '$work/s.elf' | grep -q '^  signer: CN=mkelfimage test signer$'"

# the detached signature: DER CMS over the whole file, the form imgverify checks
# shellcheck disable=SC2086
check "--detached-signature: written beside the signed image" "$MKELFIMAGE" --kernel "$kernel" \
	--initrd "$work/rd" --command-line "console=ttyS0 signed=1" $sign --detached-signature "$work/d.sig" \
	-o "$work/d.elf"
check "the embedded signature is the same with or without a detached one" cmp "$work/s.elf" "$work/d.elf"
check "openssl cms -verify accepts the detached signature over the whole file" \
	openssl cms -verify -binary -inform DER -in "$work/d.sig" -content "$work/d.elf" -CAfile "$pki/ca.crt" \
	-purpose any -out /dev/null
check "the detached signature is byte for byte what openssl cms -sign -binary -noattr writes" sh -c \
	"openssl cms -sign -binary -noattr -nosmimecap -md sha256 -signer '$pki/signer.crt' -inkey '$pki/signer.key' \
	-in '$work/d.elf' -outform DER -out '$work/ref.sig' && cmp '$work/ref.sig' '$work/d.sig'"
size=$(file_size "$work/d.elf")
head -c $((size - 8192)) "$work/d.elf" >"$work/covered"
openssl cms -sign -binary -noattr -nosmimecap -md sha256 -signer "$pki/signer.crt" -inkey "$pki/signer.key" \
	-in "$work/covered" -outform DER -out "$work/ref-embedded.der"
check "the embedded DER is what openssl cms -sign writes for the covered bytes" sh -c \
	"tail -c 8192 '$work/d.elf' | head -c $(file_size "$work/ref-embedded.der") | cmp - '$work/ref-embedded.der'"
check "mkelfimage verify --detached-signature accepts it" \
	"$MKELFIMAGE" verify "$work/d.elf" --ca "$pki/ca.crt" --detached-signature "$work/d.sig"
# shellcheck disable=SC2086
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" $sign --detached-signature "$work/n.sig" \
	--no-embedded-signature -o "$work/n.elf"
check "--no-embedded-signature: the image is the unsigned build" cmp "$work/plain.elf" "$work/n.elf"
check "--no-embedded-signature: its detached signature verifies" \
	"$MKELFIMAGE" verify "$work/n.elf" --ca "$pki/ca.crt" --detached-signature "$work/n.sig"
flip_byte "$work/n.elf" "$2"
check_eq "a changed image fails its detached signature" 1 \
	"$("$MKELFIMAGE" verify "$work/n.elf" --ca "$pki/ca.crt" --detached-signature "$work/n.sig" 2>/dev/null; echo $?)"
# iPXE: Debian's build has no imgverify, and its trust roots are fixed when it is built
efi=/usr/lib/ipxe/ipxe.efi
if [ -f "$efi" ] && strings "$efi" | grep -qx imgverify; then
	tap_skip "iPXE imgverify checks the detached signature" \
		"this iPXE has imgverify, but trusts only the roots built into it (TRUST=), never a test CA"
else
	tap_skip "iPXE imgverify checks the detached signature" \
		"Debian's iPXE ($efi) is built without IMAGE_TRUST_CMD: no imgverify command (and its trust roots are fixed at build time); openssl checked the same DER above"
fi

# riscv64 (a device-tree arch, no other notes): signed the same way
xz -dc "$top_srcdir/tests/riscv64/kernel/Image.xz" >"$work/Image"
# shellcheck disable=SC2086
check "an --arch riscv64 image is signed" "$MKELFIMAGE" --arch riscv64 --kernel "$work/Image" \
	--initrd "$work/rd" $sign -o "$work/rv.elf"
check "riscv64: verify and openssl accept it" sh -c \
	"'$MKELFIMAGE' verify '$work/rv.elf' --ca '$pki/ca.crt' >/dev/null && sh '$ossl_verify' '$work/rv.elf' '$pki/ca.crt' 2>/dev/null"
tap_done
