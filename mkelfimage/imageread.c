/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <stddef.h>
#include <gelf.h>
#include <libelf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "formats/le.h"
#include "formats/digestnote.h"
#include "formats/multiboot.h"
#include "formats/multiboot2.h"
#include "formats/records.h"
#include "formats/signote.h"
#include "imageread.h"
#include "output.h"
#include "common/report.h"

/*
 * For an edit: the image locked (flock, held until imageread_close), so
 * that edits of one image run one after the other. The lock is on the
 * inode; an edit that waited finds the path renamed to the new image by
 * the edit before it, so it opens again until it holds the file the path
 * names.
 */
static int open_locked(const char *path, int *fd)
{
	struct stat held, named;

	for (;;) {
		if ((*fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
			return report_errno(EXIT_BAD_INPUT, "image", path, "cannot open");
		if (fstat(*fd, &held) < 0)
			return report_errno(EXIT_IO, "image", path, "cannot stat");
		if (!S_ISREG(held.st_mode))
			return EXIT_OK;   /* refused by map_file */
		while (flock(*fd, LOCK_EX) < 0)
			if (errno != EINTR)
				return report_errno(EXIT_IO, "image", path, "cannot lock");
		if (stat(path, &named) == 0 && named.st_dev == held.st_dev && named.st_ino == held.st_ino)
			return EXIT_OK;
		close(*fd);
	}
}

static int map_file(const char *path, struct image_read *img, int lock)
{
	struct stat st;
	/* O_NONBLOCK: a FIFO is refused below instead of waiting for a writer */
	int fd = -1, status = lock ? open_locked(path, &fd)
		: (fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0
		? report_errno(EXIT_BAD_INPUT, "image", path, "cannot open") : EXIT_OK;

	if (status != EXIT_OK) {
		if (fd >= 0)
			close(fd);
		return status;
	}
	if (fstat(fd, &st) < 0) {
		close(fd);
		return report_errno(EXIT_IO, "image", path, "cannot stat");
	}
	if (!S_ISREG(st.st_mode) || st.st_size == 0) {
		close(fd);
		return report_error(EXIT_BAD_INPUT, "image '%s': %s", path,
				    S_ISDIR(st.st_mode) ? "is a directory, not a file"
				    : !S_ISREG(st.st_mode) ? "not a regular file" : "file is empty");
	}
	img->fd = fd;
	img->size = (size_t)st.st_size;
	img->mtime = st.st_mtim;
	/* A read past a new end of file raises SIGBUS: one line then (output.h). */
	if (asprintf(&img->shrank_line, "%s: image '%s': file shrank while being read\n",
		     report_program, path) < 0) {
		img->shrank_line = NULL;
		return report_error(EXIT_IO, "out of memory");
	}
	/* private and writable: libelf's elf_memory takes a non-const buffer */
	img->map = mmap(NULL, img->size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (img->map == MAP_FAILED) {
		img->map = NULL;
		return report_errno(EXIT_IO, "image", path, "cannot map");
	}
	output_guard_mapping(img->map, img->size, img->shrank_line);
	return EXIT_OK;
}

/* The notes in `len` bytes at file offset `offset`, walked note by note after those read */
static int walk_notes(struct image_read *img, uint64_t offset, uint64_t len)
{
	struct fmt_error err;
	size_t cursor = 0;
	enum fmt_status fs = FMT_NOT_THIS_FORMAT; /* set before use; GCC cannot tell */

	while (img->note_count < IMAGEREAD_MAX_NOTES &&
	       (fs = notewalk_next(img->map + offset, (size_t)len, &cursor, &img->notes[img->note_count], &err)) == FMT_OK)
		img->note_count++;
	if (img->note_count < IMAGEREAD_MAX_NOTES && fs != FMT_NOT_THIS_FORMAT)
		return report_error(EXIT_BAD_INPUT, "image '%s': %s at file offset 0x%llx: %s", img->path,
				    err.where, (unsigned long long)(offset + err.offset), err.why);
	return EXIT_OK;
}

/*
 * Our own notes from the records segment (formats/records.h), when no
 * PT_NOTE holds them: an image whose notes a loader format dropped (a
 * payload taken back out of a coreboot ROM).
 */
static int read_records(struct image_read *img)
{
	size_t i;

	for (i = 0; i < img->note_count; i++)
		if (notewalk_is(&img->notes[i], MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_DIGESTS))
			return EXIT_OK;
	for (i = 0; i < img->elf.load_count; i++) {
		const struct elfimage_segment *seg = &img->elf.load[i];
		const uint8_t *p = img->map + seg->offset;
		uint32_t size;

		if (seg->filesz < RECORDS_HEADER_SIZE || memcmp(p, RECORDS_MAGIC, RECORDS_MAGIC_LEN) != 0)
			continue;
		size = le32_get(p + offsetof(struct records_header, size));
		if (le32_get(p + offsetof(struct records_header, version)) != RECORDS_VERSION ||
		    size > seg->filesz - RECORDS_HEADER_SIZE)
			return report_error(EXIT_BAD_INPUT, "image '%s': records segment at 0x%llx: version %u, "
					    "%u bytes of notes in %llu: not one this mkelfimage reads",
					    img->path, (unsigned long long)seg->paddr,
					    le32_get(p + offsetof(struct records_header, version)), size,
					    (unsigned long long)(seg->filesz - RECORDS_HEADER_SIZE));
		img->notes_from_records = 1;
		return walk_notes(img, seg->offset + RECORDS_HEADER_SIZE, size);
	}
	return EXIT_OK;
}

/* Every PT_NOTE (elfimage_parse checked each lies in the file), then the records. */
static int read_notes(struct image_read *img)
{
	size_t i;
	int status = EXIT_OK;

	for (i = 0; status == EXIT_OK && i < img->elf.note_count; i++) {
		struct notewalk_note first;
		struct fmt_error err;
		size_t cursor = 0;

		/* the signature's PT_NOTE is signote_find's to judge (open_image) */
		if (notewalk_next(img->map + img->elf.note[i].offset, (size_t)img->elf.note[i].filesz, &cursor,
				  &first, &err) == FMT_OK &&
		    notewalk_is(&first, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_SIGNATURE))
			continue;
		img->last_pt_note_first = img->note_count;
		status = walk_notes(img, img->elf.note[i].offset, img->elf.note[i].filesz);
	}
	return status == EXIT_OK ? read_records(img) : status;
}

/* The 32-bit fields of struct stub_params that `size` bytes cover, little endian. */
static void read_params_numbers(struct stub_params *params, const uint8_t *block, uint32_t size)
{
	unsigned i;

#define READ_LE32(field) \
	if (offsetof(struct stub_params, field) + 4 <= size) \
		params->field = le32_get(block + offsetof(struct stub_params, field))
	READ_LE32(magic);
	READ_LE32(flags);
	READ_LE32(kernel_entry);
	READ_LE32(kernel_load_addr);
	READ_LE32(kernel_file_size);
	READ_LE32(cmdline_addr);
	READ_LE32(cmdline_len);
	READ_LE32(cmdline_max);
	READ_LE32(cmdline_policy);
	READ_LE32(initrd_addr);
	READ_LE32(initrd_size);
	READ_LE32(setup_header_len);
	READ_LE32(initrd_placement);
	READ_LE32(kernel_protocol);
	READ_LE32(kernel_range_count);
	for (i = 0; i < STUB_KERNEL_RANGES_MAX; i++) {
		READ_LE32(kernel_ranges[i].addr);
		READ_LE32(kernel_ranges[i].size);
	}
#undef READ_LE32
	if (offsetof(struct stub_params, version) + 2 <= size)
		params->version = le16_get(block + offsetof(struct stub_params, version));
}

/*
 * A device-tree stub's block (formats/fdtstub.h), kept as it is and mapped
 * onto the x86 fields extract and the edits read: where the kernel, the
 * initrd region and the built-in command line (inside the block, at
 * `block_addr` + 0xd8) are, the policy and --verify-at-boot. The images
 * keep no notes, so their digests are the block's (imageread_digest).
 */
static void read_fdt_params(struct image_read *img, const uint8_t *block, uint64_t block_addr)
{
	struct fdt_stub_params *f = &img->fdt;
	uint64_t cmdline_addr = block_addr + offsetof(struct fdt_stub_params, cmdline);

	memcpy(f, block, sizeof(*f));
	f->version = le16_get(block + offsetof(struct fdt_stub_params, version));
	f->flags = le32_get(block + offsetof(struct fdt_stub_params, flags));
	f->cmdline_policy = le32_get(block + offsetof(struct fdt_stub_params, cmdline_policy));
	f->kernel_addr = le64_get(block + offsetof(struct fdt_stub_params, kernel_addr));
	f->kernel_file_size = le64_get(block + offsetof(struct fdt_stub_params, kernel_file_size));
	f->kernel_mem_size = le64_get(block + offsetof(struct fdt_stub_params, kernel_mem_size));
	f->initrd_start = le64_get(block + offsetof(struct fdt_stub_params, initrd_start));
	f->initrd_size = le64_get(block + offsetof(struct fdt_stub_params, initrd_size));
	f->dtb_addr = le64_get(block + offsetof(struct fdt_stub_params, dtb_addr));
	f->embedded_dtb_addr = le64_get(block + offsetof(struct fdt_stub_params, embedded_dtb_addr));
	f->embedded_dtb_size = le64_get(block + offsetof(struct fdt_stub_params, embedded_dtb_size));
	f->cmdline_len = le32_get(block + offsetof(struct fdt_stub_params, cmdline_len));
	f->cmdline_max = le32_get(block + offsetof(struct fdt_stub_params, cmdline_max));
	/* the x86 fields are 32-bit: an address above 4 GiB is no image of ours */
	if (f->kernel_addr > UINT32_MAX || f->kernel_file_size > UINT32_MAX - f->kernel_addr ||
	    f->initrd_start > UINT32_MAX || f->initrd_size > UINT32_MAX - f->initrd_start ||
	    cmdline_addr > UINT32_MAX || f->cmdline_len >= FDT_STUB_CMDLINE_SIZE)
		return;
	memset(&img->params, 0, sizeof(img->params));
	img->params.version = f->version;
	img->params.kernel_load_addr = (uint32_t)f->kernel_addr;
	img->params.kernel_entry = (uint32_t)f->kernel_addr;
	img->params.kernel_file_size = (uint32_t)f->kernel_file_size;
	img->params.initrd_addr = (uint32_t)f->initrd_start;
	img->params.initrd_size = (uint32_t)f->initrd_size;
	img->params.cmdline_addr = (uint32_t)cmdline_addr;
	img->params.cmdline_len = f->cmdline_len;
	img->params.cmdline_max = f->cmdline_max;
	img->params.cmdline_policy = f->cmdline_policy;
	img->params.flags = f->flags & FDT_STUB_FLAG_VERIFY ? STUB_FLAG_VERIFY_AT_BOOT : 0;
	img->params.initrd_placement = STUB_INITRD_PLANNED;
	img->has_params = 1;
	img->fdt_stub = 1;
}

/* The stub: the PT_LOAD whose bytes start with its header magic. */
static void find_stub(struct image_read *img)
{
	size_t i;

	img->stub_segment = -1;
	for (i = 0; i < img->elf.load_count; i++) {
		const struct elfimage_segment *seg = &img->elf.load[i];
		const uint8_t *blob = img->map + seg->offset;
		long at = stub_header_at(blob, seg->filesz);
		const uint8_t *p = blob + (at > 0 ? at : 0);   /* the header; offsets are from blob */
		uint32_t params_offset, params_size;

		if (at < 0)
			continue;
		img->stub_segment = (int)i;
		img->stub.version = le16_get(p + offsetof(struct stub_header, version));
		img->stub.file_size = le32_get(p + offsetof(struct stub_header, file_size));
		img->stub.mem_size = le32_get(p + offsetof(struct stub_header, mem_size));
		img->stub.entry_offset = le32_get(p + offsetof(struct stub_header, entry_offset));
		img->stub.multiboot_offset = le32_get(p + offsetof(struct stub_header, multiboot_offset));
		img->stub.pvh_entry_offset = le32_get(p + offsetof(struct stub_header, pvh_entry_offset));
		/* reserved and 0 before header version 2 */
		img->stub.multiboot2_offset = le32_get(p + offsetof(struct stub_header, multiboot2_offset));
		params_offset = le32_get(p + offsetof(struct stub_header, params_offset));
		params_size = le32_get(p + offsetof(struct stub_header, params_size));
		img->stub.params_offset = params_offset;
		img->stub.params_size = params_size;
		if (params_offset <= seg->filesz && params_size <= seg->filesz - params_offset &&
		    params_size >= sizeof(struct fdt_stub_params) &&
		    le32_get(blob + params_offset) == FDT_STUB_PARAMS_MAGIC) {
			read_fdt_params(img, blob + params_offset, seg->paddr + params_offset);
			return;
		}
		if (params_offset > seg->filesz || params_size > seg->filesz - params_offset ||
		    params_size < offsetof(struct stub_params, setup_header) ||
		    le32_get(blob + params_offset) != STUB_PARAMS_MAGIC)
			return;
		/* An older, shorter block leaves the later fields 0 (stubparam.h
		 * "Versions"); the copy gives the byte arrays, the numbers are then
		 * read little endian whatever the host. */
		memcpy(&img->params, blob + params_offset,
		       params_size < sizeof(img->params) ? params_size : sizeof(img->params));
		read_params_numbers(&img->params, blob + params_offset, params_size);
		img->has_params = 1;
		return;
	}
}

static int open_image(const char *path, struct image_read *img, int lock)
{
	struct fmt_error err;
	int status;

	memset(img, 0, sizeof(*img));
	img->path = path;
	img->fd = -1;
	img->stub_segment = -1;
	if (elf_version(EV_CURRENT) == EV_NONE)
		return report_error(EXIT_IO, "libelf: %s", elf_errmsg(-1));
	if ((status = map_file(path, img, lock)) != EXIT_OK)
		return status;
	if (elfimage_parse(img->map, img->size, &img->elf, &err) != FMT_OK)
		return report_format_error("image", path, &err);
	if ((status = read_notes(img)) != EXIT_OK)
		return status;
	/* a broken signature note is kept as a finding: verify and inspect say it, an edit refuses */
	img->sig_status = signote_find(img->map, img->size, &img->elf, &img->sig, &img->sig_err);
	find_stub(img);
	return EXIT_OK;
}

int imageread_open(const char *path, struct image_read *img)
{
	return open_image(path, img, 0);
}

int imageread_open_locked(const char *path, struct image_read *img)
{
	return open_image(path, img, 1);
}

int imageread_check_unchanged(const struct image_read *img)
{
	struct stat st;

	if (fstat(img->fd, &st) < 0)
		return report_errno(EXIT_IO, "image", img->path, "cannot stat");
	if ((uint64_t)st.st_size != img->size || st.st_mtim.tv_sec != img->mtime.tv_sec ||
	    st.st_mtim.tv_nsec != img->mtime.tv_nsec)
		return report_error(EXIT_IO, "image '%s': file changed while being read (%zu bytes, now %llu); nothing written",
				    img->path, img->size, (unsigned long long)st.st_size);
	return EXIT_OK;
}

int imageread_check_made(const struct image_read *img)
{
	const struct elfimage_rules rules = { &img->elf.machine, 1, ELFIMAGE_MAX_LOADS };
	struct fmt_error err;

	/* an Alpha image has the Alpha stub's parameters, which hold no digests to check against */
	if (img->elf.machine == EM_ALPHA)
		return report_error(EXIT_BAD_INPUT, "image '%s': an Alpha image: extract and the edits are not supported for Alpha images",
				    img->path);
	if (!img->has_params)
		return report_error(EXIT_BAD_INPUT, "image '%s': no mkelfimage stub parameters: not an image mkelfimage made",
				    img->path);
	if (elfimage_validate(&img->elf, &rules, &err) != FMT_OK)
		return report_format_error("image", img->path, &err);
	return EXIT_OK;
}

void imageread_close(struct image_read *img)
{
	output_unguard_mapping();
	if (img->map)
		munmap(img->map, img->size);
	img->map = NULL;
	if (img->fd >= 0)
		close(img->fd);   /* releases an edit's lock */
	img->fd = -1;
	free(img->shrank_line);
	img->shrank_line = NULL;
}

const uint8_t *imageread_bytes(const struct image_read *img, uint64_t addr, uint64_t len)
{
	size_t i;

	for (i = 0; i < img->elf.load_count; i++) {
		const struct elfimage_segment *seg = &img->elf.load[i];

		if (addr >= seg->paddr && addr - seg->paddr <= seg->filesz &&
		    len <= seg->filesz - (addr - seg->paddr))
			return img->map + seg->offset + (addr - seg->paddr);
	}
	return NULL;
}

const struct notewalk_note *imageread_note(const struct image_read *img, const char *name,
					   uint32_t type)
{
	size_t i;

	for (i = 0; i < img->note_count; i++)
		if (notewalk_is(&img->notes[i], name, type))
			return &img->notes[i];
	return NULL;
}

/*
 * A device-tree image's records, from its stub's block: the kernel (the
 * file is the Image: all of it is loaded), the initrd region as initrd 0
 * (the block keeps no boundaries between joined initrds), the command line.
 * The SHA-256 are there with --verify-at-boot, else zeros (not recorded).
 */
static int fdt_digest(const struct image_read *img, uint32_t kind, uint32_t index,
		      uint64_t *size, uint8_t sha256[32])
{
	const struct fdt_stub_params *f = &img->fdt;

	if (index != 0)
		return -1;
	if (kind == DIGEST_KERNEL_FILE || kind == DIGEST_KERNEL_LOADED) {
		*size = f->kernel_file_size;
		memcpy(sha256, f->kernel_sha256, 32);
	} else if ((kind == DIGEST_INITRD_FILE || kind == DIGEST_INITRD_REGION) && f->initrd_size) {
		*size = f->initrd_size;
		memcpy(sha256, f->initrd_sha256, 32);
	} else if (kind == DIGEST_CMDLINE) {
		*size = f->cmdline_len;
		memcpy(sha256, f->cmdline_sha256, 32);
	} else {
		return -1;
	}
	if (!(f->flags & FDT_STUB_FLAG_VERIFY))
		memset(sha256, 0, 32);
	return 0;
}

/* The record in the image's digest note */
static int note_digest(const struct image_read *img, uint32_t kind, uint32_t index,
		       uint64_t *size, uint8_t sha256[32])
{
	const struct notewalk_note *note = imageread_note(img, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_DIGESTS);
	uint32_t count, i;

	if (!note || note->descsz < sizeof(struct digest_note_header))
		return -1;
	count = le32_get(note->desc + offsetof(struct digest_note_header, record_count));
	for (i = 0; i < count; i++) {
		size_t at = sizeof(struct digest_note_header) + (size_t)i * sizeof(struct digest_record);
		const uint8_t *record = note->desc + at;

		if (at > note->descsz || sizeof(struct digest_record) > note->descsz - at)
			return -1;
		if (le32_get(record + offsetof(struct digest_record, kind)) == kind &&
		    le32_get(record + offsetof(struct digest_record, index)) == index) {
			*size = le64_get(record + offsetof(struct digest_record, size));
			memcpy(sha256, record + offsetof(struct digest_record, sha256), 32);
			return 0;
		}
	}
	return -1;
}

int imageread_digest(const struct image_read *img, uint32_t kind, uint32_t index,
		     uint64_t *size, uint8_t sha256[32])
{
	return img->fdt_stub ? fdt_digest(img, kind, index, size, sha256)
		: note_digest(img, kind, index, size, sha256);
}

/* p_memsz of the image's PT_LOAD at `addr` holding `filesz` file bytes, or 0 */
static uint64_t load_memsz(const struct image_read *img, uint64_t addr, uint64_t filesz)
{
	size_t i;

	for (i = 0; i < img->elf.load_count; i++)
		if (img->elf.load[i].paddr == addr && img->elf.load[i].filesz == filesz)
			return img->elf.load[i].memsz;
	return 0;
}

int imageread_vmlinux_loads(const struct image_read *img, struct imageread_load *loads,
			    unsigned *count)
{
	const struct stub_params *p = &img->params;
	uint32_t i;

	if (p->kernel_range_count == 0 || p->kernel_range_count > IMAGEREAD_MAX_KERNEL_LOADS)
		return report_error(EXIT_BAD_INPUT, "image '%s': stub parameters 0x%zx: kernel_range_count %u, not 1 to %d",
				    img->path, offsetof(struct stub_params, kernel_range_count),
				    p->kernel_range_count, IMAGEREAD_MAX_KERNEL_LOADS);
	for (i = 0; i < p->kernel_range_count; i++) {
		struct imageread_load *load = &loads[i];

		load->paddr = p->kernel_ranges[i].addr;
		load->filesz = p->kernel_ranges[i].size;
		load->memsz = load_memsz(img, load->paddr, load->filesz);
		if (load->memsz == 0 || load->memsz > UINT32_MAX ||
		    (i > 0 && load->paddr < loads[i - 1].paddr + loads[i - 1].memsz))
			return report_error(EXIT_BAD_INPUT, "image '%s': kernel range %u [0x%x, +0x%x) is no PT_LOAD of the image above the one before",
					    img->path, i, p->kernel_ranges[i].addr, p->kernel_ranges[i].size);
		load->bytes = imageread_bytes(img, load->paddr, load->filesz);
	}
	*count = p->kernel_range_count;
	return EXIT_OK;
}

/* Multiboot 0.6.96 3.1.1-3.1.2: magic, flags, checksum, 4-aligned in the first 8 KiB. */
const char *imageread_multiboot_problem(const struct image_read *img)
{
	size_t limit = img->size < MULTIBOOT_SEARCH ? img->size : MULTIBOOT_SEARCH, at;

	for (at = 0; at + 12 <= limit; at += MULTIBOOT_HEADER_ALIGN) {
		uint32_t magic = le32_get(img->map + at), flags = le32_get(img->map + at + 4);

		if (magic != MULTIBOOT_HEADER_MAGIC || (uint32_t)(magic + flags + le32_get(img->map + at + 8)) != 0)
			continue;
		if (flags & MULTIBOOT_AOUT_KLUDGE)
			return "the header sets the a.out kludge (bit 16): loaders would ignore the program headers";
		if (img->elf.elf_class == ELFCLASS64)
			return "an ELF64 image with a multiboot header: QEMU stops (\"Cannot load x86-64 image, give a 32bit one\")";
		return NULL;
	}
	if (img->elf.elf_class == ELFCLASS64)
		return "no multiboot header: an ELF64 image leaves it out (QEMU refuses multiboot in ELF64)";
	return "no multiboot header (magic 0x1badb002 with a valid checksum) in the first 8 KiB";
}

/*
 * Multiboot2 2.0 3.1.1-3.1.3: magic, architecture 0 (i386), checksum,
 * 8-aligned and whole in the first 32 KiB, tags up to an end tag; GRUB
 * searches no further. A tag 7 (EFI boot services) would make GRUB enter
 * a 64-bit EFI entry, which the stub does not have.
 */
const char *imageread_multiboot2_problem(const struct image_read *img)
{
	size_t limit = img->size < MULTIBOOT2_SEARCH ? img->size : MULTIBOOT2_SEARCH, at;

	for (at = 0; at + sizeof(struct multiboot2_header) <= limit; at += MULTIBOOT2_HEADER_ALIGN) {
		uint32_t magic = le32_get(img->map + at), arch = le32_get(img->map + at + 4);
		uint32_t length = le32_get(img->map + at + 8), tag;

		if (magic != MULTIBOOT2_HEADER_MAGIC ||
		    (uint32_t)(magic + arch + length + le32_get(img->map + at + 12)) != 0)
			continue;
		if (arch != MULTIBOOT2_ARCHITECTURE_I386)
			return "the multiboot2 header's architecture is not 0 (i386)";
		if (length < sizeof(struct multiboot2_header) + 8 || length > limit - at)
			return "the multiboot2 header's header_length does not fit in the first 32 KiB";
		for (tag = sizeof(struct multiboot2_header); tag + 8 <= length;) {
			uint32_t type = le16_get(img->map + at + tag), size = le32_get(img->map + at + tag + 4);

			if (type == MULTIBOOT2_HEADER_TAG_END)
				break;
			if (type == MULTIBOOT2_HEADER_TAG_EFI_BS)
				return "the multiboot2 header keeps EFI boot services (tag 7): GRUB would enter a 64-bit EFI entry";
			if (size < 8 || size > length - tag)
				return "a multiboot2 header tag's size runs past header_length";
			tag += (size + MULTIBOOT2_TAG_ALIGN - 1) & ~(uint32_t)(MULTIBOOT2_TAG_ALIGN - 1);
		}
		if (img->elf.elf_class == ELFCLASS64)
			return "an ELF64 image with a multiboot2 header: the stub's entry is the 32-bit one of ELF32 images";
		return NULL;
	}
	if (img->elf.elf_class == ELFCLASS64)
		return "no multiboot2 header: an ELF64 image leaves it out";
	return "no multiboot2 header (magic 0xe85250d6 with a valid checksum) 8-byte aligned in the first 32 KiB";
}
