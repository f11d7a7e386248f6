/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "formats/elfimage.h"
#include "formats/initrd_kind.h"
#include "formats/le.h"
#include "compress.h"
#include "elfkernel.h"
#include "common/report.h"
#include "vmlinux.h"

int vmlinux_probe(const uint8_t *head, size_t len)
{
	struct initrd_kind_info kind;

	if (len >= 4 && memcmp(head, "\177ELF", 4) == 0)
		return 1;
	/* any compressed stream: gzip and xz are decoded, the others refused by name */
	initrd_kind_detect(head, len, &kind);
	return kind.compressed;
}

/* A gzip or xz kernel: decoded into a temporary file that replaces the input's fd. */
static int decode(struct inputs *in, const uint8_t *head, size_t len)
{
	struct input_file *kernel = &in->kernel;
	struct initrd_kind_info kind;
	off_t size;
	int temp, status;

	initrd_kind_detect(head, len, &kind);
	if (!kind.compressed)
		return EXIT_OK;
	if (kind.kind != INITRD_GZIP && kind.kind != INITRD_XZ)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': %s-compressed; a compressed vmlinux may be gzip or xz, decompress this one first",
				    kernel->path, initrd_kind_name(kind.kind));
	in->kernel_compression = kind.kind == INITRD_GZIP ? "gzip" : "xz";
	if ((temp = decompress_to_temp(kernel->fd, kind.kind == INITRD_GZIP, "kernel", kernel->path, &status)) < 0)
		return status;
	if ((size = lseek(temp, 0, SEEK_END)) < 0) {
		close(temp);
		return report_errno(EXIT_IO, "kernel", kernel->path, "cannot measure the decoded file");
	}
	close(kernel->fd);
	kernel->fd = temp;
	kernel->size = (uint64_t)size;
	return EXIT_OK;
}

/* elfkernel_check_fn for an x86 vmlinux: its PT_LOADs and PVH entry note */
static enum fmt_status check_x86(const uint8_t *map, size_t size, const struct elfimage_info *elf,
				 void *info, struct fmt_error *err)
{
	return x86_vmlinux_check(map, size, elf, info, err);
}

static int parse(struct inputs *in)
{
	const struct input_file *kernel = &in->kernel;
	struct fmt_error err;
	enum fmt_status status;
	int exit_status;

	if (kernel->size == 0 || kernel->size > SIZE_MAX)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': %llu bytes%s is no vmlinux", kernel->path,
				    (unsigned long long)kernel->size,
				    in->kernel_compression ? " once decompressed" : "");
	exit_status = elfkernel_read(kernel, &x86_vmlinux_rules, check_x86, &in->vmlinux, &status, &err);
	if (exit_status != EXIT_OK)
		return exit_status;
	if (status == FMT_NOT_THIS_FORMAT && in->kernel_compression)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': %s-compressed, but no ELF file once decompressed; a compressed kernel must be a vmlinux",
				    kernel->path, in->kernel_compression);
	return status == FMT_OK ? EXIT_OK : report_format_error("kernel", kernel->path, &err);
}

/*
 * The setup header a bzImage of this kernel would carry, for the fields the
 * plan and the stub read (boot.rst): protocol 2.12, initrd_addr_max,
 * XLF_CAN_BE_LOADED_ABOVE_4G (a PVH module address is 64 bits),
 * cmdline_size. The bytes go to stub_params.setup_header (offsets from 0x1f1).
 */
static void describe(struct inputs *in)
{
	struct bzimage_info *bz = &in->bzimage;
	uint8_t *hdr = bz->setup_header;

#define AT(field) (hdr + offsetof(struct setup_header, field))
	memset(bz, 0, sizeof(*bz));
	bz->version = bz->version_in_file = BOOT_PROTOCOL(2, 12);
	bz->initrd_addr_max = VMLINUX_INITRD_ADDR_MAX;
	bz->xloadflags = XLF_CAN_BE_LOADED_ABOVE_4G;
	bz->cmdline_size = VMLINUX_CMDLINE_SIZE;
	bz->file_size = in->kernel.size;
	bz->code32_start = in->vmlinux.pvh_entry;
	le_put(AT(boot_flag), BOOT_FLAG_MAGIC, 2);
	le_put(AT(header), HEADER_MAGIC, 4);
	le_put(AT(version), bz->version, 2);
	le_put(AT(initrd_addr_max), bz->initrd_addr_max, 4);
	le_put(AT(xloadflags), bz->xloadflags, 2);
	le_put(AT(cmdline_size), bz->cmdline_size, 4);
	bz->setup_header_len = (uint32_t)(offsetof(struct setup_header, cmdline_size) + 4);
#undef AT
}

int vmlinux_open(struct inputs *in, const uint8_t *head, size_t len)
{
	int status = decode(in, head, len);

	if (status == EXIT_OK)
		status = parse(in);
	if (status != EXIT_OK)
		return status;
	in->kernel_kind = KERNEL_VMLINUX;
	describe(in);
	return EXIT_OK;
}
