/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The plan as text, for -v and --plan (with the rules: plan_rules.h). */
#ifndef MKELFIMAGE_PLAN_PRINT_H
#define MKELFIMAGE_PLAN_PRINT_H

#include <stdio.h>

#include "plan.h"

/* Lines of an arch's own (Alpha: PARAM), printed after the kernel's */
typedef void (*plan_print_fn)(const struct plan *plan, FILE *out);

void plan_print(const struct plan *plan, plan_print_fn arch_lines, FILE *out);

#endif
