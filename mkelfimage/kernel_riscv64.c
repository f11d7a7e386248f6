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

/* The only riscv64 format: open names what is wrong with anything else. */
static int riscv64_probe(const uint8_t *head, size_t len)
{
	(void)head;
	(void)len;
	return 1;
}

/* The header in `buf` (`got` bytes of a `size`-byte Image), checked; the limits */
static int riscv64_read(struct kernel *k, const uint8_t *buf, size_t got, uint64_t size)
{
	struct riscv64_image_info *info = calloc(1, sizeof(*info));
	struct fmt_error err;

	if (!info)
		return report_error(EXIT_IO, "out of memory");
	k->info = info;
	if (riscv64_image_parse(buf, got, size, info, &err) != FMT_OK ||
	    riscv64_image_validate(info, &err) != FMT_OK)
		return kernel_flat_header_error(k, &err, "RISC-V Image");
	k->cmdline_max = RISCV64_COMMAND_LINE_SIZE - 1;
	k->cmdline_why = "Linux riscv's COMMAND_LINE_SIZE 1024, asm/setup.h";
	k->initrd_addr_max = 0;
	k->version[0] = '\0';
	return EXIT_OK;
}

static int riscv64_open(struct kernel *k, const uint8_t *head, size_t len)
{
	uint8_t buf[KERNEL_FLAT_HEAD_BYTES];
	size_t got;
	int status = kernel_flat_open(k, head, len, "riscv64", buf, &got);

	return status != EXIT_OK ? status : riscv64_read(k, buf, got, k->file->size);
}

static int riscv64_probe_image(const struct image_read *img)
{
	return kernel_flat_probe_image(img, EM_RISCV);
}

static int riscv64_open_image(struct kernel *k, const struct image_read *img)
{
	uint8_t buf[KERNEL_FLAT_HEAD_BYTES];
	size_t got;
	int status = kernel_flat_open_image(k, img, buf, &got);

	return status != EXIT_OK ? status : riscv64_read(k, buf, got, k->file->size);
}

/*
 * boot-image-header.rst: text_offset is where a payload starts from the
 * start of RAM. The stub takes that place and the kernel the next 2 MiB
 * boundary (formats/riscv64.h).
 */
static int riscv64_place(struct kernel *k)
{
	const struct riscv64_image_info *info = k->info;
	uint64_t load = RISCV64_RAM_BASE + info->hdr.text_offset + RISCV64_STUB_ROOM;

	k->load = k->runtime = k->reserve_start = k->entry = load;
	k->init_size = info->mem_size;
	k->reserve_end = load + info->mem_size;
	k->segments[0] = (struct kernel_segment){
		.file_offset = 0, .addr = load, .file_size = info->file_size, .mem_size = info->mem_size,
	};
	k->segment_count = 1;
	k->loaded_size = info->file_size;
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
	.probe = riscv64_probe,
	.open = riscv64_open,
	.probe_image = riscv64_probe_image,
	.open_image = riscv64_open_image,
	.place = riscv64_place,
	.describe = riscv64_describe,
	.describe_json = riscv64_describe_json,
};
