/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkelfimage: options -> inputs (parsed, validated) -> plan (placement
 * rules) -> stub (relocated, parameters filled) -> ELF written to a temporary
 * file -> renamed into place.
 */
#include "config.h"

#include <stdlib.h>

#include "bootnotes.h"
#include "inputs.h"
#include "options.h"
#include "output.h"
#include "plan.h"
#include "report.h"
#include "stub.h"
#include "write.h"

static int build_image(const struct image_spec *spec)
{
	struct stub_header stub;
	struct inputs in;
	struct output out;
	struct plan plan = { .segment_count = 0 };
	uint8_t *stub_bytes = NULL;
	int status;

	status = inputs_open(spec, &in);
	if (status == EXIT_OK)
		status = stub_read_header(&stub_x86_blob, &stub);
	if (status == EXIT_OK)
		status = plan_build(&in, in.cmdline, &stub, &plan);
	if (status == EXIT_OK)
		status = bootnotes_add(&plan, spec, &stub, &in);
	if (status == EXIT_OK)
		status = output_check(spec->output_path, &in);
	if (status == EXIT_OK && spec->verbose)
		plan_print(&plan, &in);
	if (status == EXIT_OK && !(stub_bytes = stub_prepare(&stub_x86_blob, &stub, &plan, &in, spec)))
		status = report_error(EXIT_IO, "internal error: cannot prepare the stub");
	if (status == EXIT_OK)
		status = output_begin(&out, spec->output_path);
	if (status == EXIT_OK) {
		status = write_image(out.fd, spec->output_path, &plan, &stub, stub_bytes, &in, in.cmdline);
		if (status == EXIT_OK)
			status = output_commit(&out);
		else
			output_abort(&out);
	}
	free(stub_bytes);
	plan_free(&plan);
	inputs_close(&in);
	return status;
}

int main(int argc, char **argv)
{
	struct image_spec spec;
	int status;

	switch (options_parse(argc, argv, &spec)) {
	case OPTIONS_DONE:
		status = EXIT_OK;
		break;
	case OPTIONS_ERROR:
		status = EXIT_BAD_INPUT;
		break;
	default:
		status = build_image(&spec);
		break;
	}
	options_free(&spec);
	return status;
}
