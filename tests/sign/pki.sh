# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the signature tests after tests/lib.sh: a test PKI made with
# openssl at test time, in $pki:
#   ca.crt/ca.key            the trusted CA (RSA-3072)
#   signer.crt/signer.key    RSA-3072, issued by the CA (codeSigning)
#   ec.crt/ec.key            EC P-256, issued by the CA
#   rogue.crt/rogue.key      RSA-3072, issued by another CA nobody trusts
#   expired.crt, future.crt  the signer's key, validity in 2020 and in 2099
#   locked.key               the signer's key under AES-256 with passphrase "sesame"
#   ed.crt/ed.key            Ed25519, self-signed
command -v openssl >/dev/null 2>&1 || skip_all "no openssl (install openssl)"
pki=$work/pki
mkdir -p "$pki"
chmod 700 "$pki"

# pki_issue NAME KEYSPEC CA [openssl ca dates...]: NAME.key and NAME.crt issued by CA
pki_issue() {
	_name=$1 _keyspec=$2 _ca=$3
	shift 3
	[ -f "$pki/$_name.key" ] || openssl genpkey $_keyspec -out "$pki/$_name.key" 2>/dev/null
	openssl req -new -key "$pki/$_name.key" -subj "/CN=mkelfimage test $_name" -out "$pki/$_name.csr"
	: >"$pki/index.txt"
	echo 1000 >"$pki/serial"
	cat >"$pki/ca.cnf" <<CNF
[ca]
default_ca = test
[test]
database = $pki/index.txt
new_certs_dir = $pki
serial = $pki/serial
default_md = sha256
default_days = 30
policy = anything
unique_subject = no
x509_extensions = signer
[anything]
commonName = supplied
[signer]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = codeSigning
CNF
	openssl ca -batch -notext -config "$pki/ca.cnf" -cert "$pki/$_ca.crt" -keyfile "$pki/$_ca.key" \
		-in "$pki/$_name.csr" -out "$pki/$_name.crt" "$@" 2>/dev/null
}

# pki_root NAME: a self-signed CA
pki_root() {
	openssl req -x509 -newkey rsa:3072 -nodes -keyout "$pki/$1.key" -subj "/CN=mkelfimage test $1" -days 30 \
		-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
		-out "$pki/$1.crt" 2>/dev/null
}

pki_root ca
pki_root otherca
pki_issue signer "-algorithm RSA -pkeyopt rsa_keygen_bits:3072" ca
pki_issue ec "-algorithm EC -pkeyopt ec_paramgen_curve:P-256" ca
pki_issue rogue "-algorithm RSA -pkeyopt rsa_keygen_bits:3072" otherca
cp "$pki/signer.key" "$pki/expired.key"
pki_issue expired "" ca -startdate 20200101000000Z -enddate 20200201000000Z
cp "$pki/signer.key" "$pki/future.key"
pki_issue future "" ca -startdate 20990101000000Z -enddate 20991231000000Z
openssl pkey -in "$pki/signer.key" -aes256 -passout pass:sesame -out "$pki/locked.key"
openssl req -x509 -newkey ed25519 -nodes -keyout "$pki/ed.key" -subj "/CN=mkelfimage test ed" -days 30 \
	-out "$pki/ed.crt" 2>/dev/null
chmod 600 "$pki"/*.key
for f in ca signer ec rogue expired future ed; do
	[ -s "$pki/$f.crt" ] || { tap_not_ok "the test PKI is made" "openssl made no $f.crt"; tap_done; exit 1; }
done
