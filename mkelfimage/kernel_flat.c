/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The flat Image kernels' shared steps (kernel_flat.h). */
#include "config.h"

#include <string.h>

#include "common/fdio.h"
#include "common/report.h"
#include "compress.h"
#include "formats/initrd_kind.h"
#include "imageread.h"
#include "kernel_flat.h"

/* An Image.gz decodes to at most this (Debian's arm64 cloud Image is 27 MB) */
#define KERNEL_FLAT_DECODED_MAX (1ull << 30)

/* The magic words at 0x30 and 0x38 of the Image headers (formats/arm64_image.h, riscv64_image.h) */
static int has_riscv64_magic(const uint8_t *head, size_t len)
{
	return len >= 0x3c && (memcmp(head + 0x30, "RISCV\0\0\0", 8) == 0 || memcmp(head + 0x38, "RSC\x05", 4) == 0);
}

static int has_arm64_magic(const uint8_t *head, size_t len)
{
	return len >= 0x3c && memcmp(head + 0x38, "ARM\x64", 4) == 0;
}

const char *kernel_flat_foreign(const uint8_t *head, size_t len, const char *arch)
{
	if (len >= 4 && memcmp(head, "\177ELF", 4) == 0)
		return "an ELF file (a vmlinux?)";
	if (len >= 0x206 && memcmp(head + 0x202, "HdrS", 4) == 0)
		return "an x86 bzImage";
	if (strcmp(arch, "arm64") && has_arm64_magic(head, len))
		return "an arm64 Image (--arch arm64)";
	if (strcmp(arch, "riscv64") && has_riscv64_magic(head, len))
		return "a RISC-V Image (--arch riscv64)";
	return NULL;
}

int kernel_flat_probe(const uint8_t *head, size_t len)
{
	(void)head;
	(void)len;
	return 1;
}

int kernel_flat_open(struct kernel *k, const uint8_t *head, size_t len, const char *arch,
		     kernel_flat_read_fn read)
{
	uint8_t buf[KERNEL_FLAT_HEAD_BYTES];
	struct input_file *file = k->file;
	struct initrd_kind_info kind;
	/* the magic is not first: the parse after decoding checks it */
	const struct decode_rules rules = {
		.max_bytes = KERNEL_FLAT_DECODED_MAX,
		.max_why = "the most an Image.gz may decode to",
	};
	const char *what = kernel_flat_foreign(head, len, arch);
	ssize_t n;
	int status;

	if (what)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': %s; --arch %s takes arch/%s/boot/Image or Image.gz",
				    file->path, what, arch, strcmp(arch, "riscv64") ? arch : "riscv");
	initrd_kind_detect(head, len, &kind);
	if (kind.compressed) {
		if (kind.kind != INITRD_GZIP)
			return report_error(EXIT_BAD_INPUT, "kernel '%s': %s-compressed; an %s Image may be plain "
					    "or gzip (Image.gz), decompress this one first",
					    file->path, initrd_kind_name(kind.kind), arch);
		k->compression = "gzip";
		if ((status = kernel_decode(k, 1, &rules)) != EXIT_OK)
			return status;
	}
	n = fdio_read_at(file->fd, buf, KERNEL_FLAT_HEAD_BYTES, 0);
	if (n < 0)
		return report_errno(EXIT_BAD_INPUT, "kernel", file->path, "cannot read");
	return read(k, buf, (size_t)n);
}

void kernel_flat_place(struct kernel *k, uint64_t load, uint64_t file_size, uint64_t mem_size)
{
	k->load = k->runtime = k->reserve_start = k->entry = load;
	k->init_size = mem_size;
	k->reserve_end = load + mem_size;
	k->segments[0] = (struct kernel_segment){
		.file_offset = 0, .addr = load, .file_size = file_size, .mem_size = mem_size,
	};
	k->segment_count = 1;
	k->loaded_size = file_size;
}

void kernel_flat_limits(struct kernel *k, uint64_t command_line_size, const char *why)
{
	k->cmdline_max = command_line_size - 1;   /* the size holds the NUL */
	k->cmdline_why = why;
	k->initrd_addr_max = 0;
	k->version[0] = '\0';
}

int kernel_flat_probe_image(const struct image_read *img, uint16_t machine)
{
	return img->fdt_stub && img->elf.machine == machine;
}

int kernel_flat_open_image(struct kernel *k, const struct image_read *img, kernel_flat_read_fn read)
{
	uint64_t size = img->params.kernel_file_size;
	const uint8_t *code = imageread_bytes(img, img->params.kernel_load_addr, size);

	if (!code || size == 0)
		return report_error(EXIT_BAD_INPUT, "image '%s': the kernel is not in the image's file data", img->path);
	k->file->offset = (uint64_t)(code - img->map);
	k->file->size = size;
	k->file_size = size;
	return read(k, code, size < KERNEL_FLAT_HEAD_BYTES ? (size_t)size : KERNEL_FLAT_HEAD_BYTES);
}

int kernel_flat_header_error(const struct kernel *k, const struct fmt_error *err, const char *what)
{
	const char *path = k->file->path;
	const char *decoded = k->compression ? " once decompressed" : "";

	if (err->status != FMT_NOT_THIS_FORMAT)
		return report_format_error("kernel", path, err);
	if (err->where)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': no %s%s: %s 0x%llx: %s", path, what, decoded,
				    err->where, (unsigned long long)err->offset, err->why);
	return report_error(EXIT_BAD_INPUT, "kernel '%s': no %s%s: %s", path, what, decoded, err->why);
}
