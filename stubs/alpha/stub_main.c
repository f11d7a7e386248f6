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

/*
 * A loader's initrd in PARAM (QEMU -initrd writes INITRD_START/INITRD_SIZE)
 * is believable when it is a KSEG range that does not wrap; anything else
 * is what memory held before, on a loader that never writes PARAM.
 */
static int loader_initrd_valid(const struct alpha_param_page *page)
{
	return page->initrd_size != 0 && page->initrd_start >= ALPHA_PAGE_OFFSET &&
	       page->initrd_start + page->initrd_size > page->initrd_start;
}

/*
 * setup.c reads INITRD_START/INITRD_SIZE, 0 meaning none. The image's own
 * initrd wins; without one, a believable loader initrd stays (as the x86
 * stub takes a loader's first module).
 */
static void set_initrd(struct alpha_param_page *page, const struct alpha_stub_params *params)
{
	if (params->initrd_size) {
		page->initrd_start = params->initrd_start;
		page->initrd_size = params->initrd_size;
	} else if (!loader_initrd_valid(page)) {
		page->initrd_start = 0;
		page->initrd_size = 0;
	}
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
