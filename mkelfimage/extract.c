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
 * An initrd --compress-initrd changed comes back as it is in the image.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "formats/digestnote.h"
#include "formats/setupnote.h"
#include "formats/sha256_host.h"
#include "output.h"
#include "report.h"
#include "write.h"

struct piece {
	const uint8_t *bytes;
	uint64_t len;
};

/*
 * Check the pieces against the recorded digest (an image built without
 * --digests has none: only the size is checked), then write them to `path`
 * atomically.
 */
static int write_checked(const struct image_read *img, const char *what, uint32_t kind, uint32_t index,
			 const struct piece *pieces, size_t count, const char *path)
{
	struct sha256_ctx ctx;
	struct output out;
	uint8_t want[32], got[32];
	uint64_t size, total = 0;
	size_t i;
	int status;

	for (i = 0; i < count; i++)
		if (!pieces[i].bytes)
			return report_error(EXIT_BAD_INPUT, "image '%s': the %s is not in the image's file data",
					    img->path, what);
	if (imageread_digest(img, kind, index, &size, want) != 0)
		return report_error(EXIT_BAD_INPUT, "image '%s': no digest recorded for the %s (not made by this mkelfimage)",
				    img->path, what);
	sha256_init(&ctx);
	for (i = 0; i < count; i++) {
		if (digest_is_recorded(want))
			sha256_update_host(&ctx, pieces[i].bytes, (size_t)pieces[i].len);
		total += pieces[i].len;
	}
	sha256_final(&ctx, got);
	if (size != total || (digest_is_recorded(want) && memcmp(want, got, sizeof(got)) != 0))
		return report_error(EXIT_BAD_INPUT, "image '%s': the %s does not match its recorded SHA-256; the image is damaged",
				    img->path, what);
	if ((status = output_begin(&out, path)) != EXIT_OK)
		return status;
	for (total = 0, i = 0; i < count && status == EXIT_OK; total += pieces[i].len, i++)
		status = write_all(out.fd, path, pieces[i].bytes, (size_t)pieces[i].len, total);
	if (status == EXIT_OK)
		return output_commit(&out);
	output_abort(&out);
	return status;
}

/* vmlinux.c keeps only the PT_LOADs: symbols, sections and headers are gone */
static int refuse_vmlinux(const struct image_read *img)
{
	if (img->params.kernel_protocol != STUB_KERNEL_PVH)
		return EXIT_OK;
	return report_error(EXIT_BAD_INPUT, "image '%s': the kernel is a vmlinux (PVH entry); the image holds only its PT_LOADs, not the file, so it cannot be given back: rebuild from the vmlinux",
			    img->path);
}

int extract_kernel(const struct image_read *img, const char *path)
{
	const struct notewalk_note *setup = imageread_note(img, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_KERNEL_SETUP);
	struct piece pieces[2];
	int status = refuse_vmlinux(img);

	if (status != EXIT_OK)
		return status;
	if (!setup)
		return report_error(EXIT_BAD_INPUT, "image '%s': no kernel-setup note: the kernel's real-mode part is not in the image",
				    img->path);
	pieces[0] = (struct piece){ setup->desc, setup->descsz };
	pieces[1] = (struct piece){ imageread_bytes(img, img->params.kernel_load_addr, img->params.kernel_file_size),
				    img->params.kernel_file_size };
	return write_checked(img, "kernel", DIGEST_KERNEL_FILE, 0, pieces, 2, path);
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
	uint64_t offset = 0, size = 0;
	uint8_t sha[32];
	struct piece piece;
	uint32_t i;
	char what[32];

	snprintf(what, sizeof(what), "initrd %u", index);
	for (i = 0; i <= index; i++) {
		if (imageread_digest(img, DIGEST_INITRD_FILE, i, &size, sha) != 0)
			return report_error(EXIT_BAD_INPUT, "image '%s': it holds %u initrd(s), not %u", img->path, i,
					    index + 1);
		if (i < index)
			offset += (size + 3) & ~(uint64_t)3;   /* each part but the last is padded to 4 */
	}
	piece = (struct piece){ imageread_bytes(img, img->params.initrd_addr + offset, size), size };
	return write_checked(img, what, DIGEST_INITRD_FILE, index, &piece, 1, path);
}

int extract_cmdline(const struct image_read *img, const char *path)
{
	struct piece piece = { imageread_bytes(img, img->params.cmdline_addr, img->params.cmdline_len),
			       img->params.cmdline_len };

	return write_checked(img, "command line", DIGEST_CMDLINE, 0, &piece, 1, path);
}

int extract_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "kernel", required_argument, NULL, 'k' },
		{ "initrd", required_argument, NULL, 'i' },
		{ "command-line-file", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *kernel = NULL, *cmdline = NULL, *initrds[64];
	struct image_read img;
	uint32_t initrd_count = 0, i;
	int id, status;

	opterr = 0;
	while ((id = getopt_long(argc, argv, ":k:i:h", longopts, NULL)) != -1) {
		if (id == 'k')
			kernel = optarg;
		else if (id == 'c')
			cmdline = optarg;
		else if (id == 'i' && initrd_count < 64)
			initrds[initrd_count++] = optarg;
		else if (id == 'h') {
			printf("Usage: mkelfimage extract IMAGE [--kernel FILE] [--initrd FILE]... [--command-line-file FILE]\n");
			return EXIT_OK;
		} else
			return report_error(EXIT_BAD_INPUT, "extract: bad option '%s'; try 'mkelfimage extract --help'",
					    argv[optind - 1]);
	}
	if (optind + 1 != argc || (!kernel && !cmdline && !initrd_count))
		return report_error(EXIT_BAD_INPUT, "extract: give one image and at least one of --kernel, --initrd, --command-line-file");
	if ((status = imageread_open(argv[optind], &img)) == EXIT_OK && !img.has_params)
		status = report_error(EXIT_BAD_INPUT, "image '%s': no mkelfimage stub parameters: not an image mkelfimage made",
				      img.path);
	if (status == EXIT_OK && initrd_count > extract_initrd_count(&img))
		status = report_error(EXIT_BAD_INPUT, "image '%s': %u --initrd given, the image holds %u initrd(s)",
				      img.path, initrd_count, extract_initrd_count(&img));
	if (status == EXIT_OK && kernel)
		status = refuse_vmlinux(&img);
	if (status == EXIT_OK && !extract_has_digests(&img))
		report_error(EXIT_OK, "image '%s': built without --digests: nothing to check, extracted as stored",
			     img.path);
	if (status == EXIT_OK && kernel)
		status = extract_kernel(&img, kernel);
	for (i = 0; status == EXIT_OK && i < initrd_count; i++)
		status = extract_initrd(&img, i, initrds[i]);
	if (status == EXIT_OK && cmdline)
		status = extract_cmdline(&img, cmdline);
	imageread_close(&img);
	return status;
}
