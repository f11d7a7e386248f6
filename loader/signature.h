/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bootelf's signature policy: --require-signature CA, or else the
 * policy file ROOT/etc/bootelf.conf (ROOT: $BOOTELF_SYSROOT, empty by
 * default), whose lines are "require-signature PATH", blank, or
 * "# comments". With a CA, an image boots only when its embedded
 * signature (formats/signote.h) chains to it (common/sigcheck.h).
 */
#ifndef LOADER_SIGNATURE_H
#define LOADER_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>

#include "formats/elfimage.h"

/*
 * The CA to require: `option` when given, else the policy file's, else
 * none (*ca NULL). *ca points into a static buffer. 0, or a reported status.
 */
int signature_policy(const char *option, const char *root, const char **ca);

/* 0 when the image at data (size bytes) is signed and chains to ca, else one reported line. */
int signature_require(const char *path, const uint8_t *data, size_t size,
		      const struct elfimage_info *info, const char *ca);

#endif
