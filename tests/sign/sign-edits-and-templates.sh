#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Signatures and the edits (mkelfimage(1) SIGNATURES): set-command-line and
# replace-initrd on a signed image re-sign with --sign-key/--sign-cert, and
# otherwise refuse, leaving the image as it was, or drop the signature with
# --remove-signature and a warning; `sign IMAGE` gives the bytes a signed
# build of the same inputs gives (so the key can live on another host);
# a template takes the keys as paths relative to itself.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/sign/pki.sh"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 70001 /dev/urandom >"$work/rd"
head -c 50003 /dev/urandom >"$work/rd2"
sign="--sign-key $pki/signer.key --sign-cert $pki/signer.crt"
# shellcheck disable=SC2086
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" --command-line "one=1" $sign -o "$work/s.elf"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" --command-line "one=1" -o "$work/plain.elf"
verify() { "$MKELFIMAGE" verify "$1" --ca "$pki/ca.crt" >/dev/null 2>&1; }

cp "$work/s.elf" "$work/e.elf"
msg=$("$MKELFIMAGE" set-command-line "$work/e.elf" "two=2" 2>&1)
check_eq "set-command-line on a signed image without a key: refused, exit 1" \
	"1 mkelfimage: image '$work/e.elf' is signed: give --sign-key and --sign-cert to sign the edited image, or --remove-signature to drop the signature" \
	"$? $msg"
check "the refused edit left the image as it was" cmp "$work/s.elf" "$work/e.elf"
"$MKELFIMAGE" replace-initrd "$work/e.elf" "$work/rd2" 2>/dev/null
check_eq "replace-initrd on a signed image without a key: refused" 1 "$?"
check "that left the image as it was too" cmp "$work/s.elf" "$work/e.elf"

# shellcheck disable=SC2086
check "set-command-line with the key re-signs" "$MKELFIMAGE" set-command-line "$work/e.elf" "two=2" $sign
check "the edited image verifies" verify "$work/e.elf"
"$MKELFIMAGE" extract "$work/e.elf" --command-line-file "$work/c"
check_eq "and has the new command line" "two=2" "$(cat "$work/c")"
# shellcheck disable=SC2086
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd" --command-line "two=2" $sign -o "$work/fresh.elf"
check "an edit with the key gives a fresh signed build's bytes" cmp "$work/fresh.elf" "$work/e.elf"
# shellcheck disable=SC2086
check "replace-initrd with the key (options before the files)" "$MKELFIMAGE" replace-initrd $sign "$work/e.elf" "$work/rd2"
check "the edited image verifies" verify "$work/e.elf"
"$MKELFIMAGE" extract "$work/e.elf" --initrd "$work/x0"
check "and holds the new initrd" cmp "$work/rd2" "$work/x0"

"$MKELFIMAGE" set-command-line "$work/e.elf" "three=3" --remove-signature 2>"$work/warn"
check_eq "--remove-signature: the edit runs and warns" \
	"0 mkelfimage: warning: image '$work/e.elf': the signature is removed (--remove-signature)" "$? $(cat "$work/warn")"
check_eq "--remove-signature: the result is unsigned" 1 \
	"$("$MKELFIMAGE" verify "$work/e.elf" --ca "$pki/ca.crt" 2>/dev/null; echo $?)"
cp "$work/plain.elf" "$work/p.elf"
check "an unsigned image is edited as before, unsigned" "$MKELFIMAGE" set-command-line "$work/p.elf" "one=1"
check "(its bytes unchanged by the same command line)" cmp "$work/plain.elf" "$work/p.elf"

# sign: the key elsewhere
cp "$work/plain.elf" "$work/u.elf"
# shellcheck disable=SC2086
check "sign IMAGE signs an unsigned image" "$MKELFIMAGE" sign "$work/u.elf" $sign
check "sign gives the bytes of a signed build from the original inputs" cmp "$work/s.elf" "$work/u.elf"
# shellcheck disable=SC2086
check "sign of a signed image, with another key, re-signs" "$MKELFIMAGE" sign "$work/u.elf" \
	--sign-key "$pki/ec.key" --sign-cert "$pki/ec.crt"
check_eq "now signed by the EC signer" "CN=mkelfimage test ec" \
	"$("$MKELFIMAGE" inspect "$work/u.elf" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["signature"]["signer"])')"
msg=$("$MKELFIMAGE" sign "$work/u.elf" 2>&1)
check_eq "sign without a key: usage, exit 1" "1" "$?"
case $msg in *"usage: mkelfimage sign IMAGE --sign-key FILE --sign-cert FILE"*) tap_ok "sign without a key says how" ;;
*) tap_not_ok "sign without a key says how" "got: $msg" ;; esac
# shellcheck disable=SC2086
check "sign --detached-signature --no-embedded-signature: a detached signature only" \
	"$MKELFIMAGE" sign "$work/p.elf" $sign --detached-signature "$work/p.sig" --no-embedded-signature
check "that detached signature verifies" "$MKELFIMAGE" verify "$work/p.elf" --ca "$pki/ca.crt" \
	--detached-signature "$work/p.sig"

# a template names the keys; relative paths are the template's
mkdir -p "$work/t/keys"
cp "$pki/signer.key" "$pki/signer.crt" "$work/t/keys/"
chmod 600 "$work/t/keys/signer.key"
cat >"$work/t/signed.yaml" <<YAML
command-line: one=1
sign-key: keys/signer.key
sign-cert: keys/signer.crt
detached-signature: out.sig
YAML
(cd "$work" && "$MKELFIMAGE" --template t/signed.yaml --kernel "$kernel" --initrd "$work/rd" -o "$work/tpl.elf")
check "a template with sign-key and sign-cert (paths beside it) signs" cmp "$work/s.elf" "$work/tpl.elf"
check "its detached-signature path is the template's too" test -s "$work/t/out.sig"
tap_done
