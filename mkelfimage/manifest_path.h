/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The paths a manifest records, the same however the tool was invoked:
 * lexically normalised ("./a//b/../c" is "a/c"; no symbolic link is
 * followed), and with --manifest-base DIR written relative to DIR (both
 * made absolute from the current directory first), so a build system
 * that names its source tree gets the same manifest from any directory.
 */
#ifndef MKELFIMAGE_MANIFEST_PATH_H
#define MKELFIMAGE_MANIFEST_PATH_H

#include <stddef.h>

/*
 * `path` as the manifest writes it into out (size bytes); `base` is
 * --manifest-base or NULL. "-" (standard output) stays "-". Returns 0,
 * or -1 when it does not fit or the current directory is unknown.
 */
int manifest_path(const char *path, const char *base, char *out, size_t size);

#endif
