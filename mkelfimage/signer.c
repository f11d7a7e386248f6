/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Key, certificate and the CMS they make (signer.h). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "common/report.h"
#include "signer.h"

struct signer {
	EVP_PKEY *key;
	X509 *cert;
};

/* What the passphrase callback was given and saw */
struct pass_source {
	const char *spec;          /* --sign-pass, or NULL */
	char text[1024];
	int asked;                 /* the key is encrypted */
	int loaded;                /* text holds the passphrase (read once: stdin and fd: are streams) */
	int failed;                /* the source could not be read (reported) */
};

/* One line from fd (no newline), as `openssl -passin file:/fd:/stdin` reads it */
static void read_line_fd(int fd, char *out, size_t size)
{
	size_t len = 0;
	char c;

	while (len + 1 < size && read(fd, &c, 1) == 1 && c != '\n')
		out[len++] = c;
	out[len] = '\0';
	if (len && out[len - 1] == '\r')
		out[len - 1] = '\0';
}

/* pass:TEXT, env:VAR, file:PATH, fd:N, stdin (OpenSSL's -passin forms) */
static int read_pass(struct pass_source *src)
{
	const char *s = src->spec;
	char *end;
	long fd;
	FILE *f;

	if (!strncmp(s, "pass:", 5)) {
		snprintf(src->text, sizeof(src->text), "%s", s + 5);
	} else if (!strncmp(s, "env:", 4)) {
		const char *value = getenv(s + 4);

		if (!value)
			return report_error(EXIT_BAD_INPUT, "--sign-pass '%s': no environment variable %s", s, s + 4);
		snprintf(src->text, sizeof(src->text), "%s", value);
	} else if (!strncmp(s, "file:", 5)) {
		if (!(f = fopen(s + 5, "r")))
			return report_errno(EXIT_BAD_INPUT, "--sign-pass file", s + 5, "cannot open");
		read_line_fd(fileno(f), src->text, sizeof(src->text));
		fclose(f);
	} else if (!strncmp(s, "fd:", 3)) {
		errno = 0;
		fd = strtol(s + 3, &end, 10);
		if (errno || *end || end == s + 3 || fd < 0 || fd > INT_MAX)
			return report_error(EXIT_BAD_INPUT, "--sign-pass '%s': fd: takes a descriptor number", s);
		read_line_fd((int)fd, src->text, sizeof(src->text));
	} else if (!strcmp(s, "stdin")) {
		read_line_fd(0, src->text, sizeof(src->text));
	} else {
		return report_error(EXIT_BAD_INPUT, "--sign-pass '%s': use pass:TEXT, env:VAR, file:PATH, fd:N or stdin", s);
	}
	return EXIT_OK;
}

static int pass_cb(char *buf, int size, int rwflag, void *ctx)
{
	struct pass_source *src = ctx;
	size_t len;

	(void)rwflag;
	src->asked = 1;
	if (!src->spec || src->failed)
		return -1;
	if (!src->loaded && read_pass(src) != EXIT_OK) {
		src->failed = 1;
		return -1;
	}
	src->loaded = 1;
	len = strlen(src->text);
	if (len > (size_t)size)
		len = (size_t)size;
	memcpy(buf, src->text, len);
	return (int)len;
}

/* RSA of 2048 bits or more, or ECDSA on a NIST curve; Ed25519 is refused (why below) */
static int check_key_type(const char *path, EVP_PKEY *key)
{
	switch (EVP_PKEY_get_base_id(key)) {
	case EVP_PKEY_RSA:
		if (EVP_PKEY_get_bits(key) < 2048)
			return report_error(EXIT_BAD_INPUT, "--sign-key '%s': RSA-%d is too short; use 2048 bits or more (3072 recommended)",
					    path, EVP_PKEY_get_bits(key));
		return EXIT_OK;
	case EVP_PKEY_EC:
		return EXIT_OK;
	case EVP_PKEY_ED25519:
		/* Debian 12's OpenSSL 3.0 can neither make nor check a CMS signature with EdDSA (openssl#11915) */
		return report_error(EXIT_BAD_INPUT, "--sign-key '%s': Ed25519: OpenSSL %s cannot make or verify CMS "
				    "signatures with EdDSA keys (RFC 8419); use RSA-3072 (reproducible) or EC P-256",
				    path, OpenSSL_version(OPENSSL_VERSION_STRING));
	default:
		return report_error(EXIT_BAD_INPUT, "--sign-key '%s': a %s key; use RSA (2048 bits or more) or EC P-256",
				    path, OBJ_nid2sn(EVP_PKEY_get_base_id(key)));
	}
}

static int load_key(const struct sign_spec *spec, EVP_PKEY **key)
{
	struct pass_source src = { .spec = spec->pass };
	struct stat st;
	FILE *f = fopen(spec->key_path, "r");

	if (!f)
		return report_errno(EXIT_BAD_INPUT, "--sign-key", spec->key_path, "cannot open");
	/* a key others can read is a key others may have copied */
	if (fstat(fileno(f), &st) == 0 && (st.st_mode & (S_IRGRP | S_IROTH)))
		report_print("warning: --sign-key '%s' is readable by %s (mode %04o); chmod 600 it",
			     spec->key_path, st.st_mode & S_IROTH ? "every user" : "its group",
			     (unsigned)(st.st_mode & 07777));
	ERR_clear_error();
	*key = PEM_read_PrivateKey(f, NULL, pass_cb, &src);
	fclose(f);
	OPENSSL_cleanse(src.text, sizeof(src.text));
	ERR_clear_error();
	if (*key)
		return check_key_type(spec->key_path, *key);
	if (src.failed)
		return EXIT_BAD_INPUT;
	if (src.asked && !spec->pass)
		return report_error(EXIT_BAD_INPUT, "--sign-key '%s': the key is encrypted; give its passphrase with --sign-pass "
				    "(pass:TEXT, env:VAR, file:PATH, fd:N or stdin)", spec->key_path);
	if (src.asked)
		return report_error(EXIT_BAD_INPUT, "--sign-key '%s': the passphrase from --sign-pass does not decrypt it",
				    spec->key_path);
	return report_error(EXIT_BAD_INPUT, "--sign-key '%s': not a PEM private key", spec->key_path);
}

