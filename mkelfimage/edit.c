/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * set-command-line and replace-initrd: the image is rebuilt through the
 * normal build (build.h) from its own payloads, read in place: the kernel
 * as its format describes an image's kernel (kernel_open_image), the kept
 * initrds and command line where extract finds them. No scratch copy is
 * made: the unchanged payloads are copied once, straight into the new
 * image, hashed on the way, and checked against the digests the old image
 * recorded before the new one replaces it. The result is the image a fresh
 * build of the same inputs gives.
 */
#include "config.h"

#include <elf.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arch.h"
#include "build.h"
#include "common/report.h"
#include "edit.h"
#include "extract.h"
#include "formats/digestnote.h"
#include "formats/elfnote.h"
#include "inputs.h"
#include "output.h"
#include "signer.h"

/* One edit: the image, the spec that rebuilds it, its payloads as inputs */
struct edit {
	char *target;                     /* the file a symlink names, malloc'd, or NULL */
	struct image_read img;
	struct image_spec spec;
	struct inputs in;
	struct kept_digest kernel_file;   /* the original kernel file's record, carried over */
	uint32_t kept_initrds;            /* the image's own initrds, first in e->in.initrds */
	struct sign_spec sign;            /* the edit's signing options */
	int remove_signature;             /* --remove-signature */
	char **args;                      /* the words that are not options: IMAGE, then TEXT or FILEs */
	int arg_count;
};

/*
 * The options every edit takes (signing), anywhere among its words; the
 * other words are left in e->args. "--" ends the options.
 */
