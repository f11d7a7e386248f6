/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The parameter block mkelfimage fills (formats/arm64.h), found through stub_header.params_offset. */
#include "stub.h"

__attribute__((section(".stub.params"), used))
struct arm64_stub_params stub_params = {
	.magic = ARM64_STUB_PARAMS_MAGIC,
	.version = ARM64_STUB_PARAMS_VERSION,
	.size = sizeof(struct arm64_stub_params),
};
