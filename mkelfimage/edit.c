/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "edit.h"
#include "extract.h"
#include "formats/digestnote.h"
#include "formats/elfnote.h"
#include "common/report.h"

/* Extracted inputs live in a private temporary directory, removed afterwards. */
struct scratch {
	char dir[1024];
	char kernel[1024 + 16];
	char cmdline_path[1024 + 16];
	char initrds[EXTRACT_MAX_INITRDS][1024 + 16];
	uint32_t initrd_count;
	char *cmdline;
	int vmlinux;                    /* the kernel file is a minimal vmlinux (minvmlinux.h) */
	struct kept_digest kernel_file; /* then the original's `kernel file` record */
};

static void scratch_remove(struct scratch *s)
{
	uint32_t i;

	unlink(s->kernel);
	unlink(s->cmdline_path);
	for (i = 0; i < s->initrd_count; i++)
		unlink(s->initrds[i]);
	if (s->dir[0])
		rmdir(s->dir);
	free(s->cmdline);
}

/* The spec that rebuilds `img`: its boot headers, policy and flags. */
static void spec_from_image(const struct image_read *img, struct image_spec *spec)
{
	memset(spec, 0, sizeof(*spec));
	spec->output_path = img->path;
	spec->headers = (imageread_multiboot_problem(img) ? 0 : IMAGE_HEADER_MULTIBOOT) |
		(imageread_note(img, XEN_ELFNOTE_NAME, XEN_ELFNOTE_PHYS32_ENTRY) ? IMAGE_HEADER_PVH : 0) |
		(imageread_note(img, ELF_NOTE_BOOT, EIN_PROGRAM_NAME) ? IMAGE_HEADER_ELF_NOTES : 0);
	spec->elf_class = img->elf.elf_class == ELFCLASS64 ? 64 : 32;   /* an edit keeps the class */
	spec->cmdline_policy = img->params.cmdline_policy;
	spec->verify_at_boot = (img->params.flags & STUB_FLAG_VERIFY_AT_BOOT) != 0;
	spec->digests = extract_has_digests(img);
	spec->initrd_placement = img->params.initrd_placement;
}

/* The kernel extracted: the file, or a minimal vmlinux with its original's record */
static void spec_kernel(struct image_spec *spec, const struct scratch *s)
{
	spec->kernel_path = s->kernel;
	spec->kernel_file_kept = s->vmlinux ? &s->kernel_file : NULL;
}

/* Extract the kernel, and the initrds and command line unless they are being replaced. */
static int extract_inputs(const struct image_read *img, struct scratch *s, int keep_initrds)
{
	const char *tmp = getenv("TMPDIR");
	FILE *file;
	uint32_t i, count = extract_initrd_count(img);
	long len;
	int status;

	snprintf(s->dir, sizeof(s->dir), "%s/mkelfimage-edit.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(s->dir)) {
		s->dir[0] = '\0';
		return report_errno(EXIT_IO, "temporary directory", tmp && *tmp ? tmp : "/tmp", "cannot create");
	}
	snprintf(s->kernel, sizeof(s->kernel), "%s/kernel", s->dir);
	/*
	 * A vmlinux image holds the PT_LOADs, not the file: the build gets the
	 * minimal vmlinux of them, which plans as the original did (the plan
	 * reads its loads and PVH entry only), and keeps the original file's
	 * digest record, the one image byte that depends on the rest of it.
	 */
	s->vmlinux = img->params.kernel_protocol == STUB_KERNEL_PVH;
	if (s->vmlinux && imageread_digest(img, DIGEST_KERNEL_FILE, 0, &s->kernel_file.size,
					   s->kernel_file.sha256) != 0)
		return report_error(EXIT_BAD_INPUT, "image '%s': no digest recorded for the kernel (not made by this mkelfimage)",
				    img->path);
	status = s->vmlinux ? extract_vmlinux(img, s->kernel) : extract_kernel(img, s->kernel);
	if (status != EXIT_OK)
		return status;
	if (count > EXTRACT_MAX_INITRDS)
		return report_error(EXIT_BAD_INPUT, "image '%s': %u initrds, more than %u", img->path, count,
				    EXTRACT_MAX_INITRDS);
	for (i = 0; keep_initrds && i < count; i++) {
		snprintf(s->initrds[i], sizeof(s->initrds[i]), "%s/initrd.%u", s->dir, i);
		s->initrd_count = i + 1;
		if ((status = extract_initrd(img, i, s->initrds[i])) != EXIT_OK)
			return status;
	}
	/* The command line goes through a file once: it is checked against its digest. */
	snprintf(s->cmdline_path, sizeof(s->cmdline_path), "%s/cmdline", s->dir);
	if ((status = extract_cmdline(img, s->cmdline_path)) != EXIT_OK)
		return status;
	file = fopen(s->cmdline_path, "rb");
	s->cmdline = calloc(1, (size_t)img->params.cmdline_len + 1);
	len = file && s->cmdline ? (long)fread(s->cmdline, 1, img->params.cmdline_len, file) : -1;
	if (file)
		fclose(file);
	unlink(s->cmdline_path);
	if (len != (long)img->params.cmdline_len)
		return report_error(EXIT_IO, "temporary file: cannot read the command line back");
	return EXIT_OK;
}