static int edit_parse(struct edit *e, int argc, char **argv, const char *usage)
{
	static const struct option longopts[] = {
		{ "sign-key", required_argument, NULL, 'k' },
		{ "sign-cert", required_argument, NULL, 'c' },
		{ "sign-pass", required_argument, NULL, 'p' },
		{ "detached-signature", required_argument, NULL, 'd' },
		{ "no-embedded-signature", no_argument, NULL, 'n' },
		{ "remove-signature", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	int id;

	opterr = 0;
	optind = 1;
	while ((id = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (id) {
		case 'k': e->sign.key_path = optarg; break;
		case 'c': e->sign.cert_path = optarg; break;
		case 'p': e->sign.pass = optarg; break;
		case 'd': e->sign.detached_path = optarg; break;
		case 'n': e->sign.no_embedded = 1; break;
		case 'r': e->remove_signature = 1; break;
		default:
			return report_error(EXIT_BAD_INPUT, "%s '%s'; usage: %s", id == ':' ? "missing argument for" :
					    "unknown option", argv[optind - 1], usage);
		}
	}
	e->args = argv + optind;
	e->arg_count = argc - optind;
	if (e->remove_signature && e->sign.key_path)
		return report_error(EXIT_BAD_INPUT, "--remove-signature and --sign-key: give one");
	return signer_check_options(&e->sign);
}

/*
 * A signed image is edited only into a signed one (--sign-key) or, when
 * asked, an unsigned one (--remove-signature, with a warning).
 */
static int edit_signing(struct edit *e)
{
	int is_signed = e->img.sig_status != FMT_NOT_THIS_FORMAT;

	if (is_signed && !e->sign.key_path && !e->remove_signature)
		return report_error(EXIT_BAD_INPUT, "image '%s' is signed: give --sign-key and --sign-cert to sign the "
				    "edited image, or --remove-signature to drop the signature", e->img.path);
	if (is_signed && e->remove_signature)
		report_print("warning: image '%s': the signature is removed (--remove-signature)", e->img.path);
	e->spec.sign = e->sign;
	return EXIT_OK;
}

/* The spec that rebuilds `img`: its arch, boot headers, policy and flags. */
static void spec_from_image(const struct image_read *img, struct image_spec *spec)
{
	const struct arch *arch = arch_find_machine(img->elf.elf_class == ELFCLASS64 ? 64 : 32, img->elf.machine);

	memset(spec, 0, sizeof(*spec));
	spec->arch = arch ? arch->id : IMAGE_ARCH_X86;   /* open_editable checked it */
	spec->output_path = img->path;
	spec->headers = (imageread_multiboot_problem(img) ? 0 : IMAGE_HEADER_MULTIBOOT) |
		(imageread_multiboot2_problem(img) ? 0 : IMAGE_HEADER_MULTIBOOT2) |
		(imageread_note(img, XEN_ELFNOTE_NAME, XEN_ELFNOTE_PHYS32_ENTRY) ? IMAGE_HEADER_PVH : 0) |
		(imageread_note(img, ELF_NOTE_BOOT, EIN_PROGRAM_NAME) ? IMAGE_HEADER_ELF_NOTES : 0);
	spec->elf_class = img->elf.elf_class == ELFCLASS64 ? 64 : 32;   /* an edit keeps the class */
	spec->cmdline_policy = img->params.cmdline_policy;
	spec->verify_at_boot = (img->params.flags & STUB_FLAG_VERIFY_AT_BOOT) != 0;
	spec->boot_log = (img->params.flags & STUB_FLAG_BOOT_LOG) != 0;
	spec->digests = extract_has_digests(img);
	spec->initrd_placement = img->params.initrd_placement;
	/* the user's only copy is replaced: durably, keeping its mode and owner */
	spec->output_flags = OUTPUT_DURABLE | OUTPUT_KEEP_OWNER;
}

/*
 * Open an image mkelfimage made, locked: x86, or a device-tree arch
 * (arm64, riscv64), whose stub parameters say where the payloads are.
 */
static int open_editable(const char *path, struct image_read *img)
{
	int status = imageread_open_locked(path, img);
	int x86 = (img->elf.elf_class == ELFCLASS32 && img->elf.machine == EM_386) ||
		(img->elf.elf_class == ELFCLASS64 && img->elf.machine == EM_X86_64);

	/* imageread_check_made first: it names an Alpha image as such */
	if (status == EXIT_OK && img->elf.machine != EM_ALPHA && (!img->has_params || (!x86 && !img->fdt_stub)))
		status = report_error(EXIT_BAD_INPUT, "image '%s': not an x86, arm64 or riscv64 image made by mkelfimage", path);
	if (status == EXIT_OK)
		status = imageread_check_made(img);
	return status;
}

/*
 * The image and its kernel. When the image holds only the kernel's loaded
 * part (a vmlinux's PT_LOADs), the file's digest record is carried over;
 * a kernel with a head (a bzImage's setup note) is the whole file again.
 */
static int edit_open(struct edit *e, const char *path)
{
	const struct image_read *img = &e->img;
	struct stat st;
	int status;

	/* A symlink: edit the file it names (the new image replaces that file, not the link). */
	e->target = NULL;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && (e->target = realpath(path, NULL)))
		path = e->target;
	status = open_editable(path, &e->img);
	memset(&e->in, 0, sizeof(e->in));
	e->in.kernel_file = (struct input_file){ .what = "image", .path = path, .fd = -1 };
	if (status != EXIT_OK)
		return status;
	spec_from_image(img, &e->spec);
	if ((status = edit_signing(e)) != EXIT_OK)
		return status;
	/*
	 * Read while the new image is written beside it, then replaced by the
	 * rename: not "an input that is the output" (no dev/ino to compare).
	 */
	if ((e->in.kernel_file.fd = fcntl(img->fd, F_DUPFD_CLOEXEC, 0)) < 0)
		return report_errno(EXIT_IO, "image", path, "cannot duplicate its descriptor");
	e->in.kernel_file.size = img->size;
	if (imageread_digest(img, DIGEST_KERNEL_FILE, 0, &e->kernel_file.size, e->kernel_file.sha256) != 0)
		return report_error(EXIT_BAD_INPUT, "image '%s': no digest recorded for the kernel (not made by this mkelfimage)",
				    path);
	if ((status = kernel_open_image(&e->in.kernel, &e->in.kernel_file, img)) != EXIT_OK)
		return status;
	if (!e->in.kernel.head_bytes)
		e->spec.kernel_file_kept = e->in.kernel_file_kept = &e->kernel_file;
	return EXIT_OK;
}

/*
 * build_check: the image unchanged since it was mapped, then the kept
 * kernel and initrds against the old image's digest records, from the
 * digests computed while they were copied (an image without digests has
 * only sizes to compare).
 */
static int verify_kept(void *ctx, const struct digest_set *digests)
{
	const struct edit *e = ctx;
	const struct kernel *k = &e->in.kernel;
	char what[32];
	uint32_t i;
	/* the payloads were read from the image: a change meanwhile (a writer that takes no lock) is refused */
	int status = imageread_check_unchanged(&e->img);

	if (status != EXIT_OK)
		return status;
	if (k->head_bytes)
		status = extract_check_record(&e->img, DIGEST_KERNEL_FILE, 0, k->file_size,
				    digests ? digests->kernel_file : NULL, "kernel");
	else
		status = extract_check_record(&e->img, DIGEST_KERNEL_LOADED, 0, k->loaded_size,
				    digests ? digests->kernel_loaded : NULL, "kernel's loaded part");
	for (i = 0; status == EXIT_OK && i < e->kept_initrds; i++) {
		snprintf(what, sizeof(what), "initrd %u", i);
		status = extract_check_record(&e->img, DIGEST_INITRD_FILE, i, e->in.initrds[i].size,
				    digests ? digests->initrds[i] : NULL, what);
	}
	return status;
}

/* The rebuild, checked by verify_kept before it replaces the image */
static int edit_build(struct edit *e)
{
	const struct build_check check = { verify_kept, e };

	return build_image_from(&e->spec, &e->in, &check);
}

/* The image's initrds, in place */
static int keep_initrds(struct edit *e)
{
	const struct image_read *img = &e->img;
	uint32_t i, count = extract_initrd_count(img);
	int status;

	if (count > EXTRACT_MAX_INITRDS)
		return report_error(EXIT_BAD_INPUT, "image '%s': %u initrds, more than %u", img->path, count,
				    EXTRACT_MAX_INITRDS);
	if (count && !(e->in.initrds = calloc(count, sizeof(*e->in.initrds))))
		return report_error(EXIT_IO, "out of memory");
	for (i = 0; i < count; i++) {
		struct input_file *file = &e->in.initrds[i];

		const uint8_t *bytes;

		*file = (struct input_file){ .what = "initrd", .path = img->path, .fd = -1 };
		e->in.initrd_count = i + 1;
		if ((status = extract_locate_initrd(img, i, &bytes, &file->size)) != EXIT_OK)
			return status;
		if ((file->fd = dup(e->in.kernel_file.fd)) < 0)
			return report_errno(EXIT_IO, "image", img->path, "cannot duplicate its descriptor");
		file->offset = (uint64_t)(bytes - img->map);
		e->kept_initrds = i + 1;
		e->in.initrd_region_size += inputs_initrd_span(&e->in, i);
	}
	return EXIT_OK;
}

/* The command line: `text`, or the image's own (NULL) */
static int set_cmdline(struct edit *e, const char *text)
{
	const uint8_t *bytes;
	uint64_t len;
	int status = EXIT_OK;

	if (!text && (status = extract_locate_cmdline(&e->img, &bytes, &len)) == EXIT_OK) {
		if ((e->in.cmdline = malloc((size_t)len + 1))) {
			memcpy(e->in.cmdline, bytes, (size_t)len);
			e->in.cmdline[len] = '\0';
		}
	} else if (text) {
		e->in.cmdline = strdup(text);
	}
	if (status == EXIT_OK && !e->in.cmdline)
		status = report_error(EXIT_IO, "out of memory");
	return status;
}

static void edit_close(struct edit *e)
{
	inputs_close(&e->in);
	imageread_close(&e->img);   /* the lock held since edit_open goes last */
	free(e->target);
}

#define SIGNING_USAGE "[--sign-key FILE --sign-cert FILE [--sign-pass SOURCE] | --remove-signature]"

/*
 * After the options (status): the image (e->args[0]) opened, its command
 * line set (`cmdline`, or its own when NULL), its initrds (the `count`
 * files at `initrds`, or its own when none), then rebuilt; once opened,
 * the edit is closed whatever happened.
 */
static int edit_run(struct edit *e, int status, const char *cmdline, char *const *initrds, size_t count)
{
	if (status != EXIT_OK)
		return status;   /* a usage error: nothing opened */
	status = edit_open(e, e->args[0]);
	if (status == EXIT_OK)
		status = count ? inputs_open_initrds(&e->in, (const char *const *)initrds, count) : keep_initrds(e);
	if (status == EXIT_OK)
		status = set_cmdline(e, cmdline);
	if (status == EXIT_OK)
		status = edit_build(e);
	edit_close(e);
	return status;
}

int edit_set_command_line_main(int argc, char **argv)
{
	static const char usage[] = "mkelfimage set-command-line IMAGE TEXT " SIGNING_USAGE;
	struct edit e = { .kept_initrds = 0 };
	int status = edit_parse(&e, argc, argv, usage);

	if (status == EXIT_OK && e.arg_count != 2)
		status = report_error(EXIT_BAD_INPUT, "usage: %s", usage);
	return edit_run(&e, status, status == EXIT_OK ? e.args[1] : NULL, NULL, 0);
}

int edit_replace_initrd_main(int argc, char **argv)
{
	static const char usage[] = "mkelfimage replace-initrd IMAGE FILE... (the new initrds, in order) " SIGNING_USAGE;
	struct edit e = { .kept_initrds = 0 };
	int status = edit_parse(&e, argc, argv, usage);

	if (status == EXIT_OK && e.arg_count < 2)
		status = report_error(EXIT_BAD_INPUT, "usage: %s", usage);
	return edit_run(&e, status, NULL, e.args + 1, status == EXIT_OK ? (size_t)(e.arg_count - 1) : 0);
}

/* sign: the image rebuilt as it is, signed (a fresh build's bytes, so the key may live elsewhere) */
int edit_sign_main(int argc, char **argv)
{
	static const char usage[] = "mkelfimage sign IMAGE --sign-key FILE --sign-cert FILE [--sign-pass SOURCE] "
		"[--detached-signature FILE [--no-embedded-signature]]";
	struct edit e = { .kept_initrds = 0 };
	int status = edit_parse(&e, argc, argv, usage);

	if (status == EXIT_OK && (e.arg_count != 1 || !e.sign.key_path || e.remove_signature))
		status = report_error(EXIT_BAD_INPUT, "usage: %s", usage);
	return edit_run(&e, status, NULL, NULL, 0);
}
