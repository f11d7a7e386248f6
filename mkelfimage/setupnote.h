/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The kernel's real-mode part as a note (formats/setupnote.h). */
#ifndef MKELFIMAGE_SETUPNOTE_H
#define MKELFIMAGE_SETUPNOTE_H

#include "inputs.h"
#include "plan.h"

/* Read the kernel's head (kernel.h: a bzImage's setup) and add the note; none without a head. Returns EXIT_OK or a reported status. */
int setupnote_add(struct plan *plan, const struct inputs *in);

#endif
