/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"
#include "common/report.h"

/*
 * Temporary files a signal must remove. A signal handler sees only globals,
 * so this one table is the exception to "no global state": the paths are
 * added and removed with the signals blocked, and the handler only reads.
 * In flight at once: the image and its --manifest, or every file of one
 * `extract` (a kernel, EXTRACT_MAX_INITRDS initrds, a command line).
 */
#define OUTPUT_PENDING_MAX 72
static char *volatile output_pending[OUTPUT_PENDING_MAX];
static const int output_signals[] = { SIGHUP, SIGINT, SIGTERM };

/*
 * Remove the temporary files, then die of the same signal so the caller
 * sees it (exit status 128 + N in a shell). Only async-signal-safe calls:
 * unlink and raise. SA_RESETHAND restored the default action; the raised
 * signal is delivered when this handler returns.
 */
static void output_on_signal(int sig)
{
	size_t i;

	for (i = 0; i < OUTPUT_PENDING_MAX; i++)
		if (output_pending[i])
			unlink(output_pending[i]);
	raise(sig);
}

static void output_block_signals(sigset_t *saved)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < sizeof(output_signals) / sizeof(output_signals[0]); i++)
		sigaddset(&set, output_signals[i]);
	sigprocmask(SIG_BLOCK, &set, saved);
}

/* A signal the caller ignores (nohup) stays ignored. */
static void output_install_handlers(void)
{
	struct sigaction action = { .sa_handler = output_on_signal, .sa_flags = SA_RESETHAND };
	size_t i;

	sigemptyset(&action.sa_mask);
	for (i = 0; i < sizeof(output_signals) / sizeof(output_signals[0]); i++) {
		struct sigaction old;

		if (sigaction(output_signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(output_signals[i], &action, NULL);
	}
}

/* Called with the signals blocked. */
static int output_pending_set(char *old_path, char *new_path)
{
	size_t i;

	for (i = 0; i < OUTPUT_PENDING_MAX; i++)
		if (output_pending[i] == old_path) {
			output_pending[i] = new_path;
			return 0;
		}
	return -1;
}

/* Split "dir/name" into a malloc'd "dir" ("." when there is no slash). */
static char *directory_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* True when `other` (a path given on the command line, or NULL) names the file `st` is. */
static int same_path(const struct stat *st, const char *other)
{
	struct stat o;

	return other && stat(other, &o) == 0 && o.st_dev == st->st_dev && o.st_ino == st->st_ino;
}

static int same_file(const struct stat *st, const struct input_file *file)
{
	return (uint64_t)st->st_dev == file->dev && (uint64_t)st->st_ino == file->ino;
}

int output_check_path(const char *path, struct stat *st, int *exists)
{
	char *dir = directory_of(path);

	if (!dir)
		return report_error(EXIT_IO, "out of memory");
	if (stat(dir, st) < 0 || !S_ISDIR(st->st_mode)) {
		report_print("output '%s': directory '%s' does not exist", path, dir);
		free(dir);
		return EXIT_BAD_INPUT;
	}
	free(dir);
	*exists = stat(path, st) == 0;
	if (!*exists)
		return EXIT_OK;
	if (S_ISDIR(st->st_mode))
		return report_error(EXIT_BAD_INPUT, "output '%s': is a directory", path);
	return EXIT_OK;
}

int output_check(const char *path, const struct image_spec *spec, const struct inputs *in)
{
	struct stat st;
	size_t i;
	int exists, status = output_check_path(path, &st, &exists);

	if (status != EXIT_OK || !exists)
		return status;
	if (same_file(&st, &in->kernel_file))
		return report_error(EXIT_BAD_INPUT, "output '%s': is the kernel input", path);
	for (i = 0; i < in->initrd_count; i++)
		if (same_file(&st, &in->initrds[i]))
			return report_error(EXIT_BAD_INPUT, "output '%s': is an initrd input", path);
	/* Read whole before this point, but still inputs the user keeps. */
	if (same_path(&st, spec->cmdline_file))
		return report_error(EXIT_BAD_INPUT, "output '%s': is the command line file", path);
	if (same_path(&st, spec->template_path))
		return report_error(EXIT_BAD_INPUT, "output '%s': is the template", path);
	return EXIT_OK;
}

int output_begin(struct output *out, const char *path)
{
	char *dir = directory_of(path);
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	sigset_t saved;
	mode_t mask;
	size_t len;

	out->path = path;
	out->fd = -1;
	out->temp_path = NULL;
	if (!dir)
		return report_error(EXIT_IO, "out of memory");
	len = strlen(dir) + strlen(base) + sizeof("/..XXXXXX");
	out->temp_path = malloc(len);
	if (!out->temp_path) {
		free(dir);
		return report_error(EXIT_IO, "out of memory");
	}
	snprintf(out->temp_path, len, "%s/.%s.XXXXXX", dir, base);
	free(dir);
	output_install_handlers();
	/* The file and its entry in the table appear together for a signal. */
	output_block_signals(&saved);
	out->fd = mkstemp(out->temp_path);
	if (out->fd >= 0 && output_pending_set(NULL, out->temp_path) < 0) {
		unlink(out->temp_path);
		close(out->fd);
		out->fd = -1;
		errno = EMFILE;
	}
	sigprocmask(SIG_SETMASK, &saved, NULL);
	if (out->fd < 0) {
		report_print_errno("output", path, "cannot create a temporary file");
		free(out->temp_path);
		out->temp_path = NULL;
		return EXIT_IO;
	}
	/* mkstemp makes 0600; an image is an ordinary file (0666 less the umask). */
	mask = umask(0);
	umask(mask);
	if (fchmod(out->fd, 0666 & ~mask) < 0) {
		report_print_errno("output", path, "cannot set permissions");
		output_abort(out);
		return EXIT_IO;
	}
	return EXIT_OK;
}

int output_commit(struct output *out)
{
	sigset_t saved;

	if (close(out->fd) < 0) {
		out->fd = -1;
		report_print_errno("output", out->path, "cannot write");
		output_abort(out);
		return EXIT_IO;
	}
	out->fd = -1;
	/* A signal sees either the temporary file or the complete output. */
	output_block_signals(&saved);
	if (rename(out->temp_path, out->path) < 0) {
		sigprocmask(SIG_SETMASK, &saved, NULL);
		report_print_errno("output", out->path, "cannot rename the temporary file into place");
		output_abort(out);
		return EXIT_IO;
	}
	output_pending_set(out->temp_path, NULL);
	sigprocmask(SIG_SETMASK, &saved, NULL);
	free(out->temp_path);
	out->temp_path = NULL;
	return EXIT_OK;
}

void output_abort(struct output *out)
{
	if (out->fd >= 0)
		close(out->fd);
	out->fd = -1;
	if (out->temp_path) {
		sigset_t saved;

		output_block_signals(&saved);
		unlink(out->temp_path);
		output_pending_set(out->temp_path, NULL);
		sigprocmask(SIG_SETMASK, &saved, NULL);
		free(out->temp_path);
		out->temp_path = NULL;
	}
}
