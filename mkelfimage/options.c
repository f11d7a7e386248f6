/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One table describes every option: getopt_long's array and the --help text
 * are both made from it, so they cannot drift apart.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/stubparam.h"
#include "arch.h"
#include "initrdprep.h"
#include "options.h"
#include "output.h"
#include "common/report.h"
#include "signer.h"
#include "template.h"

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
	OPT_PLAN,
	OPT_DRY_RUN,
	OPT_MANIFEST,
	OPT_TEMPLATE,
	OPT_MAX_SIZE,
	OPT_COMPRESS_INITRD,
	OPT_ARCH,
	OPT_VERIFY_AT_BOOT,
	OPT_BOOT_LOG,
	OPT_DIGESTS,
	OPT_INITRD_PLACEMENT,
	OPT_ELF_CLASS,
	OPT_SYNC,
	OPT_MULTIBOOT2,
	OPT_NO_MULTIBOOT2,
	OPT_DTB,
	OPT_SIGN_KEY,
	OPT_SIGN_CERT,
	OPT_SIGN_PASS,
	OPT_DETACHED_SIGNATURE,
	OPT_NO_EMBEDDED_SIGNATURE,
	OPT_JSON,
	OPT_MANIFEST_BASE,
	OPT_KERNEL_CONFIG,
};

struct option_doc {
	const char *name;
	int id;
	int has_arg;
	const char *arg_name;
	const char *help;
};

static const struct option_doc option_table[] = {
	{ "kernel", OPT_KERNEL, required_argument, "FILE",
	  "the kernel: an x86 bzImage or vmlinux (PVH), an arm64 or riscv64 Image, an Alpha vmlinux" },
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
	{ "multiboot2", OPT_MULTIBOOT2, no_argument, NULL,
	  "carry the multiboot2 header: GRUB `multiboot2`, with the EFI handoff on UEFI (default)" },
	{ "no-multiboot2", OPT_NO_MULTIBOOT2, no_argument, NULL, "leave it out" },
	{ "pvh", OPT_PVH, no_argument, NULL, "carry the Xen PVH entry note (default)" },
	{ "no-pvh", OPT_NO_PVH, no_argument, NULL, "leave it out" },
	{ "elf-notes", OPT_ELF_NOTES, no_argument, NULL,
	  "carry the ELFBoot notes: name, version, checksum (default)" },
	{ "no-elf-notes", OPT_NO_ELF_NOTES, no_argument, NULL, "leave them out" },
	{ "verify-at-boot", OPT_VERIFY_AT_BOOT, no_argument, NULL,
	  "the stub checks the SHA-256 of kernel, initrd and command line before the kernel runs (implies --digests)" },
	{ "boot-log", OPT_BOOT_LOG, no_argument, NULL,
	  "x86: the stub says on COM1 which loader it found and why, where each piece of boot information came from, and where it enters the kernel (or put mkelfimage.log on the command line at boot)" },
	{ "digests", OPT_DIGESTS, no_argument, NULL,
	  "record the SHA-256 of each input in the image, for inspect and extract to check (about doubles the build time)" },
	{ "initrd-placement", OPT_INITRD_PLACEMENT, required_argument, "WHERE",
	  "planned (default: just above the stub) or high (moved at boot to the top of RAM)" },
	{ "arch", OPT_ARCH, required_argument, "ARCH",
	  "x86 (default: a bzImage, ELF32 image), alpha (a vmlinux), arm64 or riscv64 (an Image; ELF64 images)" },
	{ "elf-class", OPT_ELF_CLASS, required_argument, "BITS",
	  "32 (default for x86) or 64: ELF64 EM_X86_64 for PVH VMMs that load only ELF64; no multiboot headers" },
	{ "dtb", OPT_DTB, required_argument, "FILE",
	  "arm64, riscv64: a device tree the image carries, for loaders that hand none" },
	{ "output", OPT_OUTPUT, required_argument, "FILE", "ELF image to write (- for standard output)" },
	{ "verbose", OPT_VERBOSE, no_argument, NULL, "print the memory plan" },
	{ "plan", OPT_PLAN, no_argument, NULL,
	  "print the memory plan and every rule checked; write nothing" },
	{ "dry-run", OPT_DRY_RUN, no_argument, NULL, "alias of --plan" },
	{ "json", OPT_JSON, no_argument, NULL,
	  "with --plan: print the plan and its rules as JSON (schema mkelfimage-plan/1)" },
	{ "manifest", OPT_MANIFEST, required_argument, "FILE",
	  "also write a JSON manifest: digests, segments, boot fields (- for standard output)" },
	{ "manifest-base", OPT_MANIFEST_BASE, required_argument, "DIR",
	  "write the manifest's paths relative to DIR (else normalised as given)" },
	{ "sync", OPT_SYNC, no_argument, NULL,
	  "write durably: fsync the image and manifest before renaming them, their directory after" },
	{ "template", OPT_TEMPLATE, required_argument, "FILE",
	  "read options from a YAML template; command-line options override it" },
	{ "max-size", OPT_MAX_SIZE, required_argument, "SIZE",
	  "fail, writing nothing, if the image is larger (bytes, or K, M, G: KiB, MiB, GiB)" },
	{ "compress-initrd", OPT_COMPRESS_INITRD, required_argument, "KIND",
	  "xz (CRC32 check), gzip, zstd or none: recompress each initrd (gzip, xz, zstd, lz4 decoded)" },
	{ "sign-key", OPT_SIGN_KEY, required_argument, "FILE",
	  "sign the image with this PEM private key, RSA or EC P-256" },
	{ "sign-cert", OPT_SIGN_CERT, required_argument, "FILE", "the key's PEM certificate, carried in the signature" },
	{ "sign-pass", OPT_SIGN_PASS, required_argument, "SOURCE",
	  "passphrase of an encrypted key: pass:TEXT, env:VAR, file:PATH, fd:N or stdin" },
	{ "detached-signature", OPT_DETACHED_SIGNATURE, required_argument, "FILE",
	  "also write a detached DER CMS signature of the whole image (iPXE imgverify)" },
	{ "no-embedded-signature", OPT_NO_EMBEDDED_SIGNATURE, no_argument, NULL,
	  "only the detached signature: the image carries none" },
	{ "kernel-config", OPT_KERNEL_CONFIG, required_argument, "FILE",
	  "the kernel's .config (/boot/config-VERSION, or ikconfig: its own): warn about an initrd it cannot unpack" },
	{ "help", OPT_HELP, no_argument, NULL, "print this help and exit" },
	{ "version", OPT_VERSION, no_argument, NULL, "print the version and exit" },
};
#define OPTION_COUNT (sizeof(option_table) / sizeof(option_table[0]))

