/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --plan (--dry-run): the memory layout and every placement rule, each
 * checked again on the finished plan and printed with its numbers.
 */
#ifndef MKELFIMAGE_PLANREPORT_H
#define MKELFIMAGE_PLANREPORT_H

#include "inputs.h"
#include "plan.h"

/* Print the layout and the rules on stdout. Returns EXIT_OK, or EXIT_BAD_INPUT if a rule fails. */
int planreport_print(const struct plan *plan, const struct inputs *in);

#endif
