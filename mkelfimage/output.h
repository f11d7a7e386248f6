/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The output files: each written under a temporary name in its directory
 * and renamed into place only when every output of the command is
 * complete, so a failure leaves no new file and every existing output
 * untouched.
 *
 * The guarantee of output_commit_all, precisely:
 * - exit status 0: every output holds its new bytes;
 * - any error it reports: every existing output holds its old bytes and no
 *   new name exists. The renames run with the catchable signals blocked;
 *   each output but the last is replaced in a way that can be undone (the
 *   old file is swapped aside by renameat2 RENAME_EXCHANGE; where the file
 *   system cannot swap, kept by a hard link, else renamed aside, and then
 *   its name is briefly missing), so when a later rename fails the earlier
 *   ones are undone before the error is returned.
 * - a crash or SIGKILL in the middle of the renames can leave some outputs
 *   new and some old (and the old file of a swapped output under a
 *   temporary name), but never a partial file.
 * "-" is standard output: the bytes go to an unnamed temporary file in
 * TMPDIR (gone on any exit), then are copied to standard output before the
 * files are renamed; that copy cannot be undone.
 */
#ifndef MKELFIMAGE_OUTPUT_H
#define MKELFIMAGE_OUTPUT_H

#include <stddef.h>
#include <sys/stat.h>

#include "inputs.h"

/* output_begin flags */
#define OUTPUT_DURABLE     0x1u  /* fsync the file before its rename, its directory after */
#define OUTPUT_KEEP_OWNER  0x2u  /* the new file takes the old one's mode and, where permitted, owner */

struct output {
	const char *path;       /* final name, or "-" */
	char *temp_path;        /* malloc'd, NULL once renamed or removed (and for "-") */
	char *old_path;         /* during a commit: the replaced file under a temporary name */
	int fd;
	unsigned flags;
	int undo;               /* during a commit: how to undo the rename (output.c) */
};

/* "-": standard output */
int output_is_stdout(const char *path);

/*
 * The checks every output gets: its directory exists, and an existing
 * output is a regular file (a directory, device, FIFO or socket is never
 * replaced). *exists tells whether it exists; then *st is its stat
 * (following links). "-" passes with *exists 0.
 */
int output_check_path(const char *path, struct stat *st, int *exists);
/* Check the output path before any work: output_check_path, and it is not an input. */
int output_check(const char *path, const struct image_spec *spec, const struct inputs *in);
/*
 * 1 when writing `a` would replace `b`: one file (device and inode, after
 * following links), or one directory entry (the same directory, the same
 * last name). Both "-" is one output too.
 */
int output_same(const char *a, const char *b);

int output_begin(struct output *out, const char *path, unsigned flags);
int output_commit(struct output *out);
/* Commit every output whose fd is open, all or nothing (above); abort the rest. */
int output_commit_all(struct output *outs, size_t count);
void output_abort(struct output *out);

/*
 * A scratch file in TMPDIR (else /tmp) with no name (O_TMPFILE, or removed
 * at once), so no exit path leaves it. Returns its fd, or -1 after one line.
 */
int output_unnamed_temp(void);

/*
 * A file mapped at [start, start + len) that shrinks under the reader
 * raises SIGBUS on the next access: then `line` (a whole line with its
 * newline, kept by the caller) is written to stderr, the temporary files
 * are removed and the process exits with status 2. One mapping at a time;
 * output_unguard_mapping() ends it.
 */
void output_guard_mapping(const void *start, size_t len, const char *line);
void output_unguard_mapping(void);

#endif
