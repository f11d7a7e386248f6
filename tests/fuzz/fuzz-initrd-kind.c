/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer target: the initrd kind detector (formats/initrd_kind.c), given
 * the head of an initrd as mkelfimage reads it. It never fails; it must
 * stay inside the buffer and name every kind it returns.
 */
#include "config.h"

#include <stdlib.h>

#include "formats/initrd_kind.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct initrd_kind_info info;

	initrd_kind_detect(data, size, &info);
	if (info.kind > INITRD_UNKNOWN || !initrd_kind_name(info.kind))
		abort();
	return 0;
}
