/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"
#include "common/fdio.h"
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

/*
 * Every signal whose default action ends the process and that a program
 * may catch, but the program-error ones (SIGSEGV, SIGILL, SIGFPE, SIGABRT,
 * SIGTRAP, SIGSYS: a bug, left to the sanitizers and core dumps). SIGBUS
 * is here for a mapped file that shrinks (output_guard_mapping). SIGXFSZ
 * is ignored instead, so that a file size limit (ulimit -f) fails the
 * write with EFBIG, reported like a full disk. The real-time signals are
 * added at run time (SIGRTMIN is not a constant).
 */
static const int output_signals[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2,
	SIGBUS, SIGXCPU, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT,
};

/* The mapping output_guard_mapping watches, and the line it prints */
static volatile uintptr_t guard_start;
static volatile size_t guard_len;
static const char *volatile guard_line;

static void output_remove_pending(void)
{
	size_t i;

	for (i = 0; i < OUTPUT_PENDING_MAX; i++)
		if (output_pending[i])
			unlink(output_pending[i]);
}

/*
 * Remove the temporary files, then die of the same signal so the caller
 * sees it (exit status 128 + N in a shell); a SIGBUS in the guarded
 * mapping is the file shrinking under the reader: its line and exit 2.
 * Only async-signal-safe calls: unlink, write, _exit and raise.
 * SA_RESETHAND restored the default action; the raised signal is
 * delivered when this handler returns.
 */
static void output_on_signal(int sig, siginfo_t *info, void *context)
{
	(void)context;
	output_remove_pending();
	if (sig == SIGBUS && guard_line && info &&
	    (uintptr_t)info->si_addr - guard_start < guard_len) {
		ssize_t ignored = write(STDERR_FILENO, guard_line, strlen(guard_line));

		(void)ignored;
		_exit(EXIT_IO);
	}
	raise(sig);
}

