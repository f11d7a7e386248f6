/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The signing key and its certificate (--sign-key, --sign-cert,
 * --sign-pass), checked before any output exists, and the detached CMS
 * SignedData they make (no signed attributes, the signer's certificate
 * inside: the form `openssl cms -sign -binary -noattr` writes and iPXE's
 * imgverify reads). Nothing here prints key material.
 */
#ifndef MKELFIMAGE_SIGNER_H
#define MKELFIMAGE_SIGNER_H

#include <stddef.h>
#include <stdint.h>

#include "spec.h"

struct signer;

/*
 * The options' rules: a key needs its certificate and the other way
 * round; a passphrase or a detached signature needs a key; a detached
 * signature is needed by --no-embedded-signature. EXIT_OK or reported.
 */
int signer_check_options(const struct sign_spec *spec);

/* Load and check key and certificate; EXIT_OK, or a reported status. */
int signer_open(const struct sign_spec *spec, struct signer **signer);
void signer_free(struct signer *signer);

/*
 * The DER ContentInfo (*der, malloc'd) for content whose SHA-256 is
 * `digest`. EXIT_OK, or a reported status naming `what`.
 */
int signer_sign_digest(const struct signer *signer, const uint8_t digest[32], uint8_t **der,
		       size_t *der_size, const char *what);

#endif