static int load_cert(const char *path, X509 **cert)
{
	FILE *f = fopen(path, "r");

	if (!f)
		return report_errno(EXIT_BAD_INPUT, "--sign-cert", path, "cannot open");
	*cert = PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	ERR_clear_error();
	if (!*cert)
		return report_error(EXIT_BAD_INPUT, "--sign-cert '%s': not a PEM certificate", path);
	return EXIT_OK;
}

int signer_check_options(const struct sign_spec *spec)
{
	if (spec->key_path && !spec->cert_path)
		return report_error(EXIT_BAD_INPUT, "--sign-key needs --sign-cert (the key's PEM certificate)");
	if (!spec->key_path && (spec->cert_path || spec->pass || spec->detached_path))
		return report_error(EXIT_BAD_INPUT, "--%s needs --sign-key (the PEM private key to sign with)",
				    spec->cert_path ? "sign-cert" : spec->pass ? "sign-pass" : "detached-signature");
	if (spec->no_embedded && !spec->detached_path)
		return report_error(EXIT_BAD_INPUT, "--no-embedded-signature needs --detached-signature FILE "
				    "(else nothing would be signed)");
	return EXIT_OK;
}

int signer_open(const struct sign_spec *spec, struct signer **out)
{
	struct signer *s = calloc(1, sizeof(*s));
	int status;

	*out = NULL;
	if (!s)
		return report_error(EXIT_IO, "out of memory");
	if ((status = signer_check_options(spec)) == EXIT_OK &&
	    (status = load_cert(spec->cert_path, &s->cert)) == EXIT_OK &&
	    (status = load_key(spec, &s->key)) == EXIT_OK &&
	    X509_check_private_key(s->cert, s->key) != 1)
		status = report_error(EXIT_BAD_INPUT, "--sign-key '%s' does not match --sign-cert '%s' (another public key)",
				      spec->key_path, spec->cert_path);
	ERR_clear_error();
	if (status != EXIT_OK) {
		signer_free(s);
		return status;
	}
	if (X509_cmp_current_time(X509_get0_notAfter(s->cert)) < 0)
		report_print("warning: --sign-cert '%s' has expired: verifiers will refuse the signature",
			     spec->cert_path);
	*out = s;
	return EXIT_OK;
}

void signer_free(struct signer *s)
{
	if (!s)
		return;
	EVP_PKEY_free(s->key);
	X509_free(s->cert);
	free(s);
}

/* The key's signature of a SHA-256 digest: PKCS#1 v1.5 for RSA, DER ECDSA-Sig-Value for EC */
static int sign_digest(const struct signer *s, const uint8_t digest[32], unsigned char **sig, size_t *sig_size)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(s->key, NULL);
	int ok = ctx && EVP_PKEY_sign_init(ctx) == 1 &&
		(EVP_PKEY_get_base_id(s->key) != EVP_PKEY_RSA ||
		 EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) == 1) &&
		EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256()) == 1 &&
		EVP_PKEY_sign(ctx, NULL, sig_size, digest, 32) == 1 &&
		(*sig = OPENSSL_malloc(*sig_size)) &&
		EVP_PKEY_sign(ctx, *sig, sig_size, digest, 32) == 1;

	EVP_PKEY_CTX_free(ctx);
	return ok ? 0 : -1;
}

/*
 * The SignedData CMS_sign would make with CMS_NOATTR, made from a digest
 * computed elsewhere (while the image was written): with no signed
 * attributes the signature is the key's over the content's digest
 * (RFC 5652 5.4), which is what CMS_final would compute and set.
 */
int signer_sign_digest(const struct signer *s, const uint8_t digest[32], uint8_t **der, size_t *der_size,
		       const char *what)
{
	const unsigned flags = CMS_BINARY | CMS_DETACHED | CMS_NOATTR | CMS_NOSMIMECAP;
	CMS_ContentInfo *cms = NULL;
	CMS_SignerInfo *si = NULL;
	unsigned char *sig = NULL, *out = NULL;
	size_t sig_size = 0;
	int len = -1;

	*der = NULL;
	ERR_clear_error();
	/* no signing time, no capabilities: the same bytes and key give the same signature (RSA) */
	if ((cms = CMS_sign(NULL, NULL, NULL, NULL, flags | CMS_PARTIAL)) &&
	    (si = CMS_add1_signer(cms, s->cert, s->key, EVP_sha256(), flags)) &&
	    sign_digest(s, digest, &sig, &sig_size) == 0 && sig_size <= INT_MAX &&
	    ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), sig, (int)sig_size))
		len = i2d_CMS_ContentInfo(cms, &out);
	OPENSSL_free(sig);
	CMS_ContentInfo_free(cms);
	if (len <= 0) {
		unsigned long e = ERR_get_error();

		ERR_clear_error();
		return report_error(EXIT_IO, "%s: signing failed: %s", what, e ? ERR_reason_error_string(e) : "libcrypto");
	}
	*der = malloc((size_t)len);
	if (*der)
		memcpy(*der, out, (size_t)len);
	OPENSSL_free(out);
	if (!*der)
		return report_error(EXIT_IO, "out of memory");
	*der_size = (size_t)len;
	return EXIT_OK;
}
