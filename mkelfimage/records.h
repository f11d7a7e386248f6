/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The records segment (formats/records.h): mkelfimage's own notes, loaded,
 * so they survive a loader format that drops PT_NOTEs (coreboot's SELF).
 */
#ifndef MKELFIMAGE_RECORDS_H
#define MKELFIMAGE_RECORDS_H

#include "plan.h"

/*
 * After every note is added: a segment on its own page after a free one,
 * above every other segment, sized for mkelfimage's notes. No notes of
 * ours: nothing added. Returns EXIT_OK or a reported status.
 */
int records_add(struct plan *plan);

/* Once the notes hold their final values (the digests): the segment's bytes */
int records_fill(struct plan *plan);

#endif
