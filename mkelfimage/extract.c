/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Where each input lives in an image (mkelfimage's own layout):
 *   kernel file  = the kernel-setup note (formats/setupnote.h) followed by
 *                  the kernel PT_LOAD's file bytes (stub_params.kernel_load_addr,
 *                  kernel_file_size);
 *   initrd i     = the initrd region (initrd_addr) from the sum of the padded
 *                  sizes of initrds 0..i-1, as many bytes as the digest note's
 *                  DIGEST_INITRD_FILE record i says (each but the last padded to 4);
 *   command line = cmdline_len bytes at cmdline_addr.
 * A device-tree stub's image (arm64, riscv64) keeps no notes: the kernel is
 * the Image as loaded (decoded, when an Image.gz was given), initrd 0 the
 * whole initrd region (initrds given together come back joined), and the
 * digests are the stub's --verify-at-boot ones (imageread_digest).
 * A vmlinux file is not in the image: only its PT_LOADs (kernel_ranges,
 * with p_memsz from the image's own PT_LOAD at each address) and the PVH
 * entry (kernel_entry), from which --vmlinux writes a minimal vmlinux
 * (minvmlinux.h).
 * An initrd --compress-initrd changed comes back as it is in the image.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "extract.h"
#include "formats/digestnote.h"
#include "formats/setupnote.h"
#include "formats/sha256_host.h"
#include "minvmlinux.h"
#include "output.h"
#include "common/fdio.h"
#include "common/report.h"

struct piece {
	const uint8_t *bytes;
	uint64_t len;
};

/* A minimal vmlinux: its headers, then each load and zeros to the next page */
#define PART_MAX_PIECES (1 + 2 * MINVMLINUX_MAX_LOADS)

/* One input to give back: its bytes in the image, checked. */
struct part {
	char what[32];
	struct piece pieces[PART_MAX_PIECES];
	size_t count;
	uint8_t head[MINVMLINUX_HEAD_MAX];   /* a minimal vmlinux's headers */
	int defer_hash;             /* the caller hashes the bytes as it copies them (the edits) */
};

/*
 * The part's bytes must be in the image and match the digest recorded for
 * (kind, index) (an image built without --digests has none: only the size
 * is checked; with defer_hash, only the size).
 */
int extract_check_record(const struct image_read *img, uint32_t kind, uint32_t index,
			 uint64_t size, const uint8_t *got, const char *what)
{
	uint8_t want[32];
	uint64_t recorded;

	if (imageread_digest(img, kind, index, &recorded, want) != 0)
		return report_error(EXIT_BAD_INPUT, "image '%s': no digest recorded for the %s (not made by this mkelfimage)",
				    img->path, what);
	if (recorded != size || (got && digest_is_recorded(want) && memcmp(want, got, sizeof(want)) != 0))
		return report_error(EXIT_BAD_INPUT, "image '%s': the %s does not match its recorded SHA-256; the image is damaged",
				    img->path, what);
	return EXIT_OK;
}

static int part_check(const struct image_read *img, const struct part *part, uint32_t kind, uint32_t index)
{
	struct sha256_ctx ctx;
	uint8_t want[32], got[32];
	uint64_t size, total = 0;
	int hash;
	size_t i;

	for (i = 0; i < part->count; i++)
		if (!part->pieces[i].bytes)
			return report_error(EXIT_BAD_INPUT, "image '%s': the %s is not in the image's file data",
					    img->path, part->what);
	/* hashed only when there is a digest to compare with, and not left to the caller */
	hash = !part->defer_hash && imageread_digest(img, kind, index, &size, want) == 0 &&
		digest_is_recorded(want);
	sha256_init(&ctx);
	for (i = 0; i < part->count; i++) {
		if (hash)
			sha256_update_host(&ctx, part->pieces[i].bytes, (size_t)part->pieces[i].len);
		total += part->pieces[i].len;
	}
	sha256_final(&ctx, got);
	return extract_check_record(img, kind, index, total, hash ? got : NULL, part->what);
}

/* an image keeps only a vmlinux's PT_LOADs: symbols, sections and headers are gone */
static int refuse_vmlinux(const struct image_read *img)
{
	if (img->params.kernel_protocol != STUB_KERNEL_PVH)
		return EXIT_OK;
	return report_error(EXIT_BAD_INPUT, "image '%s': the kernel is a vmlinux (PVH entry); the image holds only its PT_LOADs, not the file, so it cannot be given back: --vmlinux writes a minimal vmlinux of them",
			    img->path);
}

static int part_kernel(const struct image_read *img, struct part *part)
{
	const struct notewalk_note *setup = imageread_note(img, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_KERNEL_SETUP);
	int status = refuse_vmlinux(img);

	snprintf(part->what, sizeof(part->what), "kernel");
	if (status != EXIT_OK)
		return status;
	/* a device-tree stub's kernel is an Image, loaded whole: no head kept apart */
	if (!setup && !img->fdt_stub)
		return report_error(EXIT_BAD_INPUT, "image '%s': no kernel-setup note: the kernel's real-mode part is not in the image",
				    img->path);
	if (setup)
		part->pieces[part->count++] = (struct piece){ setup->desc, setup->descsz };
	part->pieces[part->count++] = (struct piece){ imageread_bytes(img, img->params.kernel_load_addr,
								      img->params.kernel_file_size),
						      img->params.kernel_file_size };
	return part_check(img, part, DIGEST_KERNEL_FILE, 0);
}

/*
 * A vmlinux image's kernel as a minimal vmlinux: the PT_LOADs' file bytes,
 * checked against the `kernel loaded` digest, between the headers and the
 * page padding minvmlinux_head lays out.
 */
static int part_vmlinux(const struct image_read *img, struct part *part)
{
	static const uint8_t zeros[MINVMLINUX_PAGE];
	struct imageread_load in_image[IMAGEREAD_MAX_KERNEL_LOADS];
	struct minvmlinux_load loads[MINVMLINUX_MAX_LOADS];
	uint64_t end;
	unsigned i, count;
	size_t head_len;
	int status;

	snprintf(part->what, sizeof(part->what), "kernel's loaded part");
	if (img->params.kernel_protocol != STUB_KERNEL_PVH)
		return report_error(EXIT_BAD_INPUT, "image '%s': the kernel is a bzImage, not a vmlinux: use --kernel",
				    img->path);
	if ((status = imageread_vmlinux_loads(img, in_image, &count)) != EXIT_OK)
		return status;
	for (i = 0; i < count; i++) {
		loads[i] = (struct minvmlinux_load){ .paddr = (uint32_t)in_image[i].paddr,
						     .filesz = (uint32_t)in_image[i].filesz,
						     .memsz = (uint32_t)in_image[i].memsz };
		part->pieces[i] = (struct piece){ in_image[i].bytes, in_image[i].filesz };
	}
	part->count = count;
	if ((status = part_check(img, part, DIGEST_KERNEL_LOADED, 0)) != EXIT_OK)
		return status;
	if (!(head_len = minvmlinux_head(part->head, loads, count, img->params.kernel_entry)))
		return report_error(EXIT_BAD_INPUT, "image '%s': the kernel's PT_LOADs exceed the 4 GiB of an ELF32 file",
				    img->path);
	part->pieces[0] = (struct piece){ part->head, head_len };
	end = head_len;
	for (i = 0, part->count = 1; i < count; i++) {
		part->pieces[part->count++] = (struct piece){ zeros, loads[i].offset - end };
		part->pieces[part->count++] = (struct piece){ in_image[i].bytes, in_image[i].filesz };
		end = (uint64_t)loads[i].offset + loads[i].filesz;
	}
	return EXIT_OK;
}

static int part_initrd(const struct image_read *img, uint32_t index, struct part *part)
{
	uint64_t offset = 0, size = 0;
	uint8_t sha[32];
	uint32_t i;

	snprintf(part->what, sizeof(part->what), "initrd %u", index);
	for (i = 0; i <= index; i++) {
		if (imageread_digest(img, DIGEST_INITRD_FILE, i, &size, sha) != 0)
			return report_error(EXIT_BAD_INPUT, "image '%s': it holds %u initrd(s), not %u", img->path, i,
					    index + 1);
		if (i < index)
			offset += (size + 3) & ~(uint64_t)3;   /* each part but the last is padded to 4 */
	}
	part->pieces[0] = (struct piece){ imageread_bytes(img, img->params.initrd_addr + offset, size), size };
	part->count = 1;
	return part_check(img, part, DIGEST_INITRD_FILE, index);
}

static int part_cmdline(const struct image_read *img, struct part *part)
{
	snprintf(part->what, sizeof(part->what), "command line");
	part->pieces[0] = (struct piece){ imageread_bytes(img, img->params.cmdline_addr, img->params.cmdline_len),
					  img->params.cmdline_len };
	part->count = 1;
	return part_check(img, part, DIGEST_CMDLINE, 0);
}

/* A checked part into a new temporary file beside `path` (committed by the caller). */
static int part_write(const struct part *part, const char *path, struct output *out)
{
	uint64_t offset = 0;
	size_t i;
	int status = output_begin(out, path, 0);

	for (i = 0; status == EXIT_OK && i < part->count; offset += part->pieces[i].len, i++)
		status = fdio_write_at(out->fd, "output", path, part->pieces[i].bytes, (size_t)part->pieces[i].len, offset);
	if (status != EXIT_OK)
		output_abort(out);
	return status;
}

static int part_write_one(int status, const struct part *part, const char *path)
{
	struct output out;

	if (status == EXIT_OK)
		status = part_write(part, path, &out);
	return status == EXIT_OK ? output_commit(&out) : status;
}

int extract_kernel(const struct image_read *img, const char *path)
{
	struct part part = { .count = 0 };

	return part_write_one(part_kernel(img, &part), &part, path);
}

int extract_vmlinux(const struct image_read *img, const char *path)
{
	struct part part = { .count = 0 };

	return part_write_one(part_vmlinux(img, &part), &part, path);
}

int extract_locate_initrd(const struct image_read *img, uint32_t index, const uint8_t **bytes,
			  uint64_t *size)
{
	struct part part = { .defer_hash = 1 };
	int status = part_initrd(img, index, &part);

	*bytes = part.pieces[0].bytes;
	*size = part.pieces[0].len;
	return status;
}

int extract_locate_cmdline(const struct image_read *img, const uint8_t **bytes, uint64_t *len)
{
	struct part part = { .count = 0 };
	int status = part_cmdline(img, &part);

	*bytes = part.pieces[0].bytes;
	*len = part.pieces[0].len;
	return status;
}

int extract_has_digests(const struct image_read *img)
{
	uint8_t sha[32];
	uint64_t size;

	return imageread_digest(img, DIGEST_KERNEL_FILE, 0, &size, sha) == 0 && digest_is_recorded(sha);
}

uint32_t extract_initrd_count(const struct image_read *img)
{
	uint8_t sha[32];
	uint64_t size;
	uint32_t count = 0;

	while (img->params.initrd_size && imageread_digest(img, DIGEST_INITRD_FILE, count, &size, sha) == 0)
		count++;
	return count;
}

int extract_initrd(const struct image_read *img, uint32_t index, const char *path)
{
	struct part part = { .count = 0 };

	return part_write_one(part_initrd(img, index, &part), &part, path);
}

int extract_cmdline(const struct image_read *img, const char *path)
{
	struct part part = { .count = 0 };

	return part_write_one(part_cmdline(img, &part), &part, path);
}

/*
 * Every output: its directory exists, it is a regular file or new, not the
 * image, and no two outputs are one file (by inode, after following links,
 * or by directory entry).
 */
static int check_outputs(const struct image_read *img, const char *const *paths, size_t count)
{
	struct stat image_st, st;
	size_t i, j;
	int exists, status;

	if (fstat(img->fd, &image_st) < 0)
		return report_errno(EXIT_IO, "image", img->path, "cannot stat");
	for (i = 0; i < count; i++) {
		if ((status = output_check_path(paths[i], &st, &exists)) != EXIT_OK)
			return status;
		if (exists && st.st_dev == image_st.st_dev && st.st_ino == image_st.st_ino)
			return report_error(EXIT_BAD_INPUT, "output '%s': is the image", paths[i]);
		for (j = 0; j < i; j++)
			if (output_same(paths[i], paths[j]))
				return report_error(EXIT_BAD_INPUT, "output '%s': also given as '%s'; each output once",
						    paths[i], paths[j]);
	}
	return EXIT_OK;
}

/*
 * All or nothing: every part is checked (against its digest when recorded)
 * and every output path checked before the first file is written; all are
 * written to temporary files and renamed together (output_commit_all) only
 * when all are complete and the image did not change meanwhile.
 */
static int extract_all(const struct image_read *img, const char *kernel, const char *vmlinux,
		       const char *const *initrds, uint32_t initrd_count, const char *cmdline)
{
	struct part parts[EXTRACT_MAX_INITRDS + 3] = { { .count = 0 } };
	struct output outs[EXTRACT_MAX_INITRDS + 3];
	const char *paths[EXTRACT_MAX_INITRDS + 3];
	size_t count = 0, written = 0, i;
	int status = EXIT_OK;

	if (kernel && (status = part_kernel(img, &parts[count])) == EXIT_OK)
		paths[count++] = kernel;
	if (status == EXIT_OK && vmlinux && (status = part_vmlinux(img, &parts[count])) == EXIT_OK)
		paths[count++] = vmlinux;
	for (i = 0; status == EXIT_OK && i < initrd_count; i++)
		if ((status = part_initrd(img, (uint32_t)i, &parts[count])) == EXIT_OK)
			paths[count++] = initrds[i];
	if (status == EXIT_OK && cmdline && (status = part_cmdline(img, &parts[count])) == EXIT_OK)
		paths[count++] = cmdline;
	if (status == EXIT_OK)
		status = check_outputs(img, paths, count);
	for (; status == EXIT_OK && written < count; written++)
		status = part_write(&parts[written], paths[written], &outs[written]);
	if (status == EXIT_OK)
		status = imageread_check_unchanged(img);
	if (status == EXIT_OK)
		return output_commit_all(outs, written);
	for (i = 0; i < written; i++)
		output_abort(&outs[i]);   /* safe on one part_write already removed */
	return status;
}

int extract_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "kernel", required_argument, NULL, 'k' },
		{ "vmlinux", required_argument, NULL, 'v' },
		{ "initrd", required_argument, NULL, 'i' },
		{ "command-line-file", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *kernel = NULL, *vmlinux = NULL, *cmdline = NULL, *initrds[EXTRACT_MAX_INITRDS];
	struct image_read img;
	uint32_t initrd_count = 0;
	int id, status;

	opterr = 0;
	while ((id = getopt_long(argc, argv, ":k:i:h", longopts, NULL)) != -1) {
		const char **slot = id == 'k' ? &kernel : id == 'v' ? &vmlinux : id == 'c' ? &cmdline : NULL;

		/* one output each: a second would silently win, as the build refuses too */
		if (slot && *slot)
			return report_error(EXIT_BAD_INPUT, "extract: --%s given twice; give it once",
					    id == 'k' ? "kernel" : id == 'v' ? "vmlinux" : "command-line-file");
		if (slot)
			*slot = optarg;
		else if (id == 'i' && initrd_count < EXTRACT_MAX_INITRDS)
			initrds[initrd_count++] = optarg;
		else if (id == 'i')
			return report_error(EXIT_BAD_INPUT, "extract: more than %d --initrd", EXTRACT_MAX_INITRDS);
		else if (id == 'h') {
			printf("Usage: mkelfimage extract IMAGE [--kernel FILE] [--vmlinux FILE] [--initrd FILE]... [--command-line-file FILE]\n");
			return EXIT_OK;
		} else
			return report_error(EXIT_BAD_INPUT, "extract: bad option '%s'; try 'mkelfimage extract --help'",
					    argv[optind - 1]);
	}
	if (optind + 1 != argc || (!kernel && !vmlinux && !cmdline && !initrd_count))
		return report_error(EXIT_BAD_INPUT, "extract: give one image and at least one of --kernel, --vmlinux, --initrd, --command-line-file");
	if ((status = imageread_open(argv[optind], &img)) == EXIT_OK)
		status = imageread_check_made(&img);
	if (status == EXIT_OK && initrd_count > extract_initrd_count(&img))
		status = report_error(EXIT_BAD_INPUT, "image '%s': %u --initrd given, the image holds %u initrd(s)",
				      img.path, initrd_count, extract_initrd_count(&img));
	if (status == EXIT_OK && kernel)
		status = refuse_vmlinux(&img);
	/* the notice only for a digest note without digests; no note at all is an error below */
	if (status == EXIT_OK && !extract_has_digests(&img) &&
	    imageread_note(&img, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_DIGESTS))
		report_print("image '%s': built without --digests: nothing to check, extracted as stored",
			     img.path);
	if (status == EXIT_OK)
		status = extract_all(&img, kernel, vmlinux, initrds, initrd_count, cmdline);
	imageread_close(&img);
	return status;
}
