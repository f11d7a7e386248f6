/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A Linux RISC-V Image (formats/riscv64_image.h), plain or gzip'd, entered
 * at its first byte by the riscv64 stub. It is one segment: the file at
 * the start of RAM + text_offset (a 2 MiB boundary), its memory image_size
 * (boot-image-header.rst; boot.rst). A gzip'd Image is decoded first, as
 * the boot loaders do (U-Boot's booti takes Image.gz the same way).
 */
#include "config.h"

#include <elf.h>

#include <stdio.h>
#include <stdlib.h>

#include "common/json.h"
#include "common/report.h"
#include "formats/riscv64.h"
#include "formats/riscv64_image.h"
#include "kernel.h"
#include "kernel_flat.h"
#include "spec.h"

#ifndef EM_RISCV
#define EM_RISCV 243
#endif

/* The header, checked; the limits (kernel_flat_read_fn) */
static int riscv64_read(struct kernel *k, const uint8_t *buf, size_t got)
{
	struct riscv64_image_info *info = calloc(1, sizeof(*info));
	struct fmt_error err;

	if (!info)
		return report_error(EXIT_IO, "out of memory");
	k->info = info;
	if (riscv64_image_parse(buf, got, k->file->size, info, &err) != FMT_OK ||
	    riscv64_image_validate(info, &err) != FMT_OK)
		return kernel_flat_header_error(k, &err, "RISC-V Image");
	kernel_flat_limits(k, RISCV64_COMMAND_LINE_SIZE, "Linux riscv's COMMAND_LINE_SIZE 1024, asm/setup.h");
	return EXIT_OK;
}

static int riscv64_open(struct kernel *k, const uint8_t *head, size_t len)
{
	return kernel_flat_open(k, head, len, "riscv64", riscv64_read);
}

static int riscv64_probe_image(const struct image_read *img)
{
	return kernel_flat_probe_image(img, EM_RISCV);
}

static int riscv64_open_image(struct kernel *k, const struct image_read *img)
{
	return kernel_flat_open_image(k, img, riscv64_read);
}

/*
 * boot-image-header.rst: text_offset is where a payload starts from the
 * start of RAM. The stub takes that place and the kernel the next 2 MiB
 * boundary (formats/riscv64.h).
 */
static int riscv64_place(struct kernel *k)
{
	const struct riscv64_image_info *info = k->info;

	kernel_flat_place(k, RISCV64_RAM_BASE + info->hdr.text_offset + RISCV64_STUB_ROOM, info->file_size,
			  info->mem_size);
	return EXIT_OK;
}

static void riscv64_describe(const struct kernel *k, char *out, size_t size)
{
	const struct riscv64_image_info *info = k->info;

	snprintf(out, size, "RISC-V Image%s%s, header %u.%u, text_offset 0x%llx, image_size 0x%llx",
		 k->compression ? ", decompressed from " : "", k->compression ? k->compression : "",
		 info->hdr.version >> 16, info->hdr.version & 0xffff,
		 (unsigned long long)info->hdr.text_offset, (unsigned long long)info->mem_size);
}

static void riscv64_describe_json(const struct kernel *k, struct json *json)
{
	(void)k;
	json_string(json, "kernel_kind", "RISC-V Image");
	json_null(json, "protocol");
	json_bool(json, "relocatable", 0);
}

const struct kernel_format kernel_riscv64 = {
	.name = "RISC-V Image",
	.arch = IMAGE_ARCH_RISCV64,
	.probe = kernel_flat_probe,
	.open = riscv64_open,
	.probe_image = riscv64_probe_image,
	.open_image = riscv64_open_image,
	.place = riscv64_place,
	.describe = riscv64_describe,
	.describe_json = riscv64_describe_json,
};
