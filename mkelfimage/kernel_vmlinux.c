/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An x86 vmlinux (formats/x86_vmlinux.h), plain, gzip or xz, entered at its
 * PVH entry note. A compressed file is decoded, streamed, into an unlinked
 * temporary file whose descriptor replaces the input's, so every later step
 * reads the plain ELF. Its PT_LOADs are the segments, at p_paddr with their
 * p_memsz; the reservation is their span.
 */
#include "config.h"

#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/align.h"
#include "common/json.h"
#include "common/report.h"
#include "formats/initrd_kind.h"
#include "formats/le.h"
#include "formats/stubparam.h"
#include "formats/x86_vmlinux.h"
#include "compress.h"
#include "imageread.h"
#include "kernel.h"
#include "kernel_elf.h"
#include "spec.h"

/* A compressed vmlinux decodes to at most this (Debian's is about 60 MiB) */
#define VMLINUX_DECODED_MAX       (1ull << 30)
/* Linux arch/x86/include/asm/setup.h: COMMAND_LINE_SIZE 2048, NUL included */
#define VMLINUX_CMDLINE_SIZE      2047
/* Where a PVH kernel accepts its modules: what a bzImage of 2.12+ says (header.S) */
#define VMLINUX_INITRD_ADDR_MAX   0x7fffffffu
/* The protocol the stub's zero page says it speaks: 2.12 has xloadflags */
#define VMLINUX_STUB_PROTOCOL     BOOT_PROTOCOL(2, 12)

_Static_assert(X86_VMLINUX_MAX_LOADS <= KERNEL_MAX_SEGMENTS, "every PT_LOAD is a segment");
_Static_assert(X86_VMLINUX_MAX_LOADS <= STUB_KERNEL_RANGES_MAX, "every PT_LOAD has a range");

/* ELF magic, or any compressed stream: gzip and xz are decoded, the others refused by name */
static int vmlinux_probe(const uint8_t *head, size_t len)
{
	struct initrd_kind_info kind;

	if (len >= 4 && memcmp(head, "\177ELF", 4) == 0)
		return 1;
	initrd_kind_detect(head, len, &kind);
	return kind.compressed;
}

/* A gzip or xz kernel: decoded into a temporary file that replaces the input's fd. */
static int decode(struct kernel *k, const uint8_t *head, size_t len)
{
	static const uint8_t elf_magic[] = { 0x7f, 'E', 'L', 'F' };
	struct input_file *file = k->file;
	struct initrd_kind_info kind;
	struct decode_rules rules = {
		.max_bytes = VMLINUX_DECODED_MAX,
		.max_why = "the most a compressed vmlinux may decode to",
		.magic = elf_magic,
		.magic_len = sizeof(elf_magic),
	};
	char magic_error[128];

	initrd_kind_detect(head, len, &kind);
	if (!kind.compressed)
		return EXIT_OK;
	if (kind.kind != INITRD_GZIP && kind.kind != INITRD_XZ)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': %s-compressed; a compressed vmlinux may be gzip or xz, decompress this one first",
				    file->path, initrd_kind_name(kind.kind));
	k->compression = kind.kind == INITRD_GZIP ? "gzip" : "xz";
	/* as parse() words it for a short stream, but said at the first decoded bytes */
	snprintf(magic_error, sizeof(magic_error),
		 "%s-compressed, but no ELF file once decompressed; a compressed kernel must be a vmlinux",
		 k->compression);
	rules.magic_error = magic_error;
	return kernel_decode(k, kind.kind == INITRD_GZIP, &rules);
}

/* kernel_elf_check_fn for an x86 vmlinux: its PT_LOADs and PVH entry note */
static enum fmt_status check_x86(const uint8_t *map, size_t size, const struct elfimage_info *elf,
				 void *info, struct fmt_error *err)
{
	return x86_vmlinux_check(map, size, elf, info, err);
}

static int parse(struct kernel *k, struct x86_vmlinux_info *info)
{
	const struct input_file *file = k->file;
	struct fmt_error err;
	enum fmt_status status;
	int exit_status;

	if (file->size == 0 || file->size > SIZE_MAX)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': %llu bytes%s is no vmlinux", file->path,
				    (unsigned long long)file->size,
				    k->compression ? " once decompressed" : "");
	exit_status = kernel_elf_read(file, &x86_vmlinux_rules, check_x86, info, &status, &err);
	if (exit_status != EXIT_OK)
		return exit_status;
	if (status == FMT_NOT_THIS_FORMAT && k->compression)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': %s-compressed, but no ELF file once decompressed; a compressed kernel must be a vmlinux",
				    file->path, k->compression);
	return status == FMT_OK ? EXIT_OK : report_format_error("kernel", file->path, &err);
}

/*
 * The setup header the stub copies into the zero page it builds before
 * turning it into the PVH start_info (stubs/x86/pvhkernel.c): the limits it
 * applies there, as a 2.12 header states them (boot.rst): initrd_addr_max,
 * XLF_CAN_BE_LOADED_ABOVE_4G (a PVH module address is 64 bits), cmdline_size.
 */
static void fill_stub_header(struct kernel *k)
{
	uint8_t *hdr = k->setup_header;

#define AT(field) (hdr + offsetof(struct setup_header, field))
	memset(k->setup_header, 0, sizeof(k->setup_header));
	le_put(AT(boot_flag), BOOT_FLAG_MAGIC, 2);
	le_put(AT(header), HEADER_MAGIC, 4);
	le_put(AT(version), VMLINUX_STUB_PROTOCOL, 2);
	le_put(AT(initrd_addr_max), VMLINUX_INITRD_ADDR_MAX, 4);
	le_put(AT(xloadflags), XLF_CAN_BE_LOADED_ABOVE_4G, 2);
	le_put(AT(cmdline_size), VMLINUX_CMDLINE_SIZE, 4);
	k->setup_header_len = (uint32_t)(offsetof(struct setup_header, cmdline_size) + 4);
#undef AT
}