/* Open an image mkelfimage made for x86 (the edits rebuild through the x86 build). */
static int open_editable(const char *path, struct image_read *img)
{
	int status = imageread_open(path, img);
	int x86 = (img->elf.elf_class == ELFCLASS32 && img->elf.machine == EM_386) ||
		(img->elf.elf_class == ELFCLASS64 && img->elf.machine == EM_X86_64);

	if (status == EXIT_OK && (!img->has_params || !x86))
		status = report_error(EXIT_BAD_INPUT, "image '%s': not an x86 image made by mkelfimage", path);
	if (status == EXIT_OK)
		status = imageread_check_made(img);
	return status;
}

int edit_set_command_line_main(int argc, char **argv)
{
	struct scratch s = { .dir = "" };
	struct image_read img;
	struct image_spec spec;
	const char **initrds = NULL;
	uint32_t i;
	int status;

	if (argc != 3)
		return report_error(EXIT_BAD_INPUT, "usage: mkelfimage set-command-line IMAGE TEXT");
	if ((status = open_editable(argv[1], &img)) == EXIT_OK)
		status = extract_inputs(&img, &s, 1);
	if (status == EXIT_OK) {
		spec_from_image(&img, &spec);
		initrds = calloc(s.initrd_count + 1, sizeof(*initrds));
		for (i = 0; initrds && i < s.initrd_count; i++)
			initrds[i] = s.initrds[i];
		spec_kernel(&spec, &s);
		spec.initrd_paths = initrds;
		spec.initrd_count = s.initrd_count;
		spec.cmdline = argv[2];
		status = initrds ? build_image(&spec) : report_error(EXIT_IO, "out of memory");
	}
	free(initrds);
	imageread_close(&img);
	scratch_remove(&s);
	return status;
}

int edit_replace_initrd_main(int argc, char **argv)
{
	struct scratch s = { .dir = "" };
	struct image_read img;
	struct image_spec spec;
	int status;

	if (argc < 3)
		return report_error(EXIT_BAD_INPUT, "usage: mkelfimage replace-initrd IMAGE FILE... (the new initrds, in order)");
	if ((status = open_editable(argv[1], &img)) == EXIT_OK)
		status = extract_inputs(&img, &s, 0);
	if (status == EXIT_OK) {
		spec_from_image(&img, &spec);
		spec_kernel(&spec, &s);
		spec.initrd_paths = (const char **)(argv + 2);
		spec.initrd_count = (size_t)(argc - 2);
		spec.cmdline = s.cmdline;
		status = build_image(&spec);
	}
	imageread_close(&img);
	scratch_remove(&s);
	return status;
}
