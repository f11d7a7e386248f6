/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A detached CMS signature checked (sigcheck.h). */
#include "config.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include "sigcheck.h"

struct sigcheck_trust {
	X509_STORE *store;
	X509 *pin;
};

/* The first certificate problem of one chain check (the callback's only way out) */
static struct {
	int error;
	char subject[160];
	char when[32];
} chain_problem;

static void name_line(const X509_NAME *name, char *out, size_t size)
{
	BIO *bio = BIO_new(BIO_s_mem());
	int len = 0;

	out[0] = '\0';
	if (bio && X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253) >= 0)
		len = BIO_read(bio, out, (int)size - 1);
	out[len > 0 ? len : 0] = '\0';
	BIO_free(bio);
}

static void time_line(const ASN1_TIME *t, char *out, size_t size)
{
	struct tm tm;

	if (!t || !ASN1_TIME_to_tm(t, &tm) || !strftime(out, size, "%Y-%m-%d %H:%M:%S UTC", &tm))
		snprintf(out, size, "(unreadable)");
}

static int chain_cb(int ok, X509_STORE_CTX *ctx)
{
	X509 *cert = X509_STORE_CTX_get_current_cert(ctx);

	if (!ok && !chain_problem.error) {
		chain_problem.error = X509_STORE_CTX_get_error(ctx);
		chain_problem.subject[0] = chain_problem.when[0] = '\0';
		if (cert) {
			name_line(X509_get_subject_name(cert), chain_problem.subject, sizeof(chain_problem.subject));
			time_line(chain_problem.error == X509_V_ERR_CERT_NOT_YET_VALID ? X509_get0_notBefore(cert)
				  : X509_get0_notAfter(cert), chain_problem.when, sizeof(chain_problem.when));
		}
	}
	return ok;
}

/* Every certificate of one PEM file into the store; -1 when there is none */
static int load_file(X509_STORE *store, const char *path, char *why, size_t why_size)
{
	int before = sk_X509_OBJECT_num(X509_STORE_get0_objects(store));

	ERR_clear_error();
	if (!X509_STORE_load_file(store, path) ||
	    sk_X509_OBJECT_num(X509_STORE_get0_objects(store)) == before) {
		snprintf(why, why_size, "'%s': not a PEM certificate file", path);
		return -1;
	}
	return 0;
}

static int regular(const struct dirent *entry)
{
	return entry->d_name[0] != '.';
}

/* Each regular file of a directory, in name order */
static int load_dir(X509_STORE *store, const char *dir, char *why, size_t why_size)
{
	struct dirent **names;
	int count = scandir(dir, &names, regular, alphasort), i, status = 0, loaded = 0;
	char path[PATH_MAX];
	struct stat st;

	if (count < 0) {
		snprintf(why, why_size, "'%s': cannot read the directory", dir);
		return -1;
	}
	for (i = 0; i < count; i++) {
		if (status == 0 && snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name) < (int)sizeof(path) &&
		    stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			status = load_file(store, path, why, why_size);
			loaded++;
		}
		free(names[i]);
	}
	free(names);
	if (status == 0 && !loaded) {
		snprintf(why, why_size, "'%s': no certificate file in the directory", dir);
		status = -1;
	}
	return status;
}

static X509 *read_cert(const char *path, char *why, size_t why_size)
{
	FILE *f = fopen(path, "r");
	X509 *cert = f ? PEM_read_X509(f, NULL, NULL, NULL) : NULL;

	if (f)
		fclose(f);
	if (!cert)
		snprintf(why, why_size, "'%s': %s", path, f ? "not a PEM certificate" : "cannot open");
	return cert;
}

