/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer target: the stubs' device tree reader and editor
 * (stubs/common/fdt.c), given a tree as a loader would hand it to the arm64
 * stub. Every property it reports must lie inside the input, and an edit
 * that succeeds must give a tree the reader accepts, with the value set.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "stubs/common/fdt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Touch every name and the value's ends: ASan catches a read outside */
static int touch(void *ctx, unsigned depth, const char *node, const char *name,
		 const uint8_t *value, uint32_t len)
{
	volatile size_t sum = strlen(node) + strlen(name) + depth;

	(void)ctx;
	if (len)
		sum += value[0] + value[len - 1];
	(void)sum;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t out[1 << 16];
	static const struct fdt_set set[2] = {
		{ "bootargs", "console=ttyAMA0", 16 },
		{ "linux,initrd-start", "\0\0\0\0\x44\0\0\0", 8 },
	};
	const struct fdt_reserve reserve = { 0x48000000, 0x1000 };
	uint8_t *copy = malloc(size ? size : 1);
	struct fdt fdt, edited;
	const uint8_t *value;
	uint32_t len, out_size;

	if (!copy)
		return 0;
	memcpy(copy, data, size);   /* exactly `size` bytes: ASan sees any read past them */
	if (fdt_open(&fdt, copy, size) == FDT_OK) {
		fdt_walk(&fdt, touch, NULL);
		if ((value = fdt_top_prop(&fdt, "chosen", "bootargs", &len)) && len)
			touch(NULL, 0, "", "", value, len);
		if (fdt_edit(&fdt, out, sizeof(out), "chosen", set, 2, &reserve, 1, &out_size) == FDT_OK) {
			if (fdt_open(&edited, out, out_size) != FDT_OK || fdt_walk(&edited, touch, NULL) != FDT_OK)
				abort();
			value = fdt_top_prop(&edited, "chosen", "bootargs", &len);
			if (!value || len != 16 || memcmp(value, "console=ttyAMA0", 16) != 0)
				abort();
		}
	}
	free(copy);
	return 0;
}
