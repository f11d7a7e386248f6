/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A detached CMS signature (RFC 5652 SignedData, OpenSSL's libcrypto)
 * checked over bytes in memory: by mkelfimage verify and inspect and by
 * bootelf --require-signature, so both judge an image by one rule.
 */
#ifndef COMMON_SIGCHECK_H
#define COMMON_SIGCHECK_H

#include <stddef.h>
#include <stdint.h>

enum sigcheck_result {
	SIGCHECK_OK = 0,
	SIGCHECK_CORRUPT,        /* not a SignedData with exactly one signer and its certificate */
	SIGCHECK_BAD,            /* the signature does not match the bytes */
	SIGCHECK_UNTRUSTED,      /* the signer does not chain to a trust anchor */
	SIGCHECK_EXPIRED,        /* a certificate of the chain expired */
	SIGCHECK_NOT_YET_VALID,  /* or is not valid yet */
	SIGCHECK_NOT_PINNED,     /* the signer is not the pinned certificate */
	SIGCHECK_CHAIN,          /* another certificate problem (the reason says which) */
};

/* What the signature says about its signer */
struct sigcheck_signer {
	char subject[160];       /* one line, RFC 2253 */
	char issuer[160];
	char algorithm[64];      /* "RSA-3072 PKCS#1 v1.5 SHA-256", "ECDSA P-256 SHA-256" */
	char not_after[32];      /* "2027-12-04 10:00:00 UTC" */
};

struct sigcheck_trust;

/*
 * Trust anchors: `ca` is a PEM certificate file (several may follow each
 * other) or a directory whose regular files are read in name order; `pin`
 * (or NULL) a certificate the signer must be. On error returns -1 with one
 * clause in why (naming the file).
 */
int sigcheck_trust_load(struct sigcheck_trust **trust, const char *ca, const char *pin,
			char *why, size_t why_size);
void sigcheck_trust_free(struct sigcheck_trust *trust);

/*
 * Check the DER ContentInfo over content. With trust NULL: only that the
 * signature matches its embedded certificate (inspect). *signer is filled
 * whenever the DER parses; why gets one clause for every result but OK.
 */
enum sigcheck_result sigcheck_verify(const uint8_t *der, size_t der_size, const uint8_t *content,
				     uint64_t content_size, const struct sigcheck_trust *trust,
				     struct sigcheck_signer *signer, char *why, size_t why_size);

/* "bad signature", "unknown signer", ...: the result in two or three words */
const char *sigcheck_result_name(enum sigcheck_result result);

#endif
