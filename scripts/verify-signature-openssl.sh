#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# verify-signature-openssl.sh IMAGE CA.pem: check an mkelfimage image's
# embedded signature with OpenSSL and coreutils alone, no mkelfimage
# (mkelfimage(1), SIGNATURES). The signature covers every byte of IMAGE
# but its last 8192, the slot; the slot starts with the DER signature (a
# CMS SignedData, content detached, no signed attributes), whose length
# its first four bytes give (30 82 HI LO). Exit status: openssl's (0: good).
set -eu
[ $# -eq 2 ] || { echo "usage: $0 IMAGE CA.pem" >&2; exit 2; }
image=$1 ca=$2
slot=8192
size=$(stat -L -c %s "$image")
[ "$size" -gt "$slot" ] || { echo "$0: $image: too short to carry a signature" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
head -c $((size - slot)) "$image" >"$dir/covered"
tail -c "$slot" "$image" >"$dir/slot"
set -- $(od -An -tu1 -N4 "$dir/slot")
[ "$1" = 48 ] && [ "$2" = 130 ] || { echo "$0: $image: no signature in its last $slot bytes (unsigned?)" >&2; exit 1; }
head -c $(($3 * 256 + $4 + 4)) "$dir/slot" >"$dir/signature.der"
exec openssl cms -verify -binary -inform DER -in "$dir/signature.der" -content "$dir/covered" \
	-CAfile "$ca" -purpose any -out /dev/null
