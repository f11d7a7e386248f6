/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "common/report.h"
#include "bootelf_options.h"

enum {
	BOOTELF_OPT_COMMAND_LINE = 256,
	BOOTELF_OPT_REUSE_CMDLINE,
	BOOTELF_OPT_DRY_RUN,
	BOOTELF_OPT_JSON,
	BOOTELF_OPT_VERSION,
	BOOTELF_OPT_REQUIRE_SIGNATURE,
};

struct bootelf_option_doc {
	struct option option;
	int short_name;
	const char *argument;
	const char *help;
};

static const struct bootelf_option_doc bootelf_option_table[] = {
	{ { "command-line", required_argument, NULL, BOOTELF_OPT_COMMAND_LINE }, 0, "TEXT",
	  "the loader's command line (the image's policy joins it with its own)" },
	{ { "append", required_argument, NULL, BOOTELF_OPT_COMMAND_LINE }, 0, "TEXT",
	  "alias of --command-line" },
	{ { "reuse-cmdline", no_argument, NULL, BOOTELF_OPT_REUSE_CMDLINE }, 0, NULL,
	  "pass the running kernel's /proc/cmdline" },
	{ { "require-signature", required_argument, NULL, BOOTELF_OPT_REQUIRE_SIGNATURE }, 0, "CA",
	  "boot only an image whose signature chains to CA (a PEM file or a directory of them)" },
	{ { "load", no_argument, NULL, 'l' }, 'l', NULL, "load the image only (kexec_load)" },
	{ { "exec", no_argument, NULL, 'e' }, 'e', NULL,
	  "boot the loaded image (reboot LINUX_REBOOT_CMD_KEXEC); no flag: load and boot" },
	{ { "dry-run", no_argument, NULL, BOOTELF_OPT_DRY_RUN }, 0, NULL,
	  "check the image and print the segment plan; no system call" },
	{ { "json", no_argument, NULL, BOOTELF_OPT_JSON }, 0, NULL, "print the plan as JSON" },
	{ { "help", no_argument, NULL, 'h' }, 'h', NULL, "print this help and exit" },
	{ { "version", no_argument, NULL, BOOTELF_OPT_VERSION }, 0, NULL, "print the version and exit" },
};
#define BOOTELF_OPTION_COUNT (sizeof(bootelf_option_table) / sizeof(bootelf_option_table[0]))

static void bootelf_options_help(void)
{
	size_t i;

	printf("Usage: bootelf [OPTION]... IMAGE\n"
	       "       bootelf -e\n"
	       "Boot the ELF image IMAGE from the running Linux kernel through kexec_load(2).\n\n");
	for (i = 0; i < BOOTELF_OPTION_COUNT; i++) {
		const struct bootelf_option_doc *doc = &bootelf_option_table[i];
		char left[64];

		snprintf(left, sizeof(left), "%s%c%s--%s%s%s", doc->short_name ? "-" : "",
			 doc->short_name ? doc->short_name : ' ', doc->short_name ? ", " : "  ",
			 doc->option.name, doc->argument ? " " : "", doc->argument ? doc->argument : "");
		printf("  %-28s %s\n", doc->short_name ? left : left + 1, doc->help);
	}
}

int bootelf_options_parse(int argc, char **argv, struct bootelf_options *options)
{
	struct option long_options[BOOTELF_OPTION_COUNT + 1];
	int opt;
	size_t i;

	memset(options, 0, sizeof(*options));
	for (i = 0; i < BOOTELF_OPTION_COUNT; i++)
		long_options[i] = bootelf_option_table[i].option;
	memset(&long_options[BOOTELF_OPTION_COUNT], 0, sizeof(long_options[0]));

	while ((opt = getopt_long(argc, argv, "leh", long_options, NULL)) != -1) {
		switch (opt) {
		case BOOTELF_OPT_COMMAND_LINE:
			if (options->command_line) {
				return report_error(EXIT_BAD_INPUT, "--command-line (or --append) given twice");
			}
			options->command_line = optarg;
			break;
		case BOOTELF_OPT_REUSE_CMDLINE: options->reuse_cmdline = 1; break;
		case BOOTELF_OPT_REQUIRE_SIGNATURE:
			if (options->require_signature)
				return report_error(EXIT_BAD_INPUT, "--require-signature given twice");
			options->require_signature = optarg;
			break;
		case 'l': options->load = 1; break;
		case 'e': options->execute = 1; break;
		case BOOTELF_OPT_DRY_RUN: options->dry_run = 1; break;
		case BOOTELF_OPT_JSON: options->json = 1; break;
		case 'h': bootelf_options_help(); return -1;
		case BOOTELF_OPT_VERSION: printf("bootelf (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION); return -1;
		default:
			return report_error(EXIT_BAD_INPUT, "bad usage (see bootelf --help)");
		}
	}
	if (!options->load && !options->execute)
		options->load = options->execute = 1;
	if (options->command_line && options->reuse_cmdline) {
		return report_error(EXIT_BAD_INPUT, "--command-line and --reuse-cmdline exclude each other");
	}
	if (optind < argc)
		options->image = argv[optind++];
	if (optind < argc) {
		return report_error(EXIT_BAD_INPUT, "one image only ('%s' is extra)", argv[optind]);
	}
	if (options->load && !options->image) {
		return report_error(EXIT_BAD_INPUT, "no image given (see bootelf --help)");
	}
	if (!options->load && (options->image || options->dry_run)) {
		return report_error(EXIT_BAD_INPUT, "-e alone boots what is loaded: no image, no --dry-run");
	}
	return 0;
}
