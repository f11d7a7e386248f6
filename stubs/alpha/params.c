/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The parameter block mkelfimage fills (formats/alpha.h), at the offset the
 * stub header gives. The stub reads it only through the pointer entry.S
 * passes, never by name from C.
 */
#include "stub.h"

__attribute__((section(".stub.params"), used))
struct alpha_stub_params stub_params = {
	.magic = ALPHA_STUB_PARAMS_MAGIC,
	.version = ALPHA_STUB_PARAMS_VERSION,
	.size = sizeof(struct alpha_stub_params),
};