/* Call fn for each signal of output_signals and each real-time signal. */
static void output_each_signal(void (*fn)(int sig, void *arg), void *arg)
{
	size_t i;
	int sig;

	for (i = 0; i < sizeof(output_signals) / sizeof(output_signals[0]); i++)
		fn(output_signals[i], arg);
	for (sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
		fn(sig, arg);
}

static void add_to_set(int sig, void *set)
{
	sigaddset(set, sig);
}

static void output_block_signals(sigset_t *saved)
{
	sigset_t set;

	sigemptyset(&set);
	output_each_signal(add_to_set, &set);
	sigprocmask(SIG_BLOCK, &set, saved);
}

/* Only over the default action: a signal the caller ignores (nohup) stays ignored, another handler (a sanitizer's) stays. */
static void install_one(int sig, void *arg)
{
	struct sigaction action = { .sa_sigaction = output_on_signal, .sa_flags = SA_SIGINFO | SA_RESETHAND };
	struct sigaction old;

	(void)arg;
	sigemptyset(&action.sa_mask);
	if (sigaction(sig, NULL, &old) == 0 && !(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_DFL)
		sigaction(sig, &action, NULL);
}

static void output_install_handlers(void)
{
	static int installed;
	struct sigaction ignore = { .sa_handler = SIG_IGN };

	if (installed)
		return;
	installed = 1;
	output_each_signal(install_one, NULL);
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGXFSZ, &ignore, NULL);
}

void output_guard_mapping(const void *start, size_t len, const char *line)
{
	output_install_handlers();
	guard_line = NULL;
	guard_start = (uintptr_t)start;
	guard_len = len;
	guard_line = line;
}

void output_unguard_mapping(void)
{
	guard_line = NULL;
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

int output_is_stdout(const char *path)
{
	return path && strcmp(path, "-") == 0;
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

static const char *base_of(const char *path)
{
	return strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
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
	char *dir;

	*exists = 0;
	if (output_is_stdout(path))
		return EXIT_OK;
	if (!(dir = directory_of(path)))
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
	if (!S_ISREG(st->st_mode))
		return report_error(EXIT_BAD_INPUT, "output '%s': not a regular file; a device, FIFO or socket is never replaced (use - for standard output)",
				    path);
	return EXIT_OK;
}

int output_check(const char *path, const struct image_spec *spec, const struct inputs *in)
{
	struct stat st;
	size_t i;
	int exists, status = output_check_path(path, &st, &exists);

	/* "-": standard output redirected to a file is an output that exists too */
	if (status == EXIT_OK && output_is_stdout(path))
		exists = fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode);
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

/* An output's identity: its file (when it exists) and its directory entry */
struct output_id {
	int exists, dir_exists;
	struct stat file, dir;
	const char *base;
};

static void output_identify(const char *path, struct output_id *id)
{
	char *dir = directory_of(path);

	id->exists = stat(path, &id->file) == 0;
	id->dir_exists = dir && stat(dir, &id->dir) == 0;
	id->base = base_of(path);
	free(dir);
}

int output_same(const char *a, const char *b)
{
	struct output_id ia, ib;

	if (output_is_stdout(a) || output_is_stdout(b))
		return output_is_stdout(a) && output_is_stdout(b);
	output_identify(a, &ia);
	output_identify(b, &ib);
	if (ia.exists && ib.exists && ia.file.st_dev == ib.file.st_dev && ia.file.st_ino == ib.file.st_ino)
		return 1;
	return ia.dir_exists && ib.dir_exists && ia.dir.st_dev == ib.dir.st_dev &&
		ia.dir.st_ino == ib.dir.st_ino && strcmp(ia.base, ib.base) == 0;
}

/*
 * "dir/.name.XXXXXX" beside `path`, the name cut so the whole stays within
 * NAME_MAX: an output named with 248 to 255 bytes still gets one.
 */
static char *temp_template(const char *path)
{
	char *dir = directory_of(path), *temp;
	const char *base = base_of(path);
	int base_len = (int)strnlen(base, NAME_MAX - sizeof(".") - sizeof(".XXXXXX") + 2);
	size_t len;

	if (!dir)
		return NULL;
	len = strlen(dir) + (size_t)base_len + sizeof("/..XXXXXX");
	if ((temp = malloc(len)))
		snprintf(temp, len, "%s/.%.*s.XXXXXX", dir, base_len, base);
	free(dir);
	return temp;
}

/* Create a file from `template` and enter it in the table, with the signals blocked. */
static int create_pending(char *template)
{
	sigset_t saved;
	int fd;

	output_block_signals(&saved);
	fd = mkostemp(template, O_CLOEXEC);
	if (fd >= 0 && output_pending_set(NULL, template) < 0) {
		unlink(template);
		close(fd);
		fd = -1;
		errno = EMFILE;
	}
	sigprocmask(SIG_SETMASK, &saved, NULL);
	return fd;
}

int output_unnamed_temp(void)
{
	const char *dir = getenv("TMPDIR");
	char path[PATH_MAX];
	sigset_t saved;
	int fd;

	dir = dir && *dir ? dir : "/tmp";
	output_install_handlers();
	fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd < 0 && (size_t)snprintf(path, sizeof(path), "%s/mkelfimage-tmp.XXXXXX", dir) < sizeof(path)) {
		/* no O_TMPFILE here: a name that lives only between two calls no signal comes between */
		output_block_signals(&saved);
		fd = mkostemp(path, O_CLOEXEC);
		if (fd >= 0)
			unlink(path);
		sigprocmask(SIG_SETMASK, &saved, NULL);
	}
	if (fd < 0)
		report_print_errno("temporary directory", dir, "cannot create a file");
	return fd;
}

/* The new file's mode: the old file's with OUTPUT_KEEP_OWNER (and its owner, where permitted), else 0666 less the umask. */
static int set_attributes(struct output *out)
{
	struct stat st;
	mode_t mask;

	if ((out->flags & OUTPUT_KEEP_OWNER) && stat(out->path, &st) == 0 && S_ISREG(st.st_mode)) {
		/* owner first: a chown clears the set-user-ID bits a chmod sets */
		if (fchown(out->fd, st.st_uid, st.st_gid) < 0 && errno != EPERM)
			return report_errno(EXIT_IO, "output", out->path, "cannot keep the owner");
		if (fchmod(out->fd, st.st_mode & 07777) < 0)
			return report_errno(EXIT_IO, "output", out->path, "cannot keep the permissions");
		return EXIT_OK;
	}
	/* mkstemp makes 0600; an image is an ordinary file (0666 less the umask). */
	mask = umask(0);
	umask(mask);
	if (fchmod(out->fd, 0666 & ~mask) < 0)
		return report_errno(EXIT_IO, "output", out->path, "cannot set permissions");
	return EXIT_OK;
}

int output_begin(struct output *out, const char *path, unsigned flags)
{
	int status;

	*out = (struct output){ .path = path, .fd = -1, .flags = flags };
	if (output_is_stdout(path)) {
		/* written whole first: the ELF writer seeks, the manifest reads the image back */
		out->fd = output_unnamed_temp();
		return out->fd < 0 ? EXIT_IO : EXIT_OK;
	}
	if (!(out->temp_path = temp_template(path)))
		return report_error(EXIT_IO, "out of memory");
	output_install_handlers();
	if ((out->fd = create_pending(out->temp_path)) < 0) {
		report_print_errno("output", path, "cannot create a temporary file");
		free(out->temp_path);
		out->temp_path = NULL;
		return EXIT_IO;
	}
	if ((status = set_attributes(out)) != EXIT_OK)
		output_abort(out);
	return status;
}

/* Each way a rename is undone (output_commit_all) */
enum output_undo {
	OUTPUT_UNDO_NONE,      /* the last rename: nothing comes after it */
	OUTPUT_UNDO_UNLINK,    /* there was no old file: remove the new one */
	OUTPUT_UNDO_EXCHANGE,  /* the old file is at old_path (RENAME_EXCHANGE): swap back */
	OUTPUT_UNDO_ASIDE,     /* the old file is at old_path (set_aside): rename it back */
};

/* The file complete on disk: synced when asked, closed (a late write error shows here). */
static int finish_file(struct output *out)
{
	int fd = out->fd;

	out->fd = -1;
	if ((out->flags & OUTPUT_DURABLE) && fsync(fd) < 0) {
		report_print_errno("output", out->path, "cannot sync");
		close(fd);
		return EXIT_IO;
	}
	if (close(fd) < 0)
		return report_errno(EXIT_IO, "output", out->path, "cannot write");
	return EXIT_OK;
}

static int copy_to_stdout(struct output *out)
{
	uint8_t buf[65536];
	uint64_t offset = 0;
	ssize_t got;

	while ((got = fdio_read_at(out->fd, buf, sizeof(buf), offset)) > 0) {
		size_t done = 0;

		while (done < (size_t)got) {
			ssize_t n = write(STDOUT_FILENO, buf + done, (size_t)got - done);

			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0)
				return report_errno(EXIT_IO, "output", "-", "cannot write to standard output");
			done += (size_t)n;
		}
		offset += (uint64_t)got;
	}
	if (got < 0)
		return report_errno(EXIT_IO, "output", "-", "cannot read back the temporary file");
	close(out->fd);
	out->fd = -1;
	return EXIT_OK;
}

/*
 * For a file system that cannot exchange: the old file kept at a new
 * temporary name, by a second hard link, else (no hard links: FAT) by
 * renaming it there; then its name is missing until the next rename.
 * *moved tells which.
 */
static int set_aside(struct output *out, int *moved)
{
	char *backup = temp_template(out->path);
	int fd, tries;

	for (tries = 0; backup && tries < 8; tries++) {
		memcpy(backup + strlen(backup) - 6, "XXXXXX", 6);
		if ((fd = mkostemp(backup, O_CLOEXEC)) < 0)
			break;
		close(fd);
		unlink(backup);
		*moved = 0;
		if (link(out->path, backup) < 0) {
			if (errno == EEXIST)
				continue;
			if (rename(out->path, backup) < 0)
				break;
			*moved = 1;
		}
		output_pending_set(NULL, backup);
		out->old_path = backup;
		return 0;
	}
	free(backup);
	return -1;
}

/* Rename one output into place, signals blocked; keep how to undo it unless it is the last. */
static int replace(struct output *out, int last)
{
	struct stat st;
	int moved = 0;

	out->undo = OUTPUT_UNDO_NONE;
	if (last || (lstat(out->path, &st) < 0 && errno == ENOENT)) {
		if (rename(out->temp_path, out->path) < 0)
			return report_errno(EXIT_IO, "output", out->path, "cannot rename the temporary file into place");
		out->undo = last ? OUTPUT_UNDO_NONE : OUTPUT_UNDO_UNLINK;
		output_pending_set(out->temp_path, NULL);
		free(out->temp_path);
		out->temp_path = NULL;
		return EXIT_OK;
	}
	if (renameat2(AT_FDCWD, out->temp_path, AT_FDCWD, out->path, RENAME_EXCHANGE) == 0) {
		/* the same name now holds the old file: still in the table */
		out->old_path = out->temp_path;
		out->temp_path = NULL;
		out->undo = OUTPUT_UNDO_EXCHANGE;
		return EXIT_OK;
	}
	if ((errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) || set_aside(out, &moved) < 0)
		return report_errno(EXIT_IO, "output", out->path, "cannot set the old file aside");
	if (rename(out->temp_path, out->path) < 0) {
		report_print_errno("output", out->path, "cannot rename the temporary file into place");
		if (moved)
			rename(out->old_path, out->path);
		else
			unlink(out->old_path);
		output_pending_set(out->old_path, NULL);
		free(out->old_path);
		out->old_path = NULL;
		return EXIT_IO;
	}
	output_pending_set(out->temp_path, NULL);
	free(out->temp_path);
	out->temp_path = NULL;
	out->undo = OUTPUT_UNDO_ASIDE;
	return EXIT_OK;
}

/* Put the old file back after a later output failed. */
static void undo(struct output *out)
{
	int failed = 0;

	if (out->undo == OUTPUT_UNDO_UNLINK)
		failed = unlink(out->path) < 0;
	else if (out->undo == OUTPUT_UNDO_EXCHANGE)
		failed = renameat2(AT_FDCWD, out->old_path, AT_FDCWD, out->path, RENAME_EXCHANGE) < 0;
	else if (out->undo == OUTPUT_UNDO_ASIDE)
		failed = rename(out->old_path, out->path) < 0;
	if (failed)
		report_print_errno("output", out->path, "cannot put the old file back");
	if (!failed && out->undo == OUTPUT_UNDO_EXCHANGE)
		unlink(out->old_path);   /* the new file, swapped back out */
	out->undo = OUTPUT_UNDO_NONE;
}

/* After every rename: the old files go; with OUTPUT_DURABLE, the directory is synced. */
static void finish_commit(struct output *out)
{
	char *dir;
	int fd;

	if (out->old_path && (out->undo == OUTPUT_UNDO_EXCHANGE || out->undo == OUTPUT_UNDO_ASIDE))
		unlink(out->old_path);
	if (!(out->flags & OUTPUT_DURABLE) || !(dir = directory_of(out->path)))
		return;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	/* the new file is in place already: a failure here is said, but not an error */
	if (fd < 0 || (fsync(fd) < 0 && errno != EINVAL))
		report_print_errno("output", out->path, "renamed into place, but cannot sync its directory");
	if (fd >= 0)
		close(fd);
	free(dir);
}

static void forget_old(struct output *out)
{
	if (out->old_path) {
		output_pending_set(out->old_path, NULL);
		free(out->old_path);
		out->old_path = NULL;
	}
}

int output_commit(struct output *out)
{
	return output_commit_all(out, 1);
}

int output_commit_all(struct output *outs, size_t count)
{
	size_t i, last = count, renamed = 0;
	sigset_t saved;
	int status = EXIT_OK;

	for (i = 0; i < count; i++)
		if (outs[i].temp_path && outs[i].fd >= 0)
			last = i;
	/* every file complete before the first rename; standard output copied while still undecided */
	for (i = 0; status == EXIT_OK && i < count; i++)
		if (outs[i].temp_path && outs[i].fd >= 0)
			status = finish_file(&outs[i]);
	for (i = 0; status == EXIT_OK && i < count; i++)
		if (output_is_stdout(outs[i].path) && outs[i].fd >= 0)
			status = copy_to_stdout(&outs[i]);
	/* a signal sees the old outputs or the new ones, never a mix */
	output_block_signals(&saved);
	for (i = 0; status == EXIT_OK && i < count; i++)
		if (outs[i].temp_path && (status = replace(&outs[i], i == last)) == EXIT_OK)
			renamed = i + 1;
	while (status != EXIT_OK && renamed-- > 0)
		undo(&outs[renamed]);
	for (i = 0; i < count; i++) {
		if (status == EXIT_OK && !output_is_stdout(outs[i].path))
			finish_commit(&outs[i]);
		forget_old(&outs[i]);
		output_abort(&outs[i]);
	}
	sigprocmask(SIG_SETMASK, &saved, NULL);
	return status;
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
