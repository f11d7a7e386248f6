/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The plan in JSON: the "segments" and "boot" members the manifest and
 * `--plan --json` share (one writer, so the two cannot differ), and the
 * whole --plan document (schema "mkelfimage-plan/1", doc/mkelfimage.1
 * JSON OUTPUT).
 */
#ifndef MKELFIMAGE_PLAN_JSON_H
#define MKELFIMAGE_PLAN_JSON_H

#include <stdio.h>

#include "common/json.h"
#include "inputs.h"
#include "plan.h"

#define PLAN_SCHEMA "mkelfimage-plan/1"

/* "segments": [{name, address, file_offset, file_size, memory_size}, ...] */
void plan_json_segments(struct json *json, const struct plan *plan);

/* "boot": the kernel's description and the boot protocol fields the plan chose */
void plan_json_boot(struct json *json, const struct inputs *in, const struct plan *plan);

/*
 * --plan --json: schema, generator, elf_class, file_size, segments, boot,
 * the rules. EXIT_OK, EXIT_BAD_INPUT when a rule is broken (reported), or
 * EXIT_IO when `out` fails.
 */
int plan_json_print(const struct plan *plan, const struct inputs *in, FILE *out);

#endif
