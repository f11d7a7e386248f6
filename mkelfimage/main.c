/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkelfimage: options -> inputs (parsed, validated) -> plan (placement
 * rules) -> stub (relocated, parameters filled) -> ELF written to a temporary
 * file -> renamed into place.
 */
#include "config.h"

#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arch_alpha.h"
#include "bootnotes.h"
#include "digest.h"
#include "initrdprep.h"
#include "inspect.h"
#include "edit.h"
#include "extract.h"
#include "inputs.h"
#include "manifest.h"
#include "options.h"
#include "output.h"
#include "plan.h"
#include "planreport.h"
#include "common/report.h"
#include "setupnote.h"
#include "stub.h"
#include "write.h"

/* --max-size: a ROM or CBFS budget; the complete file is measured. */
static int check_max_size(int fd, const struct image_spec *spec)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return report_errno(EXIT_IO, "output", spec->output_path, "cannot stat");
	if ((uint64_t)st.st_size <= spec->max_size)
		return EXIT_OK;
	return report_error(EXIT_BAD_INPUT, "output '%s': %llu bytes exceed --max-size %llu by %llu bytes; nothing written",
			    spec->output_path, (unsigned long long)st.st_size,
			    (unsigned long long)spec->max_size,
			    (unsigned long long)((uint64_t)st.st_size - spec->max_size));
}

/*
 * Write the image and, with --manifest, its manifest; both go to temporary
 * files and are renamed into place only when both are complete.
 */
static int write_outputs(const struct image_spec *spec, struct plan *plan,
			 const struct stub_header *stub, uint8_t *stub_bytes,
			 const struct inputs *in, const struct initrd_prep *prep)
{
	struct output out, manifest = { .fd = -1 };
	struct digest_run digests;
	int record = spec->digests || spec->verify_at_boot;
	int status = digest_begin(&digests, plan, record || spec->manifest_path, record);

	if (status == EXIT_OK && (status = output_begin(&out, spec->output_path)) != EXIT_OK)
		digest_end(&digests);
	if (status != EXIT_OK)
		return status;
	status = write_image(out.fd, spec->output_path, plan, stub, stub_bytes, in, in->cmdline, &digests);
	if (status == EXIT_OK && spec->max_size)
		status = check_max_size(out.fd, spec);
	if (status == EXIT_OK && spec->manifest_path) {
		status = output_begin(&manifest, spec->manifest_path);
		if (status == EXIT_OK)
			status = manifest_write(manifest.fd, spec, in, prep, plan, &digests, out.fd);
	}
	if (status == EXIT_OK)
		status = output_commit(&out);
	else
		output_abort(&out);
	if (spec->manifest_path && manifest.fd >= 0) {
		if (status == EXIT_OK)
			status = output_commit(&manifest);
		else
			output_abort(&manifest);
	}
	digest_end(&digests);
	return status;
}

int build_image(const struct image_spec *spec)
{
	struct stub_header stub;
	struct inputs in;
	struct plan plan = { .segment_count = 0 };
	struct initrd_prep *prep = NULL;
	uint8_t *stub_bytes = NULL;
	int status;

	status = inputs_open(spec, &in);
	if (status == EXIT_OK && in.initrd_count &&
	    !(prep = calloc(in.initrd_count, sizeof(*prep))))
		status = report_error(EXIT_IO, "out of memory");
	if (status == EXIT_OK)
		status = initrdprep_run(spec, &in, prep);
	if (status == EXIT_OK)
		status = stub_read_header(&stub_x86_blob, sizeof(struct stub_params), &stub);
	if (status == EXIT_OK)
		status = plan_build(&in, in.cmdline, &stub, &plan);
	plan.elf_class = spec->elf_class == 64 ? ELFCLASS64 : ELFCLASS32;
	if (status == EXIT_OK)
		status = bootnotes_add(&plan, spec, &stub, &in);
	if (status == EXIT_OK)
		status = setupnote_add(&plan, &in);
	if (status == EXIT_OK)
		status = digest_add(&plan, &in);
	if (status == EXIT_OK && spec->plan_only) {
		status = planreport_print(&plan, &in);
		free(prep);
		plan_free(&plan);
		inputs_close(&in);
		return status;
	}
	if (status == EXIT_OK)
		status = output_check(spec->output_path, spec, &in);
	if (status == EXIT_OK && spec->manifest_path &&
	    (status = output_check(spec->manifest_path, spec, &in)) == EXIT_OK &&
	    strcmp(spec->manifest_path, spec->output_path) == 0)
		status = report_error(EXIT_BAD_INPUT, "manifest '%s': is the image output",
				      spec->manifest_path);
	if (status == EXIT_OK && spec->verbose)
		plan_print(&plan, &in);
	if (status == EXIT_OK && !(stub_bytes = stub_prepare(&stub_x86_blob, &stub, &plan, &in, spec)))
		status = report_error(EXIT_IO, "internal error: cannot prepare the stub");
	if (status == EXIT_OK)
		status = write_outputs(spec, &plan, &stub, stub_bytes, &in, prep);
	free(prep);
	free(stub_bytes);
	plan_free(&plan);
	inputs_close(&in);
	return status;
}

/* `mkelfimage SUBCOMMAND ...`; anything else is a build (options only). */
static const struct subcommand {
	const char *name;
	int (*run)(int argc, char **argv);
} subcommands[] = {
	{ "inspect", inspect_main },
	{ "extract", extract_main },
	{ "set-command-line", edit_set_command_line_main },
	{ "replace-initrd", edit_replace_initrd_main },
};

int main(int argc, char **argv)
{
	struct image_spec spec;
	size_t i;
	int status;

	for (i = 0; argc > 1 && i < sizeof(subcommands) / sizeof(subcommands[0]); i++)
		if (!strcmp(argv[1], subcommands[i].name))
			return subcommands[i].run(argc - 1, argv + 1);

	switch (options_parse(argc, argv, &spec)) {
	case OPTIONS_DONE:
		status = EXIT_OK;
		break;
	case OPTIONS_ERROR:
		status = EXIT_BAD_INPUT;
		break;
	default:
		status = spec.arch == IMAGE_ARCH_ALPHA ? arch_alpha_build(&spec) : build_image(&spec);
		break;
	}
	options_free(&spec);
	return status;
}
