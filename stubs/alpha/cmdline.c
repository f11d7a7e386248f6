/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The command line Linux/Alpha reads from PARAM: the built-in text from our
 * parameters and the loader's text found in PARAM (QEMU copies -append there;
 * aboot and MILO put theirs there), joined by the policy mkelfimage recorded
 * (enum stub_cmdline_policy). The result holds at most COMMAND_LINE_SIZE - 1
 * characters; a longer one is cut, as setup.c would cut it.
 */
#include "stub.h"

#define CMDLINE_MAX  (ALPHA_COMMAND_LINE_SIZE - 1)

struct cmdline_out {
	char text[ALPHA_COMMAND_LINE_SIZE];
	uint32_t len;
};

/*
 * The loader's text, or 0 characters when PARAM holds none: it must end
 * within COMMAND_LINE_SIZE and be printable, since on a machine whose loader
 * never writes PARAM the page holds whatever memory held.
 */
static uint32_t cmdline_loader_len(const struct alpha_param_page *page)
{
	uint32_t len;

	for (len = 0; len < ALPHA_COMMAND_LINE_SIZE; len++) {
		unsigned char c = (unsigned char)page->command_line[len];

		if (c == '\0')
			return len;
		if ((c < 0x20 || c > 0x7e) && c != '\t')
			return 0;
	}
	return 0;
}

static void cmdline_put(struct cmdline_out *out, const char *text, uint32_t len)
{
	if (len > CMDLINE_MAX - out->len)
		len = CMDLINE_MAX - out->len;
	memcpy(out->text + out->len, text, len);
	out->len += len;
}

void cmdline_build(struct alpha_param_page *page, const struct alpha_stub_params *params)
{
	struct cmdline_out out;
	uint32_t builtin_len = params->cmdline_len;
	uint32_t loader_len = cmdline_loader_len(page);

	memset(&out, 0, sizeof(out));
	if (builtin_len > CMDLINE_MAX)
		builtin_len = CMDLINE_MAX;
	switch (params->cmdline_policy) {
	case STUB_CMDLINE_FIXED:
		cmdline_put(&out, params->cmdline, builtin_len);
		break;
	case STUB_CMDLINE_REPLACE:
		if (loader_len)
			cmdline_put(&out, page->command_line, loader_len);
		else
			cmdline_put(&out, params->cmdline, builtin_len);
		break;
	default:   /* STUB_CMDLINE_APPEND */
		cmdline_put(&out, params->cmdline, builtin_len);
		if (builtin_len && loader_len)
			cmdline_put(&out, " ", 1);
		cmdline_put(&out, page->command_line, loader_len);
		break;
	}
	/* the whole field, so no byte of an older text survives after the NUL */
	memcpy(page->command_line, out.text, sizeof(out.text));
}
