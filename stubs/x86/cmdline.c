/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel command line: the image's built-in text and the loader's text,
 * combined by the policy mkelfimage recorded (enum stub_cmdline_policy),
 * into a buffer of the stub's own. The result is never longer than
 * params->cmdline_max; a cut is reported on COM1 and the boot goes on.
 */
#include "stub.h"

/* What a loader puts before the arguments in a multiboot command line */
struct cmdline_loader {
	const char *name_prefix;       /* multiboot boot_loader_name starts with this */
	int drop_first_word;
};

static const struct cmdline_loader cmdline_loaders[] = {
	/* QEMU: "<-kernel path> <-append text>", a trailing space with no -append */
	{ "qemu", 1 },
	/* GRUB 2 passes only the arguments ("multiboot /boot.elf tok" gives "tok") */
	{ "GRUB", 0 },
	/* iPXE: the image URI first ("tftp://10.0.2.2/boot.elf tok") */
	{ "iPXE", 1 },
	/* kexec-tools multiboot-x86: the image name first */
	{ "kexec", 1 },
};

struct cmdline_text {
	const char *text;
	uint32_t len;
};

struct cmdline_out {
	char *buffer;
	uint32_t len;
	uint32_t max;                  /* without the NUL */
	int cut;
};

static char cmdline_buffer[STUB_CMDLINE_BUFFER];

static int cmdline_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The table entry whose name prefix the loader's name starts with, or NULL */
static const struct cmdline_loader *cmdline_find_loader(const struct boot_info *info)
{
	size_t index;

	if (info->loader_name == NULL)
		return NULL;
	for (index = 0; index < sizeof(cmdline_loaders) / sizeof(cmdline_loaders[0]); index++) {
		const char *prefix = cmdline_loaders[index].name_prefix;
		size_t prefix_len = strlen(prefix);

		if (info->loader_name_len >= prefix_len &&
		    memcmp(info->loader_name, prefix, prefix_len) == 0)
			return &cmdline_loaders[index];
	}
	return NULL;
}

/* The loader's arguments: its prefix removed, surrounding spaces trimmed */
static struct cmdline_text cmdline_loader_text(const struct boot_info *info)
{
	const struct cmdline_loader *loader = cmdline_find_loader(info);
	struct cmdline_text result = { "", 0 };
	const char *text = info->cmdline;
	uint32_t len = info->cmdline_len;

	if (text == NULL)
		return result;
	while (len && cmdline_is_space(*text))
		text++, len--;
	if (loader && loader->drop_first_word)
		while (len && !cmdline_is_space(*text))
			text++, len--;
	while (len && cmdline_is_space(*text))
		text++, len--;
	while (len && cmdline_is_space(text[len - 1]))
		len--;
	result.text = text;
	result.len = len;
	return result;
}

/* The image's text, as mkelfimage stored it (cmdline_addr is never 0) */
static struct cmdline_text cmdline_builtin_text(const struct stub_params *params)
{
	struct cmdline_text result = { "", 0 };
	uint32_t len = params->cmdline_len;

	if (params->cmdline_addr == 0)
		return result;
	if (len > STUB_CMDLINE_BUFFER - 1)
		len = STUB_CMDLINE_BUFFER - 1;
	result.text = (const char *)(uintptr_t)params->cmdline_addr;
	result.len = (uint32_t)strnlen(result.text, len);
	return result;
}

/* A separator only where a byte of what follows fits too: a cut never ends in it */
static int cmdline_put_separator(struct cmdline_out *out)
{
	if (out->max - out->len < 2) {
		out->cut = 1;
		return 0;
	}
	out->buffer[out->len++] = ' ';
	return 1;
}

static void cmdline_put(struct cmdline_out *out, const char *text, uint32_t len)
{
	uint32_t room = out->max - out->len;

	if (len > room) {
		len = room;
		out->cut = 1;
	}
	memcpy(out->buffer + out->len, text, len);
	out->len += len;
}

const char *cmdline_build(const struct stub_params *params, const struct boot_info *info)
{
	struct cmdline_text builtin = cmdline_builtin_text(params);
	struct cmdline_text loader = cmdline_loader_text(info);
	struct cmdline_out out = { cmdline_buffer, 0, params->cmdline_max, 0 };

	if (out.max > STUB_CMDLINE_BUFFER - 1)
		out.max = STUB_CMDLINE_BUFFER - 1;

	switch (params->cmdline_policy) {
	case STUB_CMDLINE_FIXED:
		cmdline_put(&out, builtin.text, builtin.len);
		break;
	case STUB_CMDLINE_REPLACE:
		if (loader.len)
			cmdline_put(&out, loader.text, loader.len);
		else
			cmdline_put(&out, builtin.text, builtin.len);
		break;
	case STUB_CMDLINE_APPEND:
	default:
		cmdline_put(&out, builtin.text, builtin.len);
		if (loader.len && (builtin.len == 0 || cmdline_put_separator(&out)))
			cmdline_put(&out, loader.text, loader.len);
		break;
	}
	out.buffer[out.len] = '\0';
	if (out.cut)
		console_line_u32("command line cut to ", out.len, " bytes");
	return out.buffer;
}
