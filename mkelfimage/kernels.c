/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The kernel formats, in the order they are probed (kernel.h). */
#include "config.h"

#include <elf.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/fdio.h"
#include "common/report.h"
#include "arch.h"
#include "compress.h"
#include "imageread.h"
#include "kernel.h"

extern const struct kernel_format kernel_vmlinux, kernel_bzimage, kernel_alpha, kernel_arm64,
	kernel_riscv64;

/*
 * Per arch, the most specific probe first: an x86 vmlinux starts with ELF
 * or compression magic; a bzImage has no magic at offset 0, so it is the
 * last resort and its parser says what is wrong with anything else.
 */
static const struct kernel_format *const kernel_formats[] = {
	&kernel_vmlinux,
	&kernel_bzimage,
	&kernel_alpha,
	&kernel_arm64,
	&kernel_riscv64,
};

/* Bytes read from the start of a kernel for the probes and header parsers */
#define KERNEL_HEAD_BYTES  1024

int kernel_open(struct kernel *k, struct input_file *file, unsigned arch)
{
	uint8_t head[KERNEL_HEAD_BYTES];
	ssize_t got;
	size_t i;

	memset(k, 0, sizeof(*k));
	k->file = file;
	got = fdio_read_at(file->fd, head, sizeof(head), 0);
	if (got < 0)
		return report_errno(EXIT_BAD_INPUT, "kernel", file->path, "cannot read");
	for (i = 0; i < sizeof(kernel_formats) / sizeof(kernel_formats[0]); i++) {
		const struct kernel_format *format = kernel_formats[i];

		if (format->arch == arch && format->probe(head, (size_t)got)) {
			int status;

			k->format = format;
			status = format->open(k, head, (size_t)got);
			k->file_size = file->size;   /* after decoding, as the image holds it */
			return status;
		}
	}
	return report_error(EXIT_IO, "internal error: no kernel format for this arch");
}

int kernel_open_image(struct kernel *k, struct input_file *file, const struct image_read *img)
{
	/* only the formats of the image's arch are asked */
	const struct arch *arch = arch_find_machine(img->elf.elf_class == ELFCLASS64 ? 64 : 32, img->elf.machine);
	size_t i;

	memset(k, 0, sizeof(*k));
	k->file = file;
	for (i = 0; arch && i < sizeof(kernel_formats) / sizeof(kernel_formats[0]); i++) {
		const struct kernel_format *format = kernel_formats[i];

		if (format->arch == arch->id && format->probe_image && format->probe_image(img)) {
			k->format = format;
			return format->open_image(k, img);
		}
	}
	return report_error(EXIT_BAD_INPUT, "image '%s': holds no kernel this mkelfimage can rebuild from",
			    file->path);
}

const char *kernel_image_format_name(const struct image_read *img)
{
	const struct arch *arch = arch_find_machine(img->elf.elf_class == ELFCLASS64 ? 64 : 32, img->elf.machine);
	size_t i;

	for (i = 0; arch && i < sizeof(kernel_formats) / sizeof(kernel_formats[0]); i++)
		if (kernel_formats[i]->arch == arch->id && kernel_formats[i]->probe_image &&
		    kernel_formats[i]->probe_image(img))
			return kernel_formats[i]->name;
	return NULL;
}

int kernel_decode(struct kernel *k, int gzip, const struct decode_rules *rules)
{
	struct input_file *file = k->file;
	off_t size;
	int temp, status;

	if ((temp = decompress_to_temp(file->fd, gzip ? CODEC_GZIP : CODEC_XZ, "kernel", file->path, rules, &status)) < 0)
		return status;
	if ((size = lseek(temp, 0, SEEK_END)) < 0) {
		close(temp);
		return report_errno(EXIT_IO, "kernel", file->path, "cannot measure the decoded file");
	}
	close(file->fd);
	file->fd = temp;
	file->size = (uint64_t)size;
	return EXIT_OK;
}

int kernel_place(struct kernel *k)
{
	return k->format->place(k);
}

void kernel_close(struct kernel *k)
{
	free(k->info);
	k->info = NULL;
}