/* What the parse says, into the description */
static void describe_parse(struct kernel *k)
{
	const struct x86_vmlinux_info *info = k->info;

	k->loaded_size = info->file_bytes;
	k->cmdline_max = VMLINUX_CMDLINE_SIZE;
	k->cmdline_why = "the kernel's cmdline_size, boot.rst";
	k->initrd_addr_max = VMLINUX_INITRD_ADDR_MAX;
	k->stub_protocol = STUB_KERNEL_PVH;
	k->entry = info->pvh_entry;
	k->stub_hashes_ranges = 1;
	fill_stub_header(k);
}

static int vmlinux_open(struct kernel *k, const uint8_t *head, size_t len)
{
	struct x86_vmlinux_info *info = calloc(1, sizeof(*info));
	int status;

	if (!info)
		return report_error(EXIT_IO, "out of memory");
	k->info = info;
	status = decode(k, head, len);
	if (status == EXIT_OK)
		status = parse(k, info);
	if (status == EXIT_OK)
		describe_parse(k);
	return status;
}

/* An image's vmlinux: its PT_LOADs (the stub's kernel ranges) and PVH entry */
static int vmlinux_probe_image(const struct image_read *img)
{
	return img->params.kernel_protocol == STUB_KERNEL_PVH;
}

static int vmlinux_open_image(struct kernel *k, const struct image_read *img)
{
	struct imageread_load loads[IMAGEREAD_MAX_KERNEL_LOADS];
	struct x86_vmlinux_info *info = calloc(1, sizeof(*info));
	uint32_t entry = img->params.kernel_entry;
	unsigned i, count;
	int status, entry_inside = 0;

	if (!info)
		return report_error(EXIT_IO, "out of memory");
	k->info = info;
	if ((status = imageread_vmlinux_loads(img, loads, &count)) != EXIT_OK)
		return status;
	/* as a minimal vmlinux of them says (minvmlinux.h): ELF32 EM_386 */
	info->elf_class = ELFCLASS32;
	info->machine = EM_386;
	info->pvh_entry = entry;
	info->start = loads[0].paddr;
	info->load_count = count;
	for (i = 0; i < count; i++) {
		if (!loads[i].bytes)
			return report_error(EXIT_BAD_INPUT, "image '%s': the kernel's loaded part is not in the image's file data",
					    img->path);
		info->loads[i] = (struct x86_vmlinux_load){
			.offset = (uint64_t)(loads[i].bytes - img->map), .paddr = loads[i].paddr,
			.filesz = loads[i].filesz, .memsz = loads[i].memsz,
		};
		info->file_bytes += loads[i].filesz;
		info->end = loads[i].paddr + loads[i].memsz;
		entry_inside |= entry >= loads[i].paddr && entry - loads[i].paddr < loads[i].filesz;
	}
	/* formats/x86_vmlinux.c's rule: the PVH entry lies in a PT_LOAD's file bytes */
	if (!entry_inside)
		return report_error(EXIT_BAD_INPUT, "image '%s': stub parameters: kernel_entry 0x%x is in no kernel PT_LOAD",
				    img->path, entry);
	describe_parse(k);
	return EXIT_OK;
}

/* Where it is linked: formats/x86_vmlinux.c checked the PT_LOADs (page aligned, in [1 MiB, 4 GiB), no overlaps). */
static int vmlinux_place(struct kernel *k)
{
	const struct x86_vmlinux_info *info = k->info;
	unsigned i;

	k->load = k->runtime = k->reserve_start = info->start;
	k->init_size = info->end - info->start;
	k->reserve_end = align_up(info->end, X86_VMLINUX_PAGE);
	for (i = 0; i < info->load_count; i++)
		k->segments[i] = (struct kernel_segment){
			.file_offset = info->loads[i].offset, .addr = info->loads[i].paddr,
			.file_size = info->loads[i].filesz, .mem_size = info->loads[i].memsz,
		};
	k->segment_count = info->load_count;
	return EXIT_OK;
}

static void vmlinux_describe(const struct kernel *k, char *out, size_t size)
{
	const struct x86_vmlinux_info *info = k->info;

	snprintf(out, size, "vmlinux %s %s%s%s, PVH entry 0x%x, %u PT_LOAD at their p_paddr",
		 info->elf_class == ELFCLASS64 ? "ELF64" : "ELF32",
		 info->machine == EM_X86_64 ? "EM_X86_64" : "EM_386",
		 k->compression ? ", decompressed from " : "", k->compression ? k->compression : "",
		 info->pvh_entry, info->load_count);
}

static void vmlinux_describe_json(const struct kernel *k, struct json *json)
{
	const struct x86_vmlinux_info *info = k->info;

	json_string(json, "kernel_kind", "vmlinux");
	json_uint(json, "pvh_entry", info->pvh_entry);
	json_null(json, "protocol");    /* a vmlinux has no setup header */
	json_bool(json, "relocatable", 0);
}

const struct kernel_format kernel_vmlinux = {
	.name = "vmlinux",
	.arch = IMAGE_ARCH_X86,
	.probe = vmlinux_probe,
	.open = vmlinux_open,
	.probe_image = vmlinux_probe_image,
	.open_image = vmlinux_open_image,
	.place = vmlinux_place,
	.describe = vmlinux_describe,
	.describe_json = vmlinux_describe_json,
};