static void print_help(void)
{
	size_t i;

	printf("Usage: mkelfimage --kernel FILE [--initrd FILE]... [--command-line TEXT] -o FILE\n"
	       "       mkelfimage inspect IMAGE [--json]\n"
	       "       mkelfimage extract IMAGE [--kernel FILE] [--initrd FILE]... [--command-line-file FILE]\n"
	       "       mkelfimage replace-initrd IMAGE FILE... [SIGNING]\n"
	       "       mkelfimage set-command-line IMAGE TEXT [SIGNING]\n"
	       "       mkelfimage sign IMAGE --sign-key FILE --sign-cert FILE [--sign-pass SOURCE]\n"
	       "                  [--detached-signature FILE [--no-embedded-signature]]\n"
	       "       mkelfimage verify IMAGE --ca FILE|DIR [--cert FILE] [--detached-signature FILE]\n"
	       "  SIGNING: --sign-key FILE --sign-cert FILE [--sign-pass SOURCE], or --remove-signature\n"
	       "Build one ELF image from a Linux kernel (bzImage, vmlinux or Image), initrds and a\n"
	       "command line; it boots from ELF loaders such as QEMU -kernel, GRUB, iPXE and U-Boot.\n\n"
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
		report_print("%s given twice", name);
		return -1;
	}
	*slot = value;
	return 0;
}

/* -o and --manifest: a file name, or - for standard output; never empty */
static int set_output(const char **slot, const char *value, const char *name)
{
	if (value && !*value) {
		report_print("%s '': an empty file name (give a file, or - for standard output)", name);
		return -1;
	}
	return set_once(slot, value, name);
}

