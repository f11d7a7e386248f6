/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer target: the ELF image reader (formats/elfimage.c) that bootelf
 * and `mkelfimage inspect` use, parse then validate with bootelf's kind of
 * rules. Every PT_LOAD a success reports must lie inside the input.
 */
#include "config.h"

#include <elf.h>
#include <stdlib.h>

#include "formats/elfimage.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint16_t machines[] = { EM_386, EM_X86_64, EM_ALPHA };
	const struct elfimage_rules rules = { machines, 3, 16 };
	/* elfimage_info holds 64 segments: too large for a fuzzer's stack frame habitually */
	struct elfimage_info *info = malloc(sizeof(*info));
	struct fmt_error err;
	size_t i;

	if (!info)
		return 0;
	if (elfimage_parse(data, size, info, &err) == FMT_OK) {
		if (info->load_count > ELFIMAGE_MAX_LOADS)
			abort();
		for (i = 0; i < info->load_count; i++)
			if (info->load[i].offset > size || info->load[i].filesz > size - info->load[i].offset ||
			    info->load[i].filesz > info->load[i].memsz)
				abort();
		elfimage_validate(info, &rules, &err);
		elfimage_machine_name(info->machine);
	}
	free(info);
	return 0;
}
