/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A Linux arm64 Image (formats/arm64_image.h), plain or gzip'd, entered at
 * its first byte by the arm64 stub. It is one segment: the file at a 2 MiB
 * aligned base + text_offset, its memory image_size (booting.rst, "Call
 * the kernel image"). A gzip'd Image is decoded into a temporary file first,
 * as the boot loaders do ("The AArch64 kernel does not currently provide a
 * decompressor").
 */
#include "config.h"

#include <elf.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/json.h"
#include "common/report.h"
#include "formats/arm64.h"
#include "formats/arm64_image.h"
#include "kernel.h"
#include "kernel_flat.h"
#include "spec.h"

/* The header, checked; the limits (kernel_flat_read_fn) */
static int arm64_read(struct kernel *k, const uint8_t *buf, size_t got)
{
	struct arm64_image_info *info = calloc(1, sizeof(*info));
	struct fmt_error err;

	if (!info)
		return report_error(EXIT_IO, "out of memory");
	k->info = info;
	if (arm64_image_parse(buf, got, k->file->size, info, &err) != FMT_OK ||
	    arm64_image_validate(info, &err) != FMT_OK)
		return kernel_flat_header_error(k, &err, "arm64 Image");
	kernel_flat_limits(k, ARM64_COMMAND_LINE_SIZE, "Linux arm64's COMMAND_LINE_SIZE 2048, asm/setup.h");
	return EXIT_OK;
}

static int arm64_open(struct kernel *k, const uint8_t *head, size_t len)
{
	return kernel_flat_open(k, head, len, "arm64", arm64_read);
}

static int arm64_probe_image(const struct image_read *img)
{
	return kernel_flat_probe_image(img, EM_AARCH64);
}

static int arm64_open_image(struct kernel *k, const struct image_read *img)
{
	return kernel_flat_open_image(k, img, arm64_read);
}

/*
 * booting.rst: "placed text_offset bytes from a 2MB aligned base address
 * anywhere in usable system RAM"; without flags bit 3 the base should be
 * "as close as possible to the base of DRAM": the first 2 MiB boundary
 * above the start of RAM, which QEMU's device tree keeps (formats/arm64.h).
 */
static int arm64_place(struct kernel *k)
{
	const struct arm64_image_info *info = k->info;

	kernel_flat_place(k, ARM64_KERNEL_BASE + info->hdr.text_offset, info->file_size, info->mem_size);
	return EXIT_OK;
}

static void arm64_describe(const struct kernel *k, char *out, size_t size)
{
	const struct arm64_image_info *info = k->info;

	snprintf(out, size, "arm64 Image%s%s, text_offset 0x%llx, image_size 0x%llx, %s pages, %s",
		 k->compression ? ", decompressed from " : "", k->compression ? k->compression : "",
		 (unsigned long long)info->hdr.text_offset, (unsigned long long)info->mem_size,
		 arm64_image_page_name(info->page_size_code),
		 info->anywhere ? "2 MiB aligned anywhere in RAM" : "near the start of RAM");
}

static void arm64_describe_json(const struct kernel *k, struct json *json)
{
	const struct arm64_image_info *info = k->info;

	json_string(json, "kernel_kind", "arm64 Image");
	json_null(json, "protocol");
	json_bool(json, "relocatable", info->anywhere);
}

const struct kernel_format kernel_arm64 = {
	.name = "arm64 Image",
	.arch = IMAGE_ARCH_ARM64,
	.probe = kernel_flat_probe,
	.open = arm64_open,
	.probe_image = arm64_probe_image,
	.open_image = arm64_open_image,
	.place = arm64_place,
	.describe = arm64_describe,
	.describe_json = arm64_describe_json,
};
