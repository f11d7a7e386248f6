#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Bad signing input gets one line naming the file and the rule, exit 1,
# and no output (an existing output keeps its bytes): a key that does not
# match the certificate, an encrypted key without (or with a wrong)
# passphrase, a corrupt certificate, Ed25519 (Debian 12's OpenSSL 3.0
# has no EdDSA CMS), a short RSA key, option misuse. Every passphrase
# source works. A key others can read gets a warning; no message carries
# key material. verify and inspect name a broken signature note (a wrong
# size, version, slot size, DER).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/sign/pki.sh"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
printf '070701 initrd\n' >"$work/rd"
echo "old bytes" >"$work/out.elf"

# refused "NAME" "EXPECTED LINE" ARGS...: exit 1, exactly that line, out.elf untouched
refused() {
	_name=$1 _line=$2
	shift 2
	_msg=$("$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" -o "$work/out.elf" "$@" 2>&1)
	check_eq "$_name: exit 1 and one line" "1 mkelfimage: $_line" "$? $_msg"
	check_eq "$_name: the existing output is untouched" "old bytes" "$(cat "$work/out.elf")"
}
refused "a key that does not match the certificate" \
	"--sign-key '$pki/ec.key' does not match --sign-cert '$pki/signer.crt' (another public key)" \
	--sign-key "$pki/ec.key" --sign-cert "$pki/signer.crt"
refused "an encrypted key without a passphrase source" \
	"--sign-key '$pki/locked.key': the key is encrypted; give its passphrase with --sign-pass (pass:TEXT, env:VAR, file:PATH, fd:N or stdin)" \
	--sign-key "$pki/locked.key" --sign-cert "$pki/signer.crt"
refused "a wrong passphrase" \
	"--sign-key '$pki/locked.key': the passphrase from --sign-pass does not decrypt it" \
	--sign-key "$pki/locked.key" --sign-cert "$pki/signer.crt" --sign-pass pass:open
refused "a passphrase source of an unknown form" \
	"--sign-pass 'sesame': use pass:TEXT, env:VAR, file:PATH, fd:N or stdin" \
	--sign-key "$pki/locked.key" --sign-cert "$pki/signer.crt" --sign-pass sesame
head -c 700 /dev/urandom | base64 | sed '1i-----BEGIN CERTIFICATE-----' | sed '$a-----END CERTIFICATE-----' >"$work/corrupt.crt"
refused "a corrupt certificate" "--sign-cert '$work/corrupt.crt': not a PEM certificate" \
	--sign-key "$pki/signer.key" --sign-cert "$work/corrupt.crt"
refused "a certificate that is not there" "--sign-cert '$work/none.crt': cannot open: No such file or directory" \
	--sign-key "$pki/signer.key" --sign-cert "$work/none.crt"
cp "$pki/ca.crt" "$work/notakey.pem"
chmod 600 "$work/notakey.pem"
refused "a key file that is not a key" "--sign-key '$work/notakey.pem': not a PEM private key" \
	--sign-key "$work/notakey.pem" --sign-cert "$pki/signer.crt"
openssl_version=$(openssl version | cut -d' ' -f2)
refused "an Ed25519 key" \
	"--sign-key '$pki/ed.key': Ed25519: OpenSSL $openssl_version cannot make or verify CMS signatures with EdDSA keys (RFC 8419); use RSA-3072 (reproducible) or EC P-256" \
	--sign-key "$pki/ed.key" --sign-cert "$pki/ed.crt"
openssl req -x509 -newkey rsa:1024 -nodes -keyout "$work/short.key" -subj /CN=short -days 3 -out "$work/short.crt" 2>/dev/null
chmod 600 "$work/short.key"
refused "an RSA key of 1024 bits" \
	"--sign-key '$work/short.key': RSA-1024 is too short; use 2048 bits or more (3072 recommended)" \
	--sign-key "$work/short.key" --sign-cert "$work/short.crt"
refused "--sign-key without --sign-cert" "--sign-key needs --sign-cert (the key's PEM certificate)" \
	--sign-key "$pki/signer.key"
refused "--sign-cert without --sign-key" "--sign-cert needs --sign-key (the PEM private key to sign with)" \
	--sign-cert "$pki/signer.crt"
refused "--no-embedded-signature without a detached one" \
	"--no-embedded-signature needs --detached-signature FILE (else nothing would be signed)" \
	--sign-key "$pki/signer.key" --sign-cert "$pki/signer.crt" --no-embedded-signature
refused "--detached-signature that is the image" \
	"--detached-signature '$work/out.elf': is another output of this build" \
	--sign-key "$pki/signer.key" --sign-cert "$pki/signer.crt" --detached-signature "$work/out.elf"

