/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An x86 bzImage (formats/bzimage.h), entered through the Linux 32-bit boot
 * protocol: the real-mode setup stays out of memory (kept in a note), the
 * protected-mode code is the one segment, its memory the whole reservation
 * [load, max(load + code, runtime + init_size)).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/align.h"
#include "common/fdio.h"
#include "common/json.h"
#include "common/report.h"
#include "formats/bootparams.h"
#include "formats/bzimage.h"
#include "formats/digestnote.h"
#include "formats/le.h"
#include "formats/setupnote.h"
#include "formats/stubparam.h"
#include "imageread.h"
#include "kernel.h"
#include "spec.h"

#define BZIMAGE_LOW_LIMIT      0x100000ull      /* boot.rst: protected-mode code at 1 MiB */
#define BZIMAGE_HIGH_LIMIT     0x100000000ull   /* the stub and ELF32 address the low 4 GiB */
#define BZIMAGE_PAGE           0x1000ull
#define BZIMAGE_INIT_SIZE_FACTOR 3              /* init_size estimate before 2.10 */
#define BZIMAGE_VERSION_BASE   0x200            /* boot.rst: kernel_version is an offset - 0x200 */

/* The parse, and where the protected-mode code starts in k->file */
struct bzimage_kernel {
	struct bzimage_info bz;
	uint64_t code_offset;        /* pm_offset in a kernel file; in an image, its kernel PT_LOAD */
};

static int version_at_least(const struct bzimage_info *bz, unsigned major, unsigned minor)
{
	return bz->version >= BOOT_PROTOCOL(major, minor);
}

/* Anything that is not another format is read as a bzImage: its parser names what is wrong. */
static int bzimage_probe(const uint8_t *head, size_t len)
{
	(void)head;
	(void)len;
	return 1;
}

/*
 * boot.rst kernel_version (2.00+): a NUL-terminated string in the setup
 * code, at offset kernel_version + 0x200. Only printable bytes are kept; a
 * missing or broken string gives "".
 */
static void read_version(struct kernel *k, const struct bzimage_info *bz)
{
	uint64_t offset = (uint64_t)bz->kernel_version + BZIMAGE_VERSION_BASE;
	size_t size = sizeof(k->version), len = 0;
	ssize_t got;

	k->version[0] = '\0';
	if (bz->kernel_version == 0 || offset >= bz->pm_offset)
		return;
	if (bz->pm_offset - offset < size - 1)
		size = (size_t)(bz->pm_offset - offset) + 1;
	if (k->head_bytes) {
		memcpy(k->version, k->head_bytes + offset, size - 1);
		got = (ssize_t)(size - 1);
	} else {
		got = fdio_read_at(k->file->fd, k->version, size - 1, offset);
	}
	if (got < 0)
		got = 0;
	while (len < (size_t)got && k->version[len] >= 0x20 && k->version[len] < 0x7f)
		len++;
	k->version[len] = '\0';
}

/* Parse `len` bytes of setup header of a `file_size`-byte kernel into a new k->info */
static int parse(struct kernel *k, const uint8_t *head, size_t len, uint64_t file_size)
{
	struct bzimage_kernel *info = calloc(1, sizeof(*info));
	struct fmt_error err;

	if (!info)
		return report_error(EXIT_IO, "out of memory");
	k->info = info;
	if (bzimage_parse(head, len, file_size, &info->bz, &err) != FMT_OK ||
	    bzimage_validate(&info->bz, &err) != FMT_OK)
		return report_format_error("kernel", k->file->path, &err);
	info->code_offset = info->bz.pm_offset;
	return EXIT_OK;
}

