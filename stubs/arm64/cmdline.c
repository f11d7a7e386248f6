/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The command line the kernel reads from /chosen/bootargs: the built-in text
 * from our parameters and the loader's (QEMU's -append, which it writes to
 * /chosen/bootargs of its device tree), joined by the policy mkelfimage
 * recorded (enum stub_cmdline_policy), as on x86 and Alpha. At most
 * COMMAND_LINE_SIZE - 1 characters; a longer one is cut.
 */
#include "stub.h"

#define CMDLINE_MAX  (ARM64_COMMAND_LINE_SIZE - 1)

struct cmdline_out {
	char *text;
	uint32_t len;
};

static void cmdline_put(struct cmdline_out *out, const char *text, uint32_t len)
{
	if (len > CMDLINE_MAX - out->len)
		len = CMDLINE_MAX - out->len;
	memcpy(out->text + out->len, text, len);
	out->len += len;
}

uint32_t cmdline_build(char *text, const char *loader, uint32_t loader_len)
{
	struct cmdline_out out = { text, 0 };
	uint32_t builtin_len = stub_params.cmdline_len;

	if (builtin_len > CMDLINE_MAX)
		builtin_len = CMDLINE_MAX;
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