static int add_initrd(struct image_spec *spec, const char *path)
{
	const char **grown = realloc(spec->initrd_paths,
				     (spec->initrd_count + 1) * sizeof(*grown));

	if (!grown) {
		report_print("out of memory");
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
			report_print("--%s given after --%s: give the command line once",
				     name, *cmdline_source);
		else
			report_print("--%s given after --%s: --append is an alias of --command-line, give one",
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

/* --[no-]multiboot, --[no-]multiboot2, --[no-]pvh, --[no-]elf-notes: the last one given wins */
static void set_header(struct image_spec *spec, int id)
{
	unsigned bit = id == OPT_MULTIBOOT || id == OPT_NO_MULTIBOOT ? IMAGE_HEADER_MULTIBOOT
		: id == OPT_MULTIBOOT2 || id == OPT_NO_MULTIBOOT2 ? IMAGE_HEADER_MULTIBOOT2
		: id == OPT_PVH || id == OPT_NO_PVH ? IMAGE_HEADER_PVH : IMAGE_HEADER_ELF_NOTES;

	if (bit == IMAGE_HEADER_MULTIBOOT)
		spec->multiboot_asked = id == OPT_MULTIBOOT;
	if (bit == IMAGE_HEADER_MULTIBOOT2)
		spec->multiboot2_asked = id == OPT_MULTIBOOT2;
	if (id == OPT_MULTIBOOT || id == OPT_MULTIBOOT2 || id == OPT_PVH || id == OPT_ELF_NOTES) {
		spec->headers |= bit;
		spec->headers_asked |= bit;
	} else {
		spec->headers &= ~bit;
		spec->headers_asked &= ~bit;
	}
}

/* One word of a fixed list, for the options that name a choice. */
struct choice {
	const char *name;
	unsigned value;
};

/* The value of the choice named `arg`; else one line listing the choices, -1. */
static int pick_choice(const char *option, const char *arg, const struct choice *choices, size_t count,
		       unsigned *value)
{
	char list[128] = "";
	size_t i;

	for (i = 0; arg && i < count; i++)
		if (!strcmp(arg, choices[i].name)) {
			*value = choices[i].value;
			return 0;
		}
	for (i = 0; i < count; i++) {
		strncat(list, i == 0 ? "" : i + 1 == count ? " or " : ", ", sizeof(list) - strlen(list) - 1);
		strncat(list, choices[i].name, sizeof(list) - strlen(list) - 1);
	}
	report_print("%s '%s': use %s", option, arg ? arg : "", list);
	return -1;
}

#define PICK(option, arg, choices, value) \
	pick_choice(option, arg, choices, sizeof(choices) / sizeof(choices[0]), value)

static const struct choice cmdline_policies[] = {
	{ "append", STUB_CMDLINE_APPEND },
	{ "fixed", STUB_CMDLINE_FIXED },
	{ "replace", STUB_CMDLINE_REPLACE },
};

static const struct choice initrd_compressions[] = {
	{ "xz", INITRD_COMPRESS_XZ },
	{ "gzip", INITRD_COMPRESS_GZIP },
	{ "zstd", INITRD_COMPRESS_ZSTD },
	{ "none", INITRD_COMPRESS_NONE },
};

static const struct choice initrd_placements[] = {
	{ "planned", STUB_INITRD_PLANNED },
	{ "high", STUB_INITRD_HIGH },
};

static const struct choice elf_classes[] = {
	{ "32", 32 },
	{ "64", 64 },
};

/* --max-size: a byte count, decimal or 0x hex, with an optional K, M or G (powers of 1024) */
static int set_max_size(struct image_spec *spec, const char *arg)
{
	static const char units[] = "KMG";
	unsigned long long value;
	const char *unit;
	char *end;

	int hex = arg && arg[0] == '0' && (arg[1] == 'x' || arg[1] == 'X');

	/* digits first: strtoull would also take a sign, spaces, and 010 as octal */
	if (!arg || !isxdigit((unsigned char)arg[hex ? 2 : 0]) || (!hex && !isdigit((unsigned char)arg[0])))
		goto bad;
	errno = 0;
	value = strtoull(arg, &end, hex ? 16 : 10);
	if (errno)
		goto bad;
	if (*end) {
		unit = strchr(units, *end);
		if (!unit || end[1] || value > (UINT64_MAX >> (10 * (unit - units + 1))))
			goto bad;
		value <<= 10 * (unit - units + 1);
	}
	if (value == 0)
		goto bad;
	spec->max_size = value;
	return 0;
bad:
	report_print("--max-size '%s': not a size in bytes (like 1048576, 0x100000, 512K, 8M)", arg ? arg : "");
	return -1;
}

/*
 * --elf-class against --arch: the arch's default, or a class it offers.
 * ELF64 leaves the multiboot headers out (arch_x86.c says why; asking for
 * both is its error).
 */
static int check_elf_class(struct image_spec *spec)
{
	const struct arch *arch = arch_find(spec->arch);

	if (!spec->elf_class) {
		spec->elf_class = arch->default_elf_class;
	} else if (!(arch->elf_classes & (spec->elf_class == 64 ? ARCH_ELF64 : ARCH_ELF32))) {
		report_print("--elf-class %u: an %s image is ELF%u (use %u or leave it out)",
			     spec->elf_class, arch->title, arch->default_elf_class, arch->default_elf_class);
		return -1;
	}
	if (spec->elf_class == 64)
		spec->headers &= ~(IMAGE_HEADER_MULTIBOOT | IMAGE_HEADER_MULTIBOOT2);
	return 0;
}

/* --arch: a row of the arch table (arches.c) */
static int set_arch(struct image_spec *spec, const char *arg)
{
	const struct arch *arch = arg ? arch_find_name(arg) : NULL;
	char list[128];

	if (arch) {
		spec->arch = arch->id;
		return 0;
	}
	arch_name_list(list, sizeof(list));
	report_print("--arch '%s': use %s", arg ? arg : "", list);
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
		return set_output(&spec->output_path, arg, "--output");
	case OPT_VERBOSE:
		spec->verbose++;
		return 0;
	case OPT_MULTIBOOT:
	case OPT_NO_MULTIBOOT:
	case OPT_MULTIBOOT2:
	case OPT_NO_MULTIBOOT2:
	case OPT_PVH:
	case OPT_NO_PVH:
	case OPT_ELF_NOTES:
	case OPT_NO_ELF_NOTES:
		set_header(spec, id);
		return 0;
	case OPT_COMMAND_LINE_POLICY:
		return PICK("--command-line-policy", arg, cmdline_policies, &spec->cmdline_policy);
	case OPT_PLAN:
	case OPT_DRY_RUN:
		spec->plan_only = 1;
		return 0;
	case OPT_MANIFEST:
		return set_output(&spec->manifest_path, arg, "--manifest");
	case OPT_SYNC:
		spec->output_flags |= OUTPUT_DURABLE;
		return 0;
	case OPT_TEMPLATE:
		return set_once(&spec->template_path, arg, "--template");
	case OPT_MAX_SIZE:
		return set_max_size(spec, arg);
	case OPT_COMPRESS_INITRD:
		return PICK("--compress-initrd", arg, initrd_compressions, &spec->compress_initrd);
	case OPT_ARCH:
		return set_arch(spec, arg);
	case OPT_ELF_CLASS:
		return PICK("--elf-class", arg, elf_classes, &spec->elf_class);
	case OPT_VERIFY_AT_BOOT:
		spec->verify_at_boot = 1;
		return 0;
	case OPT_BOOT_LOG:
		spec->boot_log = 1;
		return 0;
	case OPT_DIGESTS:
		spec->digests = 1;
		return 0;
	case OPT_DTB:
		return set_once(&spec->dtb_path, arg, "--dtb");
	case OPT_SIGN_KEY:
		return set_once(&spec->sign.key_path, arg, "--sign-key");
	case OPT_SIGN_CERT:
		return set_once(&spec->sign.cert_path, arg, "--sign-cert");
	case OPT_SIGN_PASS:
		return set_once(&spec->sign.pass, arg, "--sign-pass");
	case OPT_DETACHED_SIGNATURE:
		return set_output(&spec->sign.detached_path, arg, "--detached-signature");
	case OPT_NO_EMBEDDED_SIGNATURE:
		spec->sign.no_embedded = 1;
		return 0;
	case OPT_JSON:
		spec->plan_json = 1;
		return 0;
	case OPT_KERNEL_CONFIG:
		return set_once(&spec->kernel_config, arg, "--kernel-config");
	case OPT_MANIFEST_BASE:
		return set_once(&spec->manifest_base, arg, "--manifest-base");
	case OPT_INITRD_PLACEMENT:
		return PICK("--initrd-placement", arg, initrd_placements, &spec->initrd_placement);
	case OPT_COMMAND_LINE:
	case OPT_APPEND:
	case OPT_COMMAND_LINE_FILE:
		return set_cmdline_source(spec, id, arg, cmdline_source);
	default:
		return -1;
	}
}

/* getopt_long found an unknown option or a missing argument. */
/*
 * Options that set the same thing form a group: "no-X" belongs to "X", the
 * command line's three sources to "command-line", "dry-run" to "plan". A
 * template value is used only when the command line gave nothing in its group.
 */
static const char *option_group(const struct option_doc *doc)
{
	if (doc->id == OPT_APPEND || doc->id == OPT_COMMAND_LINE_FILE)
		return "command-line";
	if (doc->id == OPT_DRY_RUN)
		return "plan";
	return strncmp(doc->name, "no-", 3) == 0 ? doc->name + 3 : doc->name;
}

static const struct option_doc *find_option(const char *name)
{
	size_t i;

	for (i = 0; i < OPTION_COUNT; i++)
		if (!strcmp(option_table[i].name, name))
			return &option_table[i];
	return NULL;
}

static int group_given(const char *group, const unsigned char *given)
{
	size_t i;

	for (i = 0; i < OPTION_COUNT; i++)
		if (given[i] && !strcmp(option_group(&option_table[i]), group))
			return 1;
	return 0;
}

/*
 * One template key: a flag takes true or false ("multiboot: false" means
 * --no-multiboot); an option with an argument takes a scalar, and --initrd
 * also a sequence. A FILE argument is relative to the template's directory.
 */
static int apply_template_entry(struct image_spec *spec, struct template_entry *entry,
				const unsigned char *given, const char **cmdline_source)
{
	const struct option_doc *doc = find_option(entry->key);
	struct template *template = spec->template;
	size_t i;

	if (!doc || doc->id == OPT_HELP || doc->id == OPT_VERSION || doc->id == OPT_TEMPLATE)
		return template_error(template, entry->line, entry->column,
				      "unknown key '%s': keys are long option names (mkelfimage --help)", entry->key);
	if (doc->has_arg == no_argument) {
		const struct template_value *value = entry->values;
		char negated[64];

		if (entry->kind != TEMPLATE_SCALAR || !value->plain ||
		    (strcmp(value->text, "true") && strcmp(value->text, "false")))
			return template_error(template, entry->kind == TEMPLATE_SCALAR ? value->line : entry->line,
					      entry->kind == TEMPLATE_SCALAR ? value->column : entry->column,
					      "key '%s' is a flag: true or false, found %s%s%s%s", entry->key,
					      template_kind_name(entry->kind), entry->kind == TEMPLATE_SCALAR ? " '" : "",
					      entry->kind == TEMPLATE_SCALAR ? value->text : "",
					      entry->kind == TEMPLATE_SCALAR ? "'" : "");
		if (group_given(option_group(doc), given))
			return 0;
		snprintf(negated, sizeof(negated), "no-%s", doc->name);
		if (!strcmp(value->text, "true"))
			return apply_option(spec, doc->id, NULL, cmdline_source);
		return find_option(negated) ? apply_option(spec, find_option(negated)->id, NULL, cmdline_source) : 0;
	}
	if (entry->kind == TEMPLATE_MAPPING || (entry->kind == TEMPLATE_SEQUENCE && doc->id != OPT_INITRD))
		return template_error(template, entry->line, entry->column, "key '%s' takes %s, found %s",
				      entry->key, doc->id == OPT_INITRD ? "a scalar or a sequence" : "a scalar",
				      template_kind_name(entry->kind));
	if (group_given(option_group(doc), given))
		return 0;
	for (i = 0; i < entry->value_count; i++) {
		struct template_value *value = &entry->values[i];

		if (value->plain && (!value->text[0] || !strcmp(value->text, "~") || !strcmp(value->text, "null")))
			return template_error(template, value->line, value->column, "key '%s' needs a value (%s)",
					      entry->key, doc->arg_name);
		/* "-" for -o and --manifest is standard output, not a file beside the template */
		if (doc->arg_name && !strcmp(doc->arg_name, "FILE") &&
		    !((doc->id == OPT_OUTPUT || doc->id == OPT_MANIFEST) && output_is_stdout(value->text)) &&
		    template_resolve_path(template, entry, i) != EXIT_OK)
			return -1;
		if (apply_option(spec, doc->id, value->text, cmdline_source) < 0)
			return template_error(template, value->line, value->column, "in key '%s'", entry->key);
	}
	return 0;
}

static int apply_template(struct image_spec *spec, const unsigned char *given, const char **cmdline_source)
{
	size_t i;

	spec->template = calloc(1, sizeof(*spec->template));
	if (!spec->template) {
		report_print("out of memory");
		return -1;
	}
	if (template_load(spec->template_path, spec->template) != EXIT_OK)
		return -1;
	for (i = 0; i < spec->template->count; i++)
		if (apply_template_entry(spec, &spec->template->entries[i], given, cmdline_source) != 0)
			return -1;
	return 0;
}

static void report_usage_error(int id, const char *word)
{
	char short_name[3] = { '-', (char)optopt, '\0' };

	/* For an unknown short option inside a group ("-xk"), name just the letter. */
	if (id == '?' && optopt && word[1] != '-')
		word = short_name;
	report_print("%s '%s'; try 'mkelfimage --help'",
		     id == ':' ? "missing argument for" : "unknown option", word);
}

enum options_result options_parse(int argc, char **argv, struct image_spec *spec)
{
	struct option longopts[OPTION_COUNT + 1];
	char shortopts[2 * OPTION_COUNT + 2];
	const char *cmdline_source = NULL;
	unsigned char given[OPTION_COUNT] = { 0 };   /* on the command line, for --template */
	size_t i;
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
		for (i = 0; i < OPTION_COUNT && option_table[i].id != id; i++)
			;
		/* an option with one value takes it once (--initrd adds one each time) */
		if (i < OPTION_COUNT && given[i] && option_table[i].has_arg != no_argument &&
		    id != OPT_INITRD) {
			report_print("--%s given twice; give it once", option_table[i].name);
			return OPTIONS_ERROR;
		}
		if (apply_option(spec, id, optarg, &cmdline_source) < 0)
			return OPTIONS_ERROR;
		if (i < OPTION_COUNT)
			given[i] = 1;
	}
	if (optind < argc) {
		report_print("unexpected argument '%s'; try 'mkelfimage --help'",
			     argv[optind]);
		return OPTIONS_ERROR;
	}
	if (spec->template_path && apply_template(spec, given, &cmdline_source) < 0)
		return OPTIONS_ERROR;
	if (check_elf_class(spec) < 0)
		return OPTIONS_ERROR;
	if (spec->dtb_path && !arch_find(spec->arch)->device_tree) {
		report_print("--dtb is for the device-tree arches (arm64, riscv64): %s loaders take no device tree from the image",
			     arch_find(spec->arch)->title);
		return OPTIONS_ERROR;
	}
	if (signer_check_options(&spec->sign) != EXIT_OK)
		return OPTIONS_ERROR;
	if (!spec->kernel_path) {
		report_print("no kernel given (--kernel FILE)");
		return OPTIONS_ERROR;
	}
	if (spec->manifest_base && !spec->manifest_path) {
		report_print("--manifest-base goes with --manifest FILE");
		return OPTIONS_ERROR;
	}
	if (spec->plan_json && !spec->plan_only) {
		report_print("--json goes with --plan (a build's facts are in --manifest)");
		return OPTIONS_ERROR;
	}
	if (spec->plan_only && spec->manifest_path) {
		report_print("--manifest describes a written image; --plan writes nothing");
		return OPTIONS_ERROR;
	}
	if (!spec->output_path && !spec->plan_only) {
		report_print("no output given (-o FILE)");
		return OPTIONS_ERROR;
	}
	return OPTIONS_BUILD;
}

void options_free(struct image_spec *spec)
{
	free(spec->initrd_paths);
	spec->initrd_paths = NULL;
	spec->initrd_count = 0;
	if (spec->template) {
		template_free(spec->template);
		free(spec->template);
		spec->template = NULL;
	}
}
