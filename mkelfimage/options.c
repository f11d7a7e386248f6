/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One table describes every option: getopt_long's array and the --help text
 * are both made from it, so they cannot drift apart.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/stubparam.h"
#include "options.h"
#include "report.h"

enum option_id {
	OPT_KERNEL = 'k',
	OPT_INITRD = 'i',
	OPT_OUTPUT = 'o',
	OPT_VERBOSE = 'v',
	OPT_HELP = 'h',
	OPT_COMMAND_LINE = 256,
	OPT_APPEND,
	OPT_COMMAND_LINE_FILE,
	OPT_VERSION,
	OPT_MULTIBOOT,
	OPT_NO_MULTIBOOT,
	OPT_PVH,
	OPT_NO_PVH,
	OPT_ELF_NOTES,
	OPT_NO_ELF_NOTES,
	OPT_COMMAND_LINE_POLICY,
};

struct option_doc {
	const char *name;
	int id;
	int has_arg;
	const char *arg_name;
	const char *help;
};

static const struct option_doc option_table[] = {
	{ "kernel", OPT_KERNEL, required_argument, "FILE", "Linux x86 bzImage to boot" },
	{ "initrd", OPT_INITRD, required_argument, "FILE",
	  "initrd or initramfs; repeat to join several into one region" },
	{ "command-line", OPT_COMMAND_LINE, required_argument, "TEXT",
	  "built-in kernel command line" },
	{ "append", OPT_APPEND, required_argument, "TEXT", "alias of --command-line" },
	{ "command-line-file", OPT_COMMAND_LINE_FILE, required_argument, "FILE",
	  "read the built-in command line from FILE (one final newline dropped)" },
	{ "command-line-policy", OPT_COMMAND_LINE_POLICY, required_argument, "POLICY",
	  "append (default), fixed or replace: how a loader's text combines with the built-in one" },
	{ "multiboot", OPT_MULTIBOOT, no_argument, NULL, "carry the multiboot v1 header (default)" },
	{ "no-multiboot", OPT_NO_MULTIBOOT, no_argument, NULL,
	  "leave it out (QEMU -kernel then boots the image through PVH)" },
	{ "pvh", OPT_PVH, no_argument, NULL, "carry the Xen PVH entry note (default)" },
	{ "no-pvh", OPT_NO_PVH, no_argument, NULL, "leave it out" },
	{ "elf-notes", OPT_ELF_NOTES, no_argument, NULL,
	  "carry the ELFBoot notes: name, version, checksum (default)" },
	{ "no-elf-notes", OPT_NO_ELF_NOTES, no_argument, NULL, "leave them out" },
	{ "output", OPT_OUTPUT, required_argument, "FILE", "ELF image to write" },
	{ "verbose", OPT_VERBOSE, no_argument, NULL, "print the memory plan" },
	{ "help", OPT_HELP, no_argument, NULL, "print this help and exit" },
	{ "version", OPT_VERSION, no_argument, NULL, "print the version and exit" },
};
#define OPTION_COUNT (sizeof(option_table) / sizeof(option_table[0]))

static void print_help(void)
{
	size_t i;

	printf("Usage: mkelfimage --kernel FILE [--initrd FILE]... [--command-line TEXT] -o FILE\n"
	       "Build one ELF image from a Linux kernel, initrds and a command line;\n"
	       "it boots from multiboot loaders such as QEMU -kernel and GRUB.\n\n"
	       "Options:\n");
	for (i = 0; i < OPTION_COUNT; i++) {
		const struct option_doc *doc = &option_table[i];
		char left[48];

		if (doc->id < 256)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", doc->id, doc->name,
				 doc->arg_name ? " " : "", doc->arg_name ? doc->arg_name : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", doc->name,
				 doc->arg_name ? " " : "", doc->arg_name ? doc->arg_name : "");
		printf("  %-30s %s\n", left, doc->help);
	}
	printf("\nExit status: 0 success, 1 bad input or usage, 2 I/O or system error.\n");
}

static void build_getopt_tables(struct option *longopts, char *shortopts)
{
	size_t i;

	for (i = 0; i < OPTION_COUNT; i++) {
		longopts[i] = (struct option){ option_table[i].name, option_table[i].has_arg,
					       NULL, option_table[i].id };
		if (option_table[i].id < 256) {
			*shortopts++ = (char)option_table[i].id;
			if (option_table[i].has_arg == required_argument)
				*shortopts++ = ':';
		}
	}
	longopts[OPTION_COUNT] = (struct option){ NULL, 0, NULL, 0 };
	*shortopts = '\0';
}

static int set_once(const char **slot, const char *value, const char *name)
{
	if (*slot) {
		report_error(EXIT_BAD_INPUT, "%s given twice", name);
		return -1;
	}
	*slot = value;
	return 0;
}

static int add_initrd(struct image_spec *spec, const char *path)
{
	const char **grown = realloc(spec->initrd_paths,
				     (spec->initrd_count + 1) * sizeof(*grown));

	if (!grown) {
		report_error(EXIT_IO, "out of memory");
		return -1;
	}
	spec->initrd_paths = grown;
	spec->initrd_paths[spec->initrd_count++] = path;
	return 0;
}

