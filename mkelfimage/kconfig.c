/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The kernel's config against an initrd's kind (kconfig.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "common/report.h"
#include "kconfig.h"

/* The option that builds in the decompressor of a kind (usr/Kconfig), or NULL: none needed */
static const char *option_of(enum initrd_kind kind)
{
	switch (kind) {
	case INITRD_GZIP: return "CONFIG_RD_GZIP";
	case INITRD_XZ: return "CONFIG_RD_XZ";
	case INITRD_ZSTD: return "CONFIG_RD_ZSTD";
	case INITRD_LZ4_LEGACY: return "CONFIG_RD_LZ4";
	case INITRD_BZIP2: return "CONFIG_RD_BZIP2";
	case INITRD_LZMA: return "CONFIG_RD_LZMA";
	case INITRD_LZO: return "CONFIG_RD_LZO";
	default: return NULL;
	}
}

/* Is "NAME=y" a line of the file? -1 when it cannot be read */
static int has_yes(const char *path, const char *name)
{
	char line[512];
	size_t len = strlen(name);
	struct stat st;
	FILE *f = stat(path, &st) == 0 && S_ISREG(st.st_mode) ? fopen(path, "r") : NULL;
	int found = 0;

	if (!f)
		return -1;
	while (!found && fgets(line, sizeof(line), f))
		found = !strncmp(line, name, len) && !strncmp(line + len, "=y", 2) &&
			(line[len + 2] == '\n' || line[len + 2] == '\0');
	fclose(f);
	return found;
}

int kconfig_initrd_problem(const char *path, enum initrd_kind kind, char *why, size_t size)
{
	const char *option = option_of(kind);
	int initrd = has_yes(path, "CONFIG_BLK_DEV_INITRD");

	why[0] = '\0';
	if (initrd < 0)
		return report_error(EXIT_BAD_INPUT, "--kernel-config '%s': not a readable regular file", path);
	if (!initrd)
		snprintf(why, size, "config '%s' has no CONFIG_BLK_DEV_INITRD=y: it takes no initrd at all", path);
	else if (option && !has_yes(path, option))
		snprintf(why, size, "config '%s' has no %s=y: it cannot unpack this", path, option);
	return EXIT_OK;
}
