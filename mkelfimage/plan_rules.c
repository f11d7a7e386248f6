/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The placement rules (plan_rules.h), each judged on the plan's numbers. */
#include "config.h"

#include <stdio.h>

#include "common/align.h"
#include "common/report.h"
#include "plan_rules.h"
#include "common/json.h"

#define RULE_TEXT_MAX 256

/* One rule's verdict: the --plan line, and the error line when it fails */
struct rule_result {
	int applies;                 /* 0: printed as "-", never fails */
	int holds;
	char text[RULE_TEXT_MAX];
	char error[RULE_TEXT_MAX];
};

typedef void (*rule_fn)(const struct plan *plan, struct rule_result *r);

static void rule_runs_above_load(const struct plan *plan, struct rule_result *r)
{
	r->holds = plan->kernel_runtime >= plan->kernel_load;
	snprintf(r->text, sizeof(r->text), "kernel runs at 0x%llx, at or above its load address 0x%llx",
		 (unsigned long long)plan->kernel_runtime, (unsigned long long)plan->kernel_load);
	snprintf(r->error, sizeof(r->error), "kernel: runs at 0x%llx, below its load address 0x%llx; the reservation cannot cover it",
		 (unsigned long long)plan->kernel_runtime, (unsigned long long)plan->kernel_load);
}

/* The reservation holds every kernel segment and runtime + init_size */
static void rule_reservation(const struct plan *plan, struct rule_result *r)
{
	const struct kernel *k = plan->kernel;
	unsigned i;

	r->holds = plan->kernel_runtime + plan->init_size <= plan->reserve_end;
	for (i = 0; i < k->segment_count; i++)
		r->holds &= k->segments[i].addr >= plan->reserve_start &&
			k->segments[i].addr + k->segments[i].mem_size <= plan->reserve_end;
	snprintf(r->text, sizeof(r->text), "reservation 0x%llx-0x%llx covers the kernel's %u segment%s and runtime + init_size (0x%llx%s)",
		 (unsigned long long)plan->reserve_start, (unsigned long long)plan->reserve_end - 1,
		 k->segment_count, k->segment_count == 1 ? "" : "s",
		 (unsigned long long)plan->init_size, plan->init_size_estimated ? ", estimated" : "");
	snprintf(r->error, sizeof(r->error), "kernel: the reservation 0x%llx-0x%llx does not cover its segments and runtime + init_size",
		 (unsigned long long)plan->reserve_start, (unsigned long long)plan->reserve_end - 1);
}

/* The stub's segment (below the kernel on riscv64, above it elsewhere) */
static void rule_stub_outside(const struct plan *plan, struct rule_result *r)
{
	const struct plan_segment *stub = plan_find_segment((struct plan *)plan, SEG_STUB);
	uint64_t end = stub ? stub->addr + stub->mem_size : plan->stub_addr;

	r->holds = plan->stub_addr >= plan->reserve_end || end <= plan->reserve_start;
	snprintf(r->text, sizeof(r->text), "stub at 0x%llx, outside the reservation",
		 (unsigned long long)plan->stub_addr);
	snprintf(r->error, sizeof(r->error), "stub: at 0x%llx, inside the kernel's reservation",
		 (unsigned long long)plan->stub_addr);
}

static void rule_cmdline(const struct plan *plan, struct rule_result *r)
{
	r->holds = plan->cmdline_len <= plan->cmdline_max;
	snprintf(r->text, sizeof(r->text), "command line %llu bytes, at most %llu (%s)",
		 (unsigned long long)plan->cmdline_len, (unsigned long long)plan->cmdline_max,
		 plan->cmdline_why);
	snprintf(r->error, sizeof(r->error), "command line: %llu bytes exceed the limit of %llu (%s)",
		 (unsigned long long)plan->cmdline_len, (unsigned long long)plan->cmdline_max,
		 plan->cmdline_why);
}

/* boot.rst: the initrd must end at or below initrd_addr_max (inclusive). */
static void rule_initrd_addr_max(const struct plan *plan, struct rule_result *r)
{
	uint64_t max = plan->kernel->initrd_addr_max, limit = max + 1;

	if (!plan->initrd_size || !max) {
		snprintf(r->text, sizeof(r->text), "%s: initrd_addr_max does not apply",
			 plan->initrd_size ? "the kernel has no initrd_addr_max" : "no initrd");
		r->applies = 0;
		return;
	}
	r->holds = plan->initrd_addr <= limit && plan->initrd_size <= limit - plan->initrd_addr;
	snprintf(r->text, sizeof(r->text), "initrd 0x%llx-0x%llx ends at or below initrd_addr_max 0x%llx (boot.rst)",
		 (unsigned long long)plan->initrd_addr,
		 (unsigned long long)(plan->initrd_addr + plan->initrd_size - 1),
		 (unsigned long long)max);
	snprintf(r->error, sizeof(r->error), "initrd: %llu bytes at 0x%llx would end at 0x%llx, above initrd_addr_max 0x%llx (boot.rst); the initrd cannot be placed",
		 (unsigned long long)plan->initrd_size, (unsigned long long)plan->initrd_addr,
		 (unsigned long long)(plan->initrd_addr + plan->initrd_size - 1),
		 (unsigned long long)max);
}

