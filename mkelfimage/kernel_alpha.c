/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A Linux/Alpha vmlinux (formats/alpha_vmlinux.h), entered at e_entry by the
 * Alpha stub. Its PT_LOADs stay where they are linked, in KSEG (p_vaddr ==
 * p_paddr, as QEMU's clipper loader and aboot expect), memsz kept.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "common/json.h"
#include "common/report.h"
#include "formats/alpha.h"
#include "formats/alpha_vmlinux.h"
#include "kernel.h"
#include "kernel_elf.h"
#include "spec.h"

_Static_assert(ALPHA_VMLINUX_MAX_LOADS <= KERNEL_MAX_SEGMENTS, "every PT_LOAD is a segment");

/* The only Alpha format: its reader names what is wrong with anything else. */
static int alpha_probe(const uint8_t *head, size_t len)
{
	(void)head;
	(void)len;
	return 1;
}

/* kernel_elf_check_fn for a Linux/Alpha vmlinux */
static enum fmt_status check_alpha(const uint8_t *map, size_t size, const struct elfimage_info *elf,
				   void *info, struct fmt_error *err)
{
	(void)map;
	(void)size;
	return alpha_vmlinux_check(elf, info, err);
}

static int alpha_open(struct kernel *k, const uint8_t *head, size_t len)
{
	struct alpha_vmlinux_info *info = calloc(1, sizeof(*info));
	const struct input_file *file = k->file;
	struct fmt_error err;
	enum fmt_status status;
	int exit_status;

	(void)head;
	(void)len;
	if (!info)
		return report_error(EXIT_IO, "out of memory");
	k->info = info;
	if (file->size == 0 || file->size > SIZE_MAX)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': %llu bytes is no vmlinux",
				    file->path, (unsigned long long)file->size);
	exit_status = kernel_elf_read(file, &alpha_vmlinux_rules, check_alpha, info, &status, &err);
	if (exit_status != EXIT_OK)
		return exit_status;
	if (status != FMT_OK)
		return report_format_error("kernel", file->path, &err);
	/* asm/setup.h COMMAND_LINE_SIZE: setup.c copies 256 bytes, NUL included */
	k->cmdline_max = ALPHA_COMMAND_LINE_SIZE - 1;
	k->cmdline_why = "Linux/Alpha's COMMAND_LINE_SIZE 256, asm/setup.h";
	k->entry = info->entry;
	return EXIT_OK;
}

static int alpha_place(struct kernel *k)
{
	const struct alpha_vmlinux_info *info = k->info;
	unsigned i;

	k->load = k->runtime = k->reserve_start = info->start;
	k->init_size = info->end - info->start;
	k->reserve_end = info->end;
	for (i = 0; i < info->load_count; i++) {
		k->segments[i] = (struct kernel_segment){
			.file_offset = info->loads[i].offset, .addr = info->loads[i].vaddr,
			.file_size = info->loads[i].filesz, .mem_size = info->loads[i].memsz,
		};
		k->loaded_size += info->loads[i].filesz;
	}
	k->segment_count = info->load_count;
	return EXIT_OK;
}

static void alpha_describe(const struct kernel *k, char *out, size_t size)
{
	const struct alpha_vmlinux_info *info = k->info;

	snprintf(out, size, "Alpha vmlinux, entry 0x%016llx, %u PT_LOAD at their p_vaddr (KSEG)",
		 (unsigned long long)info->entry, info->load_count);
}

static void alpha_describe_json(const struct kernel *k, struct json *json)
{
	(void)k;
	json_string(json, "kernel_kind", "alpha vmlinux");
	json_null(json, "protocol");
	json_bool(json, "relocatable", 0);
}

const struct kernel_format kernel_alpha = {
	.name = "Alpha vmlinux",
	.arch = IMAGE_ARCH_ALPHA,
	.probe = alpha_probe,
	.open = alpha_open,
	.place = alpha_place,
	.describe = alpha_describe,
	.describe_json = alpha_describe_json,
};
