/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Alpha stub, top to bottom as the Linux/Alpha boot protocol
 * (formats/alpha.h): check our parameters, write the command line and the
 * initrd fields into PARAM, hand back the kernel entry.
 *
 * The code uses no global variable: entry.S passes the parameter block, so
 * nothing needs a GOT or a relocation wherever the stub is loaded.
 */
#include "stub.h"

/* A block mkelfimage did not fill cannot be trusted: stop here. */
static void check_params(const struct alpha_stub_params *params)
{
	if (params->magic != ALPHA_STUB_PARAMS_MAGIC || params->version != ALPHA_STUB_PARAMS_VERSION ||
	    params->size < sizeof(*params) || params->param_page == 0 || params->kernel_entry == 0)
		for (;;)
			__asm__ volatile("call_pal 0" ::: "memory");   /* PAL_halt */
}

/* setup.c reads INITRD_START/INITRD_SIZE; 0 means none (a loader may have left junk). */
static void set_initrd(struct alpha_param_page *page, const struct alpha_stub_params *params)
{
	page->initrd_start = params->initrd_size ? params->initrd_start : 0;
	page->initrd_size = params->initrd_size;
}

uint64_t stub_main(const struct alpha_stub_params *params)
{
	struct alpha_param_page *page;

	check_params(params);
	page = (struct alpha_param_page *)params->param_page;
	cmdline_build(page, params);
	set_initrd(page, params);
	return params->kernel_entry;
}
