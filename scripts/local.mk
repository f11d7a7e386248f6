# SPDX-License-Identifier: GPL-2.0-or-later
# scripts/: shipped under $(pkgdatadir): the signature checked with OpenSSL alone.
dist_pkgdata_SCRIPTS = %D%/verify-signature-openssl.sh
