/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One pass over each payload: read, feed the sinks, write (copy.h). */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "copy.h"
#include "common/fdio.h"
#include "common/report.h"

#define COPY_CHUNK  (1u << 19)

void copy_sinks_feed(struct copy_sink *sinks, const void *bytes, size_t len)
{
	for (; sinks; sinks = sinks->next)
		sinks->feed(sinks, bytes, len);
}

/*
 * The sinks run on a second thread while this one reads and writes: the
 * hashing costs about as much CPU as the copy, so on two cores it hides
 * behind it. Pieces go round COPY_SLOTS buffers; a buffer is read into
 * again only once the worker has fed it. The worker touches the sinks only
 * between copy_worker_start and copy_worker_stop.
 */
#define COPY_SLOTS  3

struct copy_worker {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct copy_sink *sinks;
	uint8_t *slot[COPY_SLOTS];
	size_t len[COPY_SLOTS];
	uint64_t posted, fed;      /* pieces handed over, pieces fed to the sinks */
	int closing;
	int threaded;              /* 0: the sinks are fed inline */
};

static void *copy_worker_run(void *arg)
{
	struct copy_worker *w = arg;
	unsigned slot;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (w->fed == w->posted && !w->closing)
			pthread_cond_wait(&w->changed, &w->lock);
		if (w->fed == w->posted)
			break;
		slot = (unsigned)(w->fed % COPY_SLOTS);
		pthread_mutex_unlock(&w->lock);
		copy_sinks_feed(w->sinks, w->slot[slot], w->len[slot]);
		pthread_mutex_lock(&w->lock);
		w->fed++;
		pthread_cond_broadcast(&w->changed);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

/* One thread for a single piece, on one CPU, or when no thread can be had */
static void copy_worker_start(struct copy_worker *w, struct copy_sink *sinks, uint8_t *buf,
			      uint64_t len)
{
	unsigned i;

	w->sinks = sinks;
	for (i = 0; i < COPY_SLOTS; i++)
		w->slot[i] = buf + (size_t)i * COPY_CHUNK;
	w->posted = w->fed = 0;
	w->closing = 0;
	w->threaded = len > COPY_CHUNK && sysconf(_SC_NPROCESSORS_ONLN) > 1 &&
		pthread_mutex_init(&w->lock, NULL) == 0;
	if (w->threaded && pthread_cond_init(&w->changed, NULL) != 0) {
		pthread_mutex_destroy(&w->lock);
		w->threaded = 0;
	}
	if (w->threaded && pthread_create(&w->thread, NULL, copy_worker_run, w) != 0) {
		pthread_cond_destroy(&w->changed);
		pthread_mutex_destroy(&w->lock);
		w->threaded = 0;
	}
}

/* The buffer for the next piece, once the worker is done with it */
static uint8_t *copy_worker_slot(struct copy_worker *w)
{
	if (w->threaded) {
		pthread_mutex_lock(&w->lock);
		while (w->posted - w->fed >= COPY_SLOTS)
			pthread_cond_wait(&w->changed, &w->lock);
		pthread_mutex_unlock(&w->lock);
	}
	return w->slot[w->posted % COPY_SLOTS];
}

/* Hand over the piece just read into copy_worker_slot's buffer */
static void copy_worker_post(struct copy_worker *w, size_t len)
{
	unsigned slot = (unsigned)(w->posted % COPY_SLOTS);

	if (!w->threaded) {
		copy_sinks_feed(w->sinks, w->slot[slot], len);
		w->posted++;
		return;
	}
	pthread_mutex_lock(&w->lock);
	w->len[slot] = len;
	w->posted++;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
}

/* Wait until every piece is fed; the sinks are the caller's again */
static void copy_worker_stop(struct copy_worker *w)
{
	if (!w->threaded)
		return;
	pthread_mutex_lock(&w->lock);
	w->closing = 1;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->changed);
	pthread_mutex_destroy(&w->lock);
}

/* Read, feed and write, a piece at a time */
static int copy_by_reading(const struct input_file *src, uint64_t src_offset, int fd,
			   const char *out_path, uint64_t dst_offset, uint64_t len,
			   struct copy_sink *sinks)
{
	uint8_t *buf = malloc((size_t)COPY_SLOTS * COPY_CHUNK), *piece;
	struct copy_worker worker;
	int status = EXIT_OK;

	if (!buf)
		return report_error(EXIT_IO, "out of memory");
	copy_worker_start(&worker, sinks, buf, len);
	while (len && status == EXIT_OK) {
		size_t chunk = len < COPY_CHUNK ? (size_t)len : COPY_CHUNK;
		ssize_t got;

		piece = copy_worker_slot(&worker);
		got = pread(src->fd, piece, chunk, (off_t)src_offset);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			status = got < 0 ? report_errno(EXIT_IO, src->what, src->path, "cannot read")
				: report_error(EXIT_IO, "%s '%s': file shrank while being read",
					       src->what, src->path);
			break;
		}
		copy_worker_post(&worker, (size_t)got);
		if (fd >= 0)
			status = fdio_write_at(fd, "output", out_path, piece, (size_t)got, dst_offset);
		src_offset += (uint64_t)got;
		dst_offset += (uint64_t)got;
		len -= (uint64_t)got;
	}
	copy_worker_stop(&worker);
	free(buf);
	return status;
}

int copy_payload(const struct input_file *src, uint64_t src_offset, int fd,
		 const char *out_path, uint64_t dst_offset, uint64_t len,
		 struct copy_sink *sinks)
{
	src_offset += src->offset;
#ifdef HAVE_COPY_FILE_RANGE
	while (len && !sinks && fd >= 0) {
		off_t in_off = (off_t)src_offset, out_off = (off_t)dst_offset;
		ssize_t done = copy_file_range(src->fd, &in_off, fd, &out_off, len, 0);

		if (done < 0 && errno == EINTR)
			continue;
		if (done < 0 && (errno == EXDEV || errno == ENOSYS || errno == EINVAL ||
				 errno == EOPNOTSUPP || errno == EBADF))
			break;   /* not supported here: fall back */
		if (done < 0)
			return report_errno(EXIT_IO, "output", out_path, "cannot copy");
		if (done == 0)
			return report_error(EXIT_IO, "%s '%s': file shrank while being read",
					    src->what, src->path);
		src_offset += (uint64_t)done;
		dst_offset += (uint64_t)done;
		len -= (uint64_t)done;
	}
#endif
	return len ? copy_by_reading(src, src_offset, fd, out_path, dst_offset, len, sinks) : EXIT_OK;
}
