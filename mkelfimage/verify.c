/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkelfimage verify: the image's signature checked against trust anchors
 * (common/sigcheck.h). When the bytes no longer match, the region table
 * in the slot names what changed: only a hint (the table is not signed),
 * the verdict is the signature's.
 */
#include "config.h"

#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/fdio.h"
#include "common/report.h"
#include "common/sigcheck.h"
#include "formats/le.h"
#include "formats/sha256_host.h"
#include "formats/signote.h"
#include "imageread.h"
#include "verify.h"

#define DETACHED_MAX  (64 * 1024)   /* a CMS with a short chain is a few KiB */

struct verify_args {
	const char *image, *ca, *pin, *detached;
};

static const char *region_name(uint32_t kind)
{
	switch (kind) {
	case SIGNOTE_REGION_HEADERS: return "ELF header and program headers";
	case SIGNOTE_REGION_NOTES: return "notes";
	case SIGNOTE_REGION_STUB: return "stub";
	case SIGNOTE_REGION_CMDLINE: return "command line";
	case SIGNOTE_REGION_RECORDS: return "records segment";
	case SIGNOTE_REGION_DTB: return "device tree";
	case SIGNOTE_REGION_KERNEL: return "kernel";
	case SIGNOTE_REGION_INITRDS: return "initrds";
	case SIGNOTE_REGION_SIGNATURE: return "signature note header";
	default: return NULL;
	}
}

/* Append "NAME (file bytes 0xA-0xB)" to out */
static void name_change(char *out, size_t size, const char *name, uint64_t offset, uint64_t len)
{
	size_t used = strlen(out);

	snprintf(out + used, size - used, "%s%s (file bytes 0x%llx-0x%llx)", used ? ", " : "", name,
		 (unsigned long long)offset, (unsigned long long)(offset + len));
}

/*
 * What changed since signing: each region of the table (checked against
 * the covered bytes first: the table is not signed) whose SHA-256 differs.
 */
static void find_changes(const struct image_read *img, char *out, size_t size)
{
	const uint8_t *table = img->sig.table;
	uint32_t count = le32_get(table), i;

	out[0] = '\0';
	for (i = 0; i < count && i < SIGNOTE_MAX_REGIONS; i++) {
		const uint8_t *r = table + sizeof(struct signote_table_header) + i * sizeof(struct signote_region);
		uint32_t kind = le32_get(r + offsetof(struct signote_region, kind));
		uint64_t offset = le64_get(r + offsetof(struct signote_region, offset));
		uint64_t len = le64_get(r + offsetof(struct signote_region, size));
		uint8_t now[SHA256_DIGEST_SIZE];

		if (!region_name(kind) || offset > img->sig.slot_offset || len > img->sig.slot_offset - offset)
			continue;
		sha256_digest_host(img->map + offset, (size_t)len, now);
		if (memcmp(now, r + offsetof(struct signote_region, sha256), sizeof(now)))
			name_change(out, size, region_name(kind), offset, len);
	}
}

/* The detached signature's bytes (a small file) */
static int read_detached(const char *path, uint8_t **der, size_t *size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	ssize_t got;

	if (fd < 0)
		return report_errno(EXIT_BAD_INPUT, "detached signature", path, "cannot open");
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 || st.st_size > DETACHED_MAX) {
		close(fd);
		return report_error(EXIT_BAD_INPUT, "detached signature '%s': must be a regular file of 1 to %u bytes",
				    path, DETACHED_MAX);
	}
	*size = (size_t)st.st_size;
	*der = malloc(*size);
	got = *der ? fdio_read_at(fd, *der, *size, 0) : -1;
	close(fd);
	if (got != (ssize_t)*size)
		return report_errno(EXIT_IO, "detached signature", path, "cannot read");
	return EXIT_OK;
}

/* The verdict on the signature over covered bytes, one line */
static int judge(const struct verify_args *a, const struct image_read *img, const uint8_t *der, size_t der_size,
		 uint64_t covered, const char *which)
{
	struct sigcheck_trust *trust = NULL;
	struct sigcheck_signer signer;
	char why[512], changes[512] = "";
	enum sigcheck_result result;

	if (sigcheck_trust_load(&trust, a->ca, a->pin, why, sizeof(why)) != 0)
		return report_error(EXIT_BAD_INPUT, "%s %s", a->pin && strstr(why, a->pin) ? "--cert" : "--ca", why);
	result = sigcheck_verify(der, der_size, img->map, covered, trust, &signer, why, sizeof(why));
	sigcheck_trust_free(trust);
	if (result == SIGCHECK_OK) {
		printf("image '%s': good %s signature by '%s' (%s), issued by '%s'\n", a->image, which,
		       signer.subject, signer.algorithm, signer.issuer);
		return EXIT_OK;
	}
	if (result == SIGCHECK_BAD && !a->detached)
		find_changes(img, changes, sizeof(changes));
	return report_error(EXIT_BAD_INPUT, "image '%s': %s: %s%s%s", a->image, sigcheck_result_name(result), why,
			    result != SIGCHECK_BAD || a->detached ? "" : changes[0] ? "; changed: " :
			    "; no region's hash differs (the change is in alignment padding)", changes);
}

static int parse_args(int argc, char **argv, struct verify_args *a)
{
	static const struct option longopts[] = {
		{ "ca", required_argument, NULL, 'c' },
		{ "cert", required_argument, NULL, 'p' },
		{ "detached-signature", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	int id;

	opterr = 0;
	while ((id = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (id == 'c')
			a->ca = optarg;
		else if (id == 'p')
			a->pin = optarg;
		else if (id == 'd')
			a->detached = optarg;
		else
			return report_error(EXIT_BAD_INPUT, "verify: %s '%s'; usage: %s", id == ':' ? "missing argument for" :
					    "unknown option", argv[optind - 1],
					    "mkelfimage verify IMAGE --ca FILE|DIR [--cert FILE] [--detached-signature FILE]");
	}
	if (optind + 1 != argc || !a->ca)
		return report_error(EXIT_BAD_INPUT, "usage: mkelfimage verify IMAGE --ca FILE|DIR [--cert FILE] "
				    "[--detached-signature FILE]");
	a->image = argv[optind];
	return EXIT_OK;
}

int verify_main(int argc, char **argv)
{
	struct verify_args a = { NULL, NULL, NULL, NULL };
	struct image_read img;
	uint8_t *der = NULL;
	size_t der_size = 0;
	int status = parse_args(argc, argv, &a);

	if (status != EXIT_OK)
		return status;
	status = imageread_open(a.image, &img);
	if (status == EXIT_OK && a.detached) {
		if ((status = read_detached(a.detached, &der, &der_size)) == EXIT_OK)
			status = judge(&a, &img, der, der_size, img.size, "detached");
	} else if (status == EXIT_OK && img.sig_status == FMT_NOT_THIS_FORMAT) {
		status = report_error(EXIT_BAD_INPUT, "image '%s': unsigned (no signature note; sign it with mkelfimage sign)",
				      a.image);
	} else if (status == EXIT_OK && img.sig_status != FMT_OK) {
		status = report_format_error("image", a.image, &img.sig_err);
	} else if (status == EXIT_OK) {
		status = judge(&a, &img, img.sig.der, img.sig.der_size, img.sig.slot_offset, "embedded");
	}
	free(der);
	imageread_close(&img);
	return status;
}
