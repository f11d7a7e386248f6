/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bootelf's signature policy (signature.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "common/report.h"
#include "signature.h"

#ifndef BOOTELF_WITHOUT_SIGNATURES
#include "common/sigcheck.h"
#include "formats/signote.h"
#endif

#define POLICY_FILE "/etc/bootelf.conf"

/* One "key value" line: 1 with key and value split in place, 0 blank or comment, -1 malformed */
static int split_line(char *line, char **key, char **value)
{
	char *end;

	line += strspn(line, " \t");
	if (!*line || *line == '#' || *line == '\n')
		return 0;
	*key = line;
	line += strcspn(line, " \t\n");
	if (!*line || *line == '\n')
		return -1;
	*line++ = '\0';
	*value = line + strspn(line, " \t");
	end = *value + strlen(*value);
	while (end > *value && (end[-1] == '\n' || end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return **value ? 1 : -1;
}

int signature_policy(const char *option, const char *root, const char **ca)
{
	static char path[4096], line[4096], value_copy[4096];
	unsigned number = 0;
	char *key, *value;
	FILE *f;
	int kind;

	*ca = option;
	if (option)
		return 0;
	snprintf(path, sizeof(path), "%s%s", root, POLICY_FILE);
	if (!(f = fopen(path, "r")))
		return errno == ENOENT ? 0 : report_errno(EXIT_IO, "policy file", path, "cannot open");
	while (fgets(line, sizeof(line), f)) {
		number++;
		kind = split_line(line, &key, &value);
		if (kind == 0)
			continue;
		if (kind < 0 || strcmp(key, "require-signature")) {
			fclose(f);
			return report_error(EXIT_BAD_INPUT, "policy file '%s' line %u: expected \"require-signature PATH\"",
					    path, number);
		}
		snprintf(value_copy, sizeof(value_copy), "%s", value);
		*ca = value_copy;
	}
	fclose(f);
	return 0;
}

#ifndef BOOTELF_WITHOUT_SIGNATURES
int signature_require(const char *path, const uint8_t *data, size_t size,
		      const struct elfimage_info *info, const char *ca)
{
	struct sigcheck_trust *trust = NULL;
	struct sigcheck_signer signer;
	struct fmt_error err;
	struct signote sig;
	enum fmt_status found = signote_find(data, size, info, &sig, &err);
	enum sigcheck_result result;
	char why[512];

	if (found == FMT_NOT_THIS_FORMAT)
		return report_error(EXIT_BAD_INPUT, "image '%s': unsigned, and a signature is required (%s)", path, ca);
	if (found != FMT_OK)
		return report_format_error("image", path, &err);
	if (sigcheck_trust_load(&trust, ca, NULL, why, sizeof(why)) != 0)
		return report_error(EXIT_BAD_INPUT, "--require-signature %s", why);
	result = sigcheck_verify(sig.der, sig.der_size, data, sig.slot_offset, trust, &signer, why, sizeof(why));
	sigcheck_trust_free(trust);
	if (result != SIGCHECK_OK)
		return report_error(EXIT_BAD_INPUT, "image '%s': %s: %s; not booting it", path,
				    sigcheck_result_name(result), why);
	return 0;
}
#else
int signature_require(const char *path, const uint8_t *data, size_t size,
		      const struct elfimage_info *info, const char *ca)
{
	(void)data, (void)size, (void)info;
	return report_error(EXIT_BAD_INPUT, "image '%s': a signature is required (%s), and this bootelf was built "
			    "without signature checking", path, ca);
}
#endif
