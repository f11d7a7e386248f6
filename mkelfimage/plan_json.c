/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The plan in JSON (plan_json.h). */
#include "config.h"

#include <elf.h>

#include "common/report.h"
#include "kernel.h"
#include "plan_json.h"
#include "plan_rules.h"

void plan_json_segments(struct json *json, const struct plan *plan)
{
	unsigned i;

	json_array_begin(json, "segments");
	for (i = 0; i < plan->segment_count; i++) {
		const struct plan_segment *seg = &plan->segments[i];

		json_object_begin(json, NULL);
		json_string(json, "name", seg->name);
		json_uint(json, "address", seg->addr);
		json_uint(json, "file_offset", seg->file_offset);
		json_uint(json, "file_size", seg->file_size);
		json_uint(json, "memory_size", seg->mem_size);
		json_object_end(json);
	}
	json_array_end(json);
}

/* The boot protocol fields the plan chose (boot.rst names where there is one). */
void plan_json_boot(struct json *json, const struct inputs *in, const struct plan *plan)
{
	json_object_begin(json, "boot");
	/* kernel_kind, the format's own fields, protocol, relocatable */
	in->kernel.format->describe_json(&in->kernel, json);
	json_uint(json, "kernel_load", plan->kernel_load);
	json_uint(json, "kernel_runtime", plan->kernel_runtime);
	json_uint(json, "init_size", plan->init_size);
	json_bool(json, "init_size_estimated", plan->init_size_estimated);
	json_uint(json, "reserve_start", plan->reserve_start);
	json_uint(json, "reserve_end", plan->reserve_end);
	json_uint(json, "stub_address", plan->stub_addr);
	json_uint(json, "entry", plan->entry);
	json_uint(json, "cmd_line_ptr", plan->cmdline_addr);
	json_uint(json, "cmdline_size", plan->cmdline_max);
	json_uint(json, "ramdisk_image", plan->initrd_addr);
	json_uint(json, "ramdisk_size", plan->initrd_size);
	json_uint(json, "initrd_addr_max", in->kernel.initrd_addr_max);
	json_uint(json, "minimum_ram", plan->min_ram);
	json_string(json, "minimum_ram_covers", PLAN_MIN_RAM_COVERS);
	json_object_end(json);
}

int plan_json_print(const struct plan *plan, const struct inputs *in, FILE *out)
{
	struct json json;
	int status;

	json_begin(&json, out);
	json_object_begin(&json, NULL);
	json_string(&json, "schema", PLAN_SCHEMA);
	json_string(&json, "generator", PACKAGE_NAME " " PACKAGE_VERSION);
	json_uint(&json, "elf_class", plan->elf_class == ELFCLASS64 ? 64 : 32);
	json_uint(&json, "file_size", plan->file_size);
	plan_json_segments(&json, plan);
	plan_json_boot(&json, in, plan);
	status = plan_rules_json(plan, &json);
	json_object_end(&json);
	if (json_end(&json) < 0 || fflush(out) != 0)
		return report_error(EXIT_IO, "--plan --json: cannot write the plan");
	return status;
}