/* The initrd clear of what the kernel zeroes after its end before reading it */
static void rule_initrd_above_cleared(const struct plan *plan, struct rule_result *r)
{
	const struct plan_limits *limits = plan->limits;
	uint64_t end = align_up(plan->reserve_end, limits->page) + limits->cleared_after_kernel;

	if (!limits->cleared_after_kernel || !plan->initrd_size) {
		snprintf(r->text, sizeof(r->text), "%s", !limits->cleared_after_kernel
			 ? "the kernel clears nothing after its end before it reads the initrd"
			 : "no initrd: nothing to keep clear of the pages the kernel clears");
		r->applies = 0;
		return;
	}
	r->holds = plan->initrd_addr >= end;
	snprintf(r->text, sizeof(r->text), "initrd at 0x%llx, at or above 0x%llx: clear of the 0x%llx bytes %s",
		 (unsigned long long)plan->initrd_addr, (unsigned long long)end,
		 (unsigned long long)limits->cleared_after_kernel, limits->cleared_why);
	snprintf(r->error, sizeof(r->error), "initrd: at 0x%llx, below 0x%llx, inside the 0x%llx bytes %s",
		 (unsigned long long)plan->initrd_addr, (unsigned long long)end,
		 (unsigned long long)limits->cleared_after_kernel, limits->cleared_why);
}

/* The lowest address: loaders that copy the lowest-to-highest span never touch the BIOS area */
static void rule_low_limit(const struct plan *plan, struct rule_result *r)
{
	const struct plan_limits *limits = plan->limits;
	uint64_t lowest = plan->segments[0].addr;
	unsigned i;

	if (!limits->low_limit) {
		snprintf(r->text, sizeof(r->text), "no lowest address for segments on this arch");
		r->applies = 0;
		return;
	}
	for (i = 1; i < plan->segment_count; i++)
		if (plan->segments[i].addr < lowest)
			lowest = plan->segments[i].addr;
	r->holds = lowest - limits->phys_base >= limits->low_limit;
	snprintf(r->text, sizeof(r->text), "every segment at or above %s: lowest 0x%llx (loaders copy the lowest-to-highest span)",
		 limits->low_limit_text, (unsigned long long)lowest);
	snprintf(r->error, sizeof(r->error), "image: a segment at 0x%llx, below %s",
		 (unsigned long long)lowest, limits->low_limit_text);
}

static void rule_aligned(const struct plan *plan, struct rule_result *r)
{
	unsigned i;

	r->holds = 1;
	for (i = 0; i < plan->segment_count; i++)
		r->holds &= plan->segments[i].addr % plan->limits->page == 0;
	snprintf(r->text, sizeof(r->text), "every segment page aligned (p_offset = p_vaddr mod 0x%llx)",
		 (unsigned long long)plan->limits->page);
	snprintf(r->error, sizeof(r->error), "image: a segment is not aligned to 0x%llx",
		 (unsigned long long)plan->limits->page);
}

static void rule_ordered(const struct plan *plan, struct rule_result *r)
{
	unsigned i;

	r->holds = 1;
	for (i = 1; i < plan->segment_count; i++)
		r->holds &= plan->segments[i].addr >=
			plan->segments[i - 1].addr + plan->segments[i - 1].mem_size;
	snprintf(r->text, sizeof(r->text), "segments in ascending address order, none overlapping (ELF spec)");
	snprintf(r->error, sizeof(r->error), "image: segments overlap or are out of address order");
}

static void rule_count(const struct plan *plan, struct rule_result *r)
{
	r->holds = plan->segment_count <= PLAN_MAX_LOAD;
	snprintf(r->text, sizeof(r->text), "%u PT_LOAD, at most %u (kexec_load allows 16 with the loader's own)",
		 plan->segment_count, (unsigned)PLAN_MAX_LOAD);
	snprintf(r->error, sizeof(r->error), "image: %u PT_LOAD segments, more than %u",
		 plan->segment_count, (unsigned)PLAN_MAX_LOAD);
}