# every passphrase source
sign_locked() {
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" -o "$work/ok.elf" \
		--sign-key "$pki/locked.key" --sign-cert "$pki/signer.crt" --sign-pass "$1"
}
echo sesame >"$work/pass"
check "--sign-pass pass:TEXT" sign_locked pass:sesame
check "--sign-pass env:VAR" env MKELFIMAGE_TEST_PASS=sesame sh -c "$(command -v "$MKELFIMAGE") --kernel '$kernel' --initrd '$work/rd' -o '$work/ok.elf' --sign-key '$pki/locked.key' --sign-cert '$pki/signer.crt' --sign-pass env:MKELFIMAGE_TEST_PASS"
check "--sign-pass file:PATH" sign_locked "file:$work/pass"
check "--sign-pass fd:N" sh -c "'$MKELFIMAGE' --kernel '$kernel' --initrd '$work/rd' -o '$work/ok.elf' --sign-key '$pki/locked.key' --sign-cert '$pki/signer.crt' --sign-pass fd:3 3<'$work/pass'"
check "--sign-pass stdin" sh -c "'$MKELFIMAGE' --kernel '$kernel' --initrd '$work/rd' -o '$work/ok.elf' --sign-key '$pki/locked.key' --sign-cert '$pki/signer.crt' --sign-pass stdin <'$work/pass'"
check "the encrypted key's signature verifies" "$MKELFIMAGE" verify "$work/ok.elf" --ca "$pki/ca.crt"

# a key others can read: signed, with a warning that names no key material
cp "$pki/signer.key" "$work/open.key"
chmod 644 "$work/open.key"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" -o "$work/ok.elf" --sign-key "$work/open.key" \
	--sign-cert "$pki/signer.crt" 2>"$work/warn"
check_eq "a world-readable key: signed, with a warning" \
	"0 mkelfimage: warning: --sign-key '$work/open.key' is readable by every user (mode 0644); chmod 600 it" \
	"$? $(cat "$work/warn")"
key_line=$(sed -n 2p "$pki/signer.key")
if "$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" -o "$work/out.elf" --sign-key "$pki/signer.key" \
	--sign-cert "$pki/ec.crt" 2>&1 | grep -qF "$key_line"; then
	tap_not_ok "no error message carries key material"
else
	tap_ok "no error message carries key material"
fi
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" -o "$work/m.elf" --manifest "$work/m.json" \
	--sign-key "$pki/signer.key" --sign-cert "$pki/signer.crt"
if grep -qF "$key_line" "$work/m.json" || grep -q "PRIVATE" "$work/m.json"; then
	tap_not_ok "the manifest carries no key material"
else
	tap_ok "the manifest carries no key material"
fi

# a broken signature note: verify and inspect name the field
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" -o "$work/s.elf" --sign-key "$pki/signer.key" \
	--sign-cert "$pki/signer.crt"
size=$(file_size "$work/s.elf")
note=$((size - 8192 - 32))   # the note's header: 12 bytes, name 12, version, slot_size
# put_le32 FILE OFFSET VALUE
put_le32() {
	printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $(($3 & 255)) $(($3 >> 8 & 255)) $(($3 >> 16 & 255)) $(($3 >> 24 & 255)))" |
		dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
broken() {
	_name=$1 _line=$2 _offset=$3 _value=$4
	cp "$work/s.elf" "$work/b.elf"
	put_le32 "$work/b.elf" "$_offset" "$_value"
	_msg=$("$MKELFIMAGE" verify "$work/b.elf" --ca "$pki/ca.crt" 2>&1)
	check_eq "$_name: verify says so, exit 1" "1 mkelfimage: image '$work/b.elf': $_line" "$? $_msg"
}
broken "a signature note of the wrong size" \
	"signature note 0x$(printf %x "$note"): desc is 8196 bytes, must be 8200" $((note + 4)) 8196
broken "a signature note of another version" \
	"signature note version 0x$(printf %x $((note + 24))): 2, this mkelfimage reads 1" $((note + 24)) 2
broken "a slot size that is not 8192" \
	"signature note slot_size 0x$(printf %x $((note + 28))): 4096, must be 8192" $((note + 28)) 4096
broken "a slot that does not start with the DER" \
	"signature note slot 0x$(printf %x $((size - 8192))): does not start with a DER SEQUENCE that ends before the region table (+6144)" \
	$((size - 8192)) 0
check_eq "inspect shows the broken note as a problem" \
	"True signature note slot 0x$(printf %x $((size - 8192))): does not start with a DER SEQUENCE that ends before the region table (+6144)" \
	"$("$MKELFIMAGE" inspect "$work/b.elf" --json | python3 -c 'import json,sys
s = json.load(sys.stdin)["signature"]; print(s["signed"], s["problem"])')"
msg=$("$MKELFIMAGE" set-command-line "$work/b.elf" x=1 2>&1)
check_eq "an edit of an image with a broken signature note refuses without a key" 1 "$?"

# verify's own usage
msg=$("$MKELFIMAGE" verify "$work/s.elf" 2>&1)
check_eq "verify without --ca: usage, exit 1" \
	"1 mkelfimage: usage: mkelfimage verify IMAGE --ca FILE|DIR [--cert FILE] [--detached-signature FILE]" "$? $msg"
msg=$("$MKELFIMAGE" verify "$work/s.elf" --ca "$work/nothing" 2>&1)
check_eq "verify --ca that is not there" "1 mkelfimage: --ca '$work/nothing': no such file or directory" "$? $msg"
msg=$("$MKELFIMAGE" verify "$work/s.elf" --ca "$work/rd" 2>&1)
check_eq "verify --ca that holds no certificate" "1 mkelfimage: --ca '$work/rd': not a PEM certificate file" "$? $msg"
tap_done