/* The built-in command line comes from exactly one of three options. */
static int set_cmdline_source(struct image_spec *spec, int id, const char *arg,
			      const char **cmdline_source)
{
	const char *name = id == OPT_APPEND ? "append"
		: id == OPT_COMMAND_LINE ? "command-line" : "command-line-file";

	if (*cmdline_source) {
		if (id == OPT_COMMAND_LINE_FILE || !strcmp(*cmdline_source, "command-line-file"))
			report_error(EXIT_BAD_INPUT, "--%s given after --%s: give the command line once",
				     name, *cmdline_source);
		else
			report_error(EXIT_BAD_INPUT,
				     "--%s given after --%s: --append is an alias of --command-line, give one",
				     name, *cmdline_source);
		return -1;
	}
	*cmdline_source = name;
	if (id == OPT_COMMAND_LINE_FILE)
		spec->cmdline_file = arg;
	else
		spec->cmdline = arg;
	return 0;
}

/* --[no-]multiboot, --[no-]pvh, --[no-]elf-notes: the last one given wins */
static void set_header(struct image_spec *spec, int id)
{
	unsigned bit = id == OPT_MULTIBOOT || id == OPT_NO_MULTIBOOT ? IMAGE_HEADER_MULTIBOOT
		: id == OPT_PVH || id == OPT_NO_PVH ? IMAGE_HEADER_PVH : IMAGE_HEADER_ELF_NOTES;

	if (id == OPT_MULTIBOOT || id == OPT_PVH || id == OPT_ELF_NOTES)
		spec->headers |= bit;
	else
		spec->headers &= ~bit;
}

static int set_cmdline_policy(struct image_spec *spec, const char *arg)
{
	static const struct { const char *name; uint32_t policy; } policies[] = {
		{ "append", STUB_CMDLINE_APPEND },
		{ "fixed", STUB_CMDLINE_FIXED },
		{ "replace", STUB_CMDLINE_REPLACE },
	};
	size_t i;

	for (i = 0; i < sizeof(policies) / sizeof(policies[0]); i++)
		if (strcmp(arg, policies[i].name) == 0) {
			spec->cmdline_policy = policies[i].policy;
			return 0;
		}
	report_error(EXIT_BAD_INPUT, "--command-line-policy '%s': use append, fixed or replace", arg);
	return -1;
}

/* Apply one parsed option; -1 on a usage error (already reported). */
static int apply_option(struct image_spec *spec, int id, const char *arg,
			const char **cmdline_source)
{
	switch (id) {
	case OPT_KERNEL:
		return set_once(&spec->kernel_path, arg, "--kernel");
	case OPT_INITRD:
		return add_initrd(spec, arg);
	case OPT_OUTPUT:
		return set_once(&spec->output_path, arg, "--output");
	case OPT_VERBOSE:
		spec->verbose++;
		return 0;
	case OPT_MULTIBOOT:
	case OPT_NO_MULTIBOOT:
	case OPT_PVH:
	case OPT_NO_PVH:
	case OPT_ELF_NOTES:
	case OPT_NO_ELF_NOTES:
		set_header(spec, id);
		return 0;
	case OPT_COMMAND_LINE_POLICY:
		return set_cmdline_policy(spec, arg);
	case OPT_COMMAND_LINE:
	case OPT_APPEND:
	case OPT_COMMAND_LINE_FILE:
		return set_cmdline_source(spec, id, arg, cmdline_source);
	default:
		return -1;
	}
}

/* getopt_long found an unknown option or a missing argument. */
static void report_usage_error(int id, const char *word)
{
	char short_name[3] = { '-', (char)optopt, '\0' };

	/* For an unknown short option inside a group ("-xk"), name just the letter. */
	if (id == '?' && optopt && word[1] != '-')
		word = short_name;
	report_error(EXIT_BAD_INPUT, "%s '%s'; try 'mkelfimage --help'",
		     id == ':' ? "missing argument for" : "unknown option", word);
}

enum options_result options_parse(int argc, char **argv, struct image_spec *spec)
{
	struct option longopts[OPTION_COUNT + 1];
	char shortopts[2 * OPTION_COUNT + 2];
	const char *cmdline_source = NULL;
	int id;

	memset(spec, 0, sizeof(*spec));
	spec->headers = IMAGE_HEADERS_DEFAULT;
	spec->cmdline_policy = STUB_CMDLINE_APPEND;
	build_getopt_tables(longopts, shortopts + 1);
	shortopts[0] = ':';   /* report a missing argument ourselves */
	opterr = 0;
	while ((id = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		if (id == OPT_HELP) {
			print_help();
			return OPTIONS_DONE;
		}
		if (id == OPT_VERSION) {
			printf("mkelfimage %s\n", PACKAGE_VERSION);
			return OPTIONS_DONE;
		}
		if (id == '?' || id == ':') {
			report_usage_error(id, argv[optind - 1]);
			return OPTIONS_ERROR;
		}
		if (apply_option(spec, id, optarg, &cmdline_source) < 0)
			return OPTIONS_ERROR;
	}
	if (optind < argc) {
		report_error(EXIT_BAD_INPUT, "unexpected argument '%s'; try 'mkelfimage --help'",
			     argv[optind]);
		return OPTIONS_ERROR;
	}
	if (!spec->kernel_path) {
		report_error(EXIT_BAD_INPUT, "no kernel given (--kernel FILE)");
		return OPTIONS_ERROR;
	}
	if (!spec->output_path) {
		report_error(EXIT_BAD_INPUT, "no output given (-o FILE)");
		return OPTIONS_ERROR;
	}
	return OPTIONS_BUILD;
}

void options_free(struct image_spec *spec)
{
	free(spec->initrd_paths);
	spec->initrd_paths = NULL;
	spec->initrd_count = 0;
}
