/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bootelf's command line: one option table, used for getopt and --help. */
#ifndef LOADER_BOOTELF_OPTIONS_H
#define LOADER_BOOTELF_OPTIONS_H

struct bootelf_options {
	const char *image;          /* NULL with -e alone */
	const char *command_line;   /* --command-line TEXT, or NULL */
	int reuse_cmdline;          /* --reuse-cmdline: the running kernel's /proc/cmdline */
	int load;                   /* -l (or neither -l nor -e) */
	int execute;                /* -e (or neither) */
	int dry_run;
	int json;
	const char *require_signature; /* --require-signature CA, or NULL (the policy file may set it) */
};

/* 0: run; 1: bad usage (message printed); -1: --help or --version printed, exit 0. */
int bootelf_options_parse(int argc, char **argv, struct bootelf_options *options);

#endif