int sigcheck_trust_load(struct sigcheck_trust **out, const char *ca, const char *pin,
			char *why, size_t why_size)
{
	struct sigcheck_trust *trust = calloc(1, sizeof(*trust));
	struct stat st;
	int status = -1;

	*out = NULL;
	if (!trust || !(trust->store = X509_STORE_new())) {
		snprintf(why, why_size, "out of memory");
	} else if (stat(ca, &st) != 0) {
		snprintf(why, why_size, "'%s': no such file or directory", ca);
	} else {
		status = S_ISDIR(st.st_mode) ? load_dir(trust->store, ca, why, why_size)
			: load_file(trust->store, ca, why, why_size);
		if (status == 0 && pin && !(trust->pin = read_cert(pin, why, why_size)))
			status = -1;
	}
	if (status != 0) {
		sigcheck_trust_free(trust);
		return -1;
	}
	/* a code signer's certificate names any purpose (iPXE wants codeSigning): the chain is the rule */
	X509_STORE_set_purpose(trust->store, X509_PURPOSE_ANY);
	X509_STORE_set_verify_cb(trust->store, chain_cb);
	*out = trust;
	return 0;
}

void sigcheck_trust_free(struct sigcheck_trust *trust)
{
	if (!trust)
		return;
	X509_STORE_free(trust->store);
	X509_free(trust->pin);
	free(trust);
}

static const char *digest_name(int nid)
{
	switch (nid) {
	case NID_sha256: return "SHA-256";
	case NID_sha384: return "SHA-384";
	case NID_sha512: return "SHA-512";
	default: return OBJ_nid2sn(nid);
	}
}

/* "RSA-3072 PKCS#1 v1.5 SHA-256", "ECDSA P-256 SHA-256" */
static void describe_algorithm(CMS_SignerInfo *si, X509 *cert, char *out, size_t size)
{
	X509_ALGOR *dig = NULL, *sig = NULL;
	const ASN1_OBJECT *dig_obj = NULL, *sig_obj = NULL;
	EVP_PKEY *key = X509_get0_pubkey(cert);
	char group[64] = "";
	const char *curve;
	size_t len = 0;

	CMS_SignerInfo_get0_algs(si, NULL, NULL, &dig, &sig);
	if (dig)
		X509_ALGOR_get0(&dig_obj, NULL, NULL, dig);
	if (sig)
		X509_ALGOR_get0(&sig_obj, NULL, NULL, sig);
	if (key && EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA)
		snprintf(out, size, "RSA-%d %s", EVP_PKEY_get_bits(key),
			 sig_obj && OBJ_obj2nid(sig_obj) == NID_rsassaPss ? "PSS" : "PKCS#1 v1.5");
	else if (key && EVP_PKEY_get_base_id(key) == EVP_PKEY_EC &&
		 EVP_PKEY_get_group_name(key, group, sizeof(group), &len))
		snprintf(out, size, "ECDSA %s", (curve = EC_curve_nid2nist(OBJ_sn2nid(group))) ? curve : group);
	else
		snprintf(out, size, "%s", key ? OBJ_nid2sn(EVP_PKEY_get_base_id(key)) : "unknown key");
	if (dig_obj && strlen(out) + 2 < size)
		snprintf(out + strlen(out), size - strlen(out), " %s", digest_name(OBJ_obj2nid(dig_obj)));
}

/* One SignedData, one signer, whose certificate it carries */
static CMS_ContentInfo *parse(const uint8_t *der, size_t der_size, struct sigcheck_signer *signer,
			      char *why, size_t why_size)
{
	const unsigned char *p = der;
	CMS_ContentInfo *cms = der_size <= LONG_MAX ? d2i_CMS_ContentInfo(NULL, &p, (long)der_size) : NULL;
	STACK_OF(CMS_SignerInfo) *infos;
	CMS_SignerInfo *si;
	X509 *cert = NULL;

	if (!cms || OBJ_obj2nid(CMS_get0_type(cms)) != NID_pkcs7_signed) {
		snprintf(why, why_size, "the signature is not a CMS SignedData");
		CMS_ContentInfo_free(cms);
		return NULL;
	}
	infos = CMS_get0_SignerInfos(cms);
	if (!infos || sk_CMS_SignerInfo_num(infos) != 1 || CMS_set1_signers_certs(cms, NULL, 0) < 0 ||
	    (CMS_SignerInfo_get0_algs(si = sk_CMS_SignerInfo_value(infos, 0), NULL, &cert, NULL, NULL), !cert)) {
		snprintf(why, why_size, "the signature must have one signer and carry its certificate");
		CMS_ContentInfo_free(cms);
		return NULL;
	}
	name_line(X509_get_subject_name(cert), signer->subject, sizeof(signer->subject));
	name_line(X509_get_issuer_name(cert), signer->issuer, sizeof(signer->issuer));
	time_line(X509_get0_notAfter(cert), signer->not_after, sizeof(signer->not_after));
	describe_algorithm(si, cert, signer->algorithm, sizeof(signer->algorithm));
	return cms;
}

