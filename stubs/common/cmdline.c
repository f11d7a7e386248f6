/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The command line the kernel reads from /chosen/bootargs: the built-in text
 * from our parameters and the loader's (QEMU's -append, which it writes to
 * /chosen/bootargs of its device tree), joined by the policy mkelfimage
 * recorded (enum stub_cmdline_policy), as on x86 and Alpha. Shared by the
 * device-tree stubs. At most
 * COMMAND_LINE_SIZE - 1 characters; a longer one is cut.
 */
#include "fdtstub.h"

/* The kernel's COMMAND_LINE_SIZE - 1 as mkelfimage recorded it, within our buffer */
static uint32_t cmdline_max(void)
{
	uint32_t max = stub_params.cmdline_max;

	return max && max < FDT_STUB_CMDLINE_SIZE ? max : FDT_STUB_CMDLINE_SIZE - 1;
}

struct cmdline_out {
	char *text;
	uint32_t len;
};

static void cmdline_put(struct cmdline_out *out, const char *text, uint32_t len)
{
	uint32_t max = cmdline_max();

	if (len > max - out->len)
		len = max - out->len;
	memcpy(out->text + out->len, text, len);
	out->len += len;
}

uint32_t cmdline_build(char *text, const char *loader, uint32_t loader_len)
{
	struct cmdline_out out = { text, 0 };
	uint32_t builtin_len = stub_params.cmdline_len;

	if (builtin_len > cmdline_max())
		builtin_len = cmdline_max();
	switch (stub_params.cmdline_policy) {
	case STUB_CMDLINE_FIXED:
		cmdline_put(&out, stub_params.cmdline, builtin_len);
		break;
	case STUB_CMDLINE_REPLACE:
		if (loader_len)
			cmdline_put(&out, loader, loader_len);
		else
			cmdline_put(&out, stub_params.cmdline, builtin_len);
		break;
	default:   /* STUB_CMDLINE_APPEND */
		cmdline_put(&out, stub_params.cmdline, builtin_len);
		if (builtin_len && loader_len)
			cmdline_put(&out, " ", 1);
		cmdline_put(&out, loader, loader_len);
		break;
	}
	text[out.len] = '\0';
	return out.len;
}
