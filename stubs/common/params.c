/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The parameter block mkelfimage fills (formats/fdtstub.h), found through stub_header.params_offset. */
#include "fdtstub.h"

__attribute__((section(".stub.params"), used))
struct fdt_stub_params stub_params = {
	.magic = FDT_STUB_PARAMS_MAGIC,
	.version = FDT_STUB_PARAMS_VERSION,
	.size = sizeof(struct fdt_stub_params),
};
