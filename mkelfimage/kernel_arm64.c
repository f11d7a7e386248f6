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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/fdio.h"
#include "common/json.h"
#include "common/report.h"
#include "compress.h"
#include "formats/arm64.h"
#include "formats/arm64_image.h"
#include "formats/initrd_kind.h"
#include "kernel.h"
#include "spec.h"

/* Bytes of a (decoded) Image read for its header and PE section table */
#define ARM64_HEAD_BYTES  1024
/* An Image.gz decodes to at most this (Debian's cloud Image is 27 MB) */
#define ARM64_DECODED_MAX (1ull << 30)

/* The only arm64 format: open names what is wrong with anything else. */
static int arm64_probe(const uint8_t *head, size_t len)
{
	(void)head;
	(void)len;
	return 1;
}

/* What a file that is no Image looks like, for the error line */
static const char *not_an_image(const uint8_t *head, size_t len)
{
	if (len >= 4 && memcmp(head, "\177ELF", 4) == 0)
		return "an ELF file (a vmlinux?); --arch arm64 takes arch/arm64/boot/Image or Image.gz";
	if (len >= 0x206 && memcmp(head + 0x202, "HdrS", 4) == 0)
		return "an x86 bzImage; --arch arm64 takes an arm64 Image (or use --arch x86)";
	return NULL;
}

/* A gzip'd Image: decoded into a temporary file that replaces the input's fd. */
static int decode(struct kernel *k, const uint8_t *head, size_t len)
{
	struct input_file *file = k->file;
	struct initrd_kind_info kind;
	/* the magic is at 0x38, not first: the parse after decoding checks it */
	const struct decode_rules rules = {
		.max_bytes = ARM64_DECODED_MAX,
		.max_why = "the most an Image.gz may decode to",
	};

	initrd_kind_detect(head, len, &kind);
	if (!kind.compressed)
		return EXIT_OK;
	if (kind.kind != INITRD_GZIP)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': %s-compressed; an arm64 Image may be plain or gzip (Image.gz), decompress this one first",
				    file->path, initrd_kind_name(kind.kind));
	k->compression = "gzip";
	return kernel_decode(k, 1, &rules);
}

static int arm64_open(struct kernel *k, const uint8_t *head, size_t len)
{
	struct arm64_image_info *info = calloc(1, sizeof(*info));
	struct input_file *file = k->file;
	uint8_t buf[ARM64_HEAD_BYTES];
	struct fmt_error err;
	const char *what;
	ssize_t got;
	int status;

	if (!info)
		return report_error(EXIT_IO, "out of memory");
	k->info = info;
	if ((what = not_an_image(head, len)))
		return report_error(EXIT_BAD_INPUT, "kernel '%s': %s", file->path, what);
	if ((status = decode(k, head, len)) != EXIT_OK)
		return status;
	got = fdio_read_at(file->fd, buf, sizeof(buf), 0);
	if (got < 0)
		return report_errno(EXIT_BAD_INPUT, "kernel", file->path, "cannot read");
	if (arm64_image_parse(buf, (size_t)got, file->size, info, &err) != FMT_OK ||
	    arm64_image_validate(info, &err) != FMT_OK) {
		if (err.status == FMT_NOT_THIS_FORMAT)
		{
			if (err.where)
				return report_error(EXIT_BAD_INPUT, "kernel '%s': no arm64 Image%s: %s 0x%llx: %s",
						    file->path, k->compression ? " once decompressed" : "",
						    err.where, (unsigned long long)err.offset, err.why);
			return report_error(EXIT_BAD_INPUT, "kernel '%s': no arm64 Image%s: %s", file->path,
					    k->compression ? " once decompressed" : "", err.why);
		}
		return report_format_error("kernel", file->path, &err);
	}
	/* arch/arm64/include/uapi/asm/setup.h: COMMAND_LINE_SIZE 2048, NUL included */
	k->cmdline_max = ARM64_COMMAND_LINE_SIZE - 1;
	k->cmdline_why = "Linux arm64's COMMAND_LINE_SIZE 2048, asm/setup.h";
	k->initrd_addr_max = 0;
	k->version[0] = '\0';
	return EXIT_OK;
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
	uint64_t load = ARM64_KERNEL_BASE + info->hdr.text_offset;

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
	.probe = arm64_probe,
	.open = arm64_open,
	.place = arm64_place,
	.describe = arm64_describe,
	.describe_json = arm64_describe_json,
};
