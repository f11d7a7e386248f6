/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The tool -> stub parameter block (formats/stubparam.h). Only magic,
 * version and size are set here; mkelfimage fills the rest in the blob at
 * build time, so the compiler must treat the fields as unknown: the block is
 * global and writable, never const or static (either lets gcc fold the zeros).
 */
#include "stub.h"

struct stub_params stub_params __attribute__((used, aligned(4))) = {
	.magic = STUB_PARAMS_MAGIC,
	.version = STUB_PARAMS_VERSION,
	.size = sizeof(struct stub_params),
};

/* The block is ours, of a version we read, and mkelfimage has filled it */
int params_valid(const struct stub_params *params)
{
	if (params->magic != STUB_PARAMS_MAGIC)
		return 0;
	if (params->version < STUB_PARAMS_VERSION || params->size < sizeof(struct stub_params))
		return 0;
	if (params->kernel_entry == 0 || params->cmdline_addr == 0)
		return 0;
	return 1;
}