/* The chain problem the callback saw, as a result and a clause */
static enum sigcheck_result chain_result(char *why, size_t why_size)
{
	switch (chain_problem.error) {
	case X509_V_ERR_CERT_HAS_EXPIRED:
		snprintf(why, why_size, "certificate '%s' expired on %s", chain_problem.subject, chain_problem.when);
		return SIGCHECK_EXPIRED;
	case X509_V_ERR_CERT_NOT_YET_VALID:
		snprintf(why, why_size, "certificate '%s' is not valid before %s", chain_problem.subject,
			 chain_problem.when);
		return SIGCHECK_NOT_YET_VALID;
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
	case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
	case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
	case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
		snprintf(why, why_size, "'%s' does not chain to a trusted certificate", chain_problem.subject);
		return SIGCHECK_UNTRUSTED;
	default:
		snprintf(why, why_size, "certificate '%s': %s", chain_problem.subject,
			 X509_verify_cert_error_string(chain_problem.error));
		return SIGCHECK_CHAIN;
	}
}

enum sigcheck_result sigcheck_verify(const uint8_t *der, size_t der_size, const uint8_t *content,
				     uint64_t content_size, const struct sigcheck_trust *trust,
				     struct sigcheck_signer *signer, char *why, size_t why_size)
{
	CMS_ContentInfo *cms;
	BIO *bio = NULL;
	enum sigcheck_result result = SIGCHECK_OK;
	unsigned flags = CMS_BINARY | (trust ? 0 : CMS_NO_SIGNER_CERT_VERIFY);

	memset(signer, 0, sizeof(*signer));
	why[0] = '\0';
	ERR_clear_error();
	if (!(cms = parse(der, der_size, signer, why, why_size)))
		return SIGCHECK_CORRUPT;
	/* a memory BIO takes an int: the covered bytes of a 2 GiB image or more cannot be fed */
	if (content_size > INT_MAX || !(bio = BIO_new_mem_buf(content, (int)content_size))) {
		snprintf(why, why_size, "the signed bytes (%llu) are more than this check reads (2 GiB)",
			 (unsigned long long)content_size);
		result = SIGCHECK_CORRUPT;
	} else {
		chain_problem.error = 0;
		if (CMS_verify(cms, NULL, trust ? trust->store : NULL, bio, NULL, flags) != 1) {
			if (chain_problem.error) {
				result = chain_result(why, why_size);
			} else {
				snprintf(why, why_size, "the signature does not match the signed bytes");
				result = SIGCHECK_BAD;
			}
		} else if (trust && trust->pin) {
			X509 *cert = NULL;

			CMS_SignerInfo_get0_algs(sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0),
						 NULL, &cert, NULL, NULL);
			if (!cert || X509_cmp(cert, trust->pin) != 0) {
				snprintf(why, why_size, "signed by '%s', not by the pinned certificate", signer->subject);
				result = SIGCHECK_NOT_PINNED;
			}
		}
	}
	BIO_free(bio);
	CMS_ContentInfo_free(cms);
	ERR_clear_error();
	return result;
}

const char *sigcheck_result_name(enum sigcheck_result result)
{
	static const char *const names[] = {
		[SIGCHECK_OK] = "good signature",
		[SIGCHECK_CORRUPT] = "corrupt signature",
		[SIGCHECK_BAD] = "bad signature",
		[SIGCHECK_UNTRUSTED] = "unknown signer",
		[SIGCHECK_EXPIRED] = "certificate expired",
		[SIGCHECK_NOT_YET_VALID] = "certificate not yet valid",
		[SIGCHECK_NOT_PINNED] = "not the pinned signer",
		[SIGCHECK_CHAIN] = "certificate problem",
	};

	return (unsigned)result < sizeof(names) / sizeof(names[0]) ? names[result] : "?";
}
