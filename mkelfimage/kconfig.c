/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The kernel's config against an initrd's kind (kconfig.h). */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* Is "NAME=y" a line of the text at fd? */
static int has_yes(int fd, const char *name)
{
	char line[512];
	size_t len = strlen(name);
	int copy = dup(fd), found = 0;
	FILE *f = copy >= 0 ? fdopen(copy, "r") : NULL;

	if (!f) {
		if (copy >= 0)
			close(copy);
		return 0;
	}
	rewind(f);
	while (!found && fgets(line, sizeof(line), f))
		found = !strncmp(line, name, len) && !strncmp(line + len, "=y", 2) &&
			(line[len + 2] == '\n' || line[len + 2] == '\0');
	fclose(f);
	return found;
}

int kconfig_open(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		return fd;
	if (fd >= 0)
		close(fd);
	report_print("--kernel-config '%s': not a readable regular file", path);
	return -1;
}

void kconfig_initrd_problem(int fd, const char *name, enum initrd_kind kind, char *why, size_t size)
{
	const char *option = option_of(kind);

	why[0] = '\0';
	if (!has_yes(fd, "CONFIG_BLK_DEV_INITRD"))
		snprintf(why, size, "config %s has no CONFIG_BLK_DEV_INITRD=y: it takes no initrd at all", name);
	else if (option && !has_yes(fd, option))
		snprintf(why, size, "config %s has no %s=y: it cannot unpack this", name, option);
}
