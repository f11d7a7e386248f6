/* SPDX-License-Identifier: GPL-2.0-or-later */
/* mkelfimage: a subcommand, or a build (build.h) described by the options. */
#include "config.h"

#include <string.h>

#include "build.h"
#include "common/report.h"
#include "edit.h"
#include "extract.h"
#include "inspect.h"
#include "options.h"
#include "verify.h"

/* `mkelfimage SUBCOMMAND ...`; anything else is a build (options only). */
static const struct subcommand {
	const char *name;
	int (*run)(int argc, char **argv);
} subcommands[] = {
	{ "inspect", inspect_main },
	{ "extract", extract_main },
	{ "set-command-line", edit_set_command_line_main },
	{ "replace-initrd", edit_replace_initrd_main },
	{ "sign", edit_sign_main },
	{ "verify", verify_main },
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
		status = build_image(&spec);
		break;
	}
	options_free(&spec);
	return status;
}