static void rule_phys_limit(const struct plan *plan, struct rule_result *r)
{
	r->holds = plan->min_ram <= plan->limits->phys_limit;
	snprintf(r->text, sizeof(r->text), "image ends at 0x%llx, at or below %s",
		 (unsigned long long)plan->min_ram, plan->limits->phys_limit_text);
	snprintf(r->error, sizeof(r->error), "image: ends at 0x%llx, above %s",
		 (unsigned long long)plan->min_ram, plan->limits->phys_limit_text);
}

/* --max-size: a ROM or CBFS budget; the complete file is measured. */
static void rule_max_size(const struct plan *plan, struct rule_result *r)
{
	uint64_t size = plan->file_size, max = plan->max_file_size;

	if (!max) {
		snprintf(r->text, sizeof(r->text), "no --max-size: the file may have any size (%llu bytes)",
			 (unsigned long long)size);
		r->applies = 0;
		return;
	}
	r->holds = size <= max;
	snprintf(r->text, sizeof(r->text), "image file %llu bytes, at most --max-size %llu",
		 (unsigned long long)size, (unsigned long long)max);
	snprintf(r->error, sizeof(r->error), "%s%s%s%llu bytes exceed --max-size %llu by %llu bytes; nothing written",
		 plan->output_path ? "output '" : "image: ", plan->output_path ? plan->output_path : "",
		 plan->output_path ? "': " : "", (unsigned long long)size, (unsigned long long)max,
		 (unsigned long long)(size > max ? size - max : 0));
}

/* In the order they are checked: the kernel, its data, the image as a whole, the file */
static const rule_fn plan_rules[] = {
	rule_runs_above_load,
	rule_reservation,
	rule_stub_outside,
	rule_cmdline,
	rule_initrd_addr_max,
	rule_initrd_above_cleared,
	rule_low_limit,
	rule_aligned,
	rule_ordered,
	rule_count,
	rule_phys_limit,
	rule_max_size,
};

#define PLAN_RULE_COUNT (sizeof(plan_rules) / sizeof(plan_rules[0]))

/* Judge rule `i`; a rule that does not apply says so */
static void judge(const struct plan *plan, size_t i, struct rule_result *r)
{
	*r = (struct rule_result){ .applies = 1 };
	plan_rules[i](plan, r);
}

int plan_rules_check(const struct plan *plan)
{
	struct rule_result r;
	size_t i;

	for (i = 0; i < PLAN_RULE_COUNT; i++) {
		judge(plan, i, &r);
		if (r.applies && !r.holds)
			return report_error(EXIT_BAD_INPUT, "%s", r.error);
	}
	return EXIT_OK;
}

/*
 * Every rule through `show` (text or JSON), then the first broken one
 * reported. Returns EXIT_OK when none failed, else EXIT_BAD_INPUT.
 */
static int visit(const struct plan *plan, void (*show)(const struct rule_result *r, void *ctx), void *ctx,
		 unsigned *checked, unsigned *failed)
{
	struct rule_result r, first = { 0 };
	size_t i;

	*checked = *failed = 0;
	for (i = 0; i < PLAN_RULE_COUNT; i++) {
		judge(plan, i, &r);
		show(&r, ctx);
		if (!r.applies)
			continue;
		(*checked)++;
		if (!r.holds && !(*failed)++)
			first = r;
	}
	return *failed ? report_error(EXIT_BAD_INPUT, "%s", first.error) : EXIT_OK;
}

static void show_text(const struct rule_result *r, void *out)
{
	fprintf(out, "  %-4s %s\n", !r->applies ? "-" : r->holds ? "ok" : "FAIL", r->text);
}

int plan_rules_print(const struct plan *plan, FILE *out)
{
	unsigned checked, failed;
	int status;

	fprintf(out, "rules:\n");
	status = visit(plan, show_text, out, &checked, &failed);
	fprintf(out, "%u rules checked, %u failed; nothing written (--plan)\n", checked, failed);
	return status;
}

static void show_json(const struct rule_result *r, void *json)
{
	json_object_begin(json, NULL);
	json_string(json, "rule", r->text);
	json_string(json, "result", !r->applies ? "does not apply" : r->holds ? "ok" : "broken");
	json_object_end(json);
}

int plan_rules_json(const struct plan *plan, struct json *json)
{
	unsigned checked, failed;
	int status;

	json_array_begin(json, "rules");
	status = visit(plan, show_json, json, &checked, &failed);
	json_array_end(json);
	json_uint(json, "rules_checked", checked);
	json_uint(json, "rules_broken", failed);
	return status;
}