/* What the parse says, into the description */
static void describe_parse(struct kernel *k)
{
	const struct bzimage_info *bz = &((struct bzimage_kernel *)k->info)->bz;

	k->head_size = bz->pm_offset;
	k->loaded_size = bz->pm_size;
	/* boot.rst: the command line is at most cmdline_size bytes (2.06+), else 255 */
	k->cmdline_max = bz->cmdline_size;
	k->cmdline_why = version_at_least(bz, 2, 6) ? "the kernel's cmdline_size, boot.rst"
		: "255 before protocol 2.06, boot.rst";
	k->initrd_addr_max = bz->initrd_addr_max;
	k->stub_protocol = STUB_KERNEL_LINUX32;
	memcpy(k->setup_header, bz->setup_header, bz->setup_header_len);
	k->setup_header_len = bz->setup_header_len;
	read_version(k, bz);
}

static int bzimage_open(struct kernel *k, const uint8_t *head, size_t len)
{
	int status = parse(k, head, len, k->file->size);

	if (status == EXIT_OK)
		describe_parse(k);
	return status;
}

/* An image's bzImage: its setup in the kernel-setup note, its code in the kernel PT_LOAD */
static int bzimage_probe_image(const struct image_read *img)
{
	return img->params.kernel_protocol == STUB_KERNEL_LINUX32;
}

static int bzimage_open_image(struct kernel *k, const struct image_read *img)
{
	const struct notewalk_note *setup = imageread_note(img, MKELFIMAGE_NOTE_NAME,
							   MKELFIMAGE_NOTE_KERNEL_SETUP);
	uint64_t code_size = img->params.kernel_file_size;
	const uint8_t *code = imageread_bytes(img, img->params.kernel_load_addr, code_size);
	struct bzimage_kernel *info;
	int status;

	if (!setup)
		return report_error(EXIT_BAD_INPUT, "image '%s': no kernel-setup note: the kernel's real-mode part is not in the image",
				    img->path);
	if (!code)
		return report_error(EXIT_BAD_INPUT, "image '%s': the kernel is not in the image's file data",
				    img->path);
	if ((status = parse(k, setup->desc, setup->descsz, setup->descsz + code_size)) != EXIT_OK)
		return status;
	info = k->info;
	if (info->bz.pm_offset != setup->descsz)
		return report_error(EXIT_BAD_INPUT, "image '%s': kernel-setup note of %u bytes, but its setup_sects say %llu",
				    img->path, setup->descsz, (unsigned long long)info->bz.pm_offset);
	info->code_offset = (uint64_t)(code - img->map);
	k->head_bytes = setup->desc;
	k->file_size = setup->descsz + code_size;
	describe_parse(k);
	return EXIT_OK;
}

/*
 * boot.rst "Loading the rest of the kernel": a relocatable kernel (2.05+) may
 * go anywhere aligned to kernel_alignment, and pref_address (2.10+) is where it
 * runs best; otherwise the protected-mode code goes at 0x100000 and, from 2.10,
 * runs (decompresses itself) at pref_address.
 */
