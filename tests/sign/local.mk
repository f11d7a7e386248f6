# SPDX-License-Identifier: GPL-2.0-or-later
# tests/sign/: signed images (issue 18): a test PKI made with openssl at
# test time (pki.sh), sign and verify, the edits, bad input, bootelf's
# policy (host --dry-run; the guest boot is in tests/bootelf).
TAP_TEST_LIST += \
	%D%/sign-and-verify.sh \
	%D%/sign-edits-and-templates.sh \
	%D%/sign-rejects-bad-input.sh \
	%D%/bootelf-require-signature.sh
EXTRA_DIST += %D%/pki.sh
