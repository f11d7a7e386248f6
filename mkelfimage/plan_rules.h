/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The placement rules, written once: the build checks them (the first
 * broken one is the error) and --plan prints every one with its numbers.
 * The table's order is the order in which they are checked.
 */
#ifndef MKELFIMAGE_PLAN_RULES_H
#define MKELFIMAGE_PLAN_RULES_H

#include <stdio.h>

#include "plan.h"

/* Check every rule; report the first broken one. Returns EXIT_OK or EXIT_BAD_INPUT. */
int plan_rules_check(const struct plan *plan);

/*
 * Print every rule as "  ok   text", "  FAIL text" or "  -    text" (does
 * not apply) on `out`, then the count. Returns EXIT_OK when none failed,
 * else EXIT_BAD_INPUT with the first broken rule reported.
 */
int plan_rules_print(const struct plan *plan, FILE *out);

struct json;

/*
 * The same as JSON: "rules" (each rule's text and "ok", "broken" or "does
 * not apply"), "rules_checked", "rules_broken". Same return value.
 */
int plan_rules_json(const struct plan *plan, struct json *json);

#endif