static int bzimage_place(struct kernel *k)
{
	const struct bzimage_kernel *info = k->info;
	const struct bzimage_info *bz = &info->bz;
	uint64_t align = bz->kernel_alignment > BZIMAGE_PAGE ? bz->kernel_alignment : BZIMAGE_PAGE;
	int relocatable = version_at_least(bz, 2, 5) && bz->relocatable_kernel;

	if (relocatable) {
		k->load = (version_at_least(bz, 2, 10) && bz->pref_address)
			? bz->pref_address : align_up(BZIMAGE_LOW_LIMIT, align);
		k->runtime = align_up(k->load, align);
	} else {
		k->load = BZIMAGE_LOW_LIMIT;
		k->runtime = (version_at_least(bz, 2, 10) && bz->pref_address)
			? bz->pref_address : BZIMAGE_LOW_LIMIT;
	}
	/* Checked before any sum or alignment with it can wrap around. */
	if (k->load >= BZIMAGE_HIGH_LIMIT || k->runtime >= BZIMAGE_HIGH_LIMIT)
		return report_error(EXIT_BAD_INPUT,
				    "kernel: pref_address 0x%llx is not below 4 GiB (ELF32 images and the stub address the low 4 GiB)",
				    (unsigned long long)bz->pref_address);
	if (k->load < BZIMAGE_LOW_LIMIT || k->load % BZIMAGE_PAGE)
		return report_error(EXIT_BAD_INPUT,
				    "kernel: load address 0x%llx is below 1 MiB or not page aligned (pref_address, boot.rst)",
				    (unsigned long long)k->load);

	/* boot.rst: init_size (2.10+) is the memory the kernel needs from where it runs;
	 * before 2.10 it is unknown, and three times the code is GRUB's estimate. */
	if (version_at_least(bz, 2, 10) && bz->init_size) {
		k->init_size = bz->init_size;
	} else {
		k->init_size = BZIMAGE_INIT_SIZE_FACTOR * bz->pm_size;
		k->init_size_estimated = 1;
	}
	k->reserve_start = k->load;
	k->reserve_end = k->load + bz->pm_size;
	if (k->runtime >= k->load && k->runtime + k->init_size > k->reserve_end)
		k->reserve_end = k->runtime + k->init_size;
	k->reserve_end = align_up(k->reserve_end, BZIMAGE_PAGE);
	k->entry = k->load;
	/* one segment: the protected-mode code, its memory the whole reservation */
	k->segments[0] = (struct kernel_segment){
		.file_offset = info->code_offset, .addr = k->load,
		.file_size = bz->pm_size, .mem_size = k->reserve_end - k->load,
	};
	k->segment_count = 1;
	return EXIT_OK;
}

static void bzimage_describe(const struct kernel *k, char *out, size_t size)
{
	const struct bzimage_info *bz = &((const struct bzimage_kernel *)k->info)->bz;

	snprintf(out, size, "protocol %u.%02u, %s, load 0x%llx, runs at 0x%llx, init_size 0x%llx%s",
		 (unsigned)bz->version_in_file >> 8, (unsigned)bz->version_in_file & 0xffu,
		 bz->relocatable_kernel && version_at_least(bz, 2, 5) ? "relocatable" : "not relocatable",
		 (unsigned long long)k->load, (unsigned long long)k->runtime,
		 (unsigned long long)k->init_size,
		 k->init_size_estimated ? " (estimated: 3 x code, before 2.10)" : "");
}

static void bzimage_describe_json(const struct kernel *k, struct json *json)
{
	const struct bzimage_info *bz = &((const struct bzimage_kernel *)k->info)->bz;
	char protocol[8];

	snprintf(protocol, sizeof(protocol), "%u.%02u", (unsigned)bz->version_in_file >> 8,
		 (unsigned)bz->version_in_file & 0xffu);
	json_string(json, "kernel_kind", "bzImage");
	json_string(json, "protocol", protocol);
	json_bool(json, "relocatable", version_at_least(bz, 2, 5) && bz->relocatable_kernel);
}

/* payload_offset and payload_length (boot.rst, 2.08+), from the protected-mode code's start */
static int bzimage_compressed_payload(const struct kernel *k, uint64_t *offset, uint64_t *length)
{
	const uint8_t *h = k->setup_header;
	uint32_t payload_offset = le32_get(h + offsetof(struct setup_header, payload_offset));
	uint32_t payload_length = le32_get(h + offsetof(struct setup_header, payload_length));

	if (le16_get(h + offsetof(struct setup_header, version)) < 0x0208 ||
	    !payload_length || k->head_size + payload_offset > k->file_size ||
	    payload_length > k->file_size - k->head_size - payload_offset)
		return -1;
	*offset = k->head_size + payload_offset;
	*length = payload_length;
	return 0;
}

const struct kernel_format kernel_bzimage = {
	.name = "bzImage",
	.arch = IMAGE_ARCH_X86,
	.probe = bzimage_probe,
	.open = bzimage_open,
	.probe_image = bzimage_probe_image,
	.open_image = bzimage_open_image,
	.place = bzimage_place,
	.describe = bzimage_describe,
	.describe_json = bzimage_describe_json,
	.compressed_payload = bzimage_compressed_payload,
};
