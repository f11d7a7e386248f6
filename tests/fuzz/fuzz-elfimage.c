/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer target: the ELF image reader (formats/elfimage.c) that bootelf
 * and `mkelfimage inspect` use, parse then validate with bootelf's kind of
 * rules, then the x86 vmlinux rules (formats/x86_vmlinux.c: the PT_NOTE
 * walk for the PVH note), and the signature note's search
 * (formats/signote.c). Every PT_LOAD and PT_NOTE a success reports must
 * lie inside the input, a PVH entry found must be in a loaded segment, and
 * a signature found must end the input with its DER inside the slot.
 */
#include "config.h"

#include <elf.h>
#include <stdlib.h>

#include "formats/elfimage.h"
#include "formats/signote.h"
#include "formats/x86_vmlinux.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint16_t machines[] = { EM_386, EM_X86_64, EM_ALPHA };
	const struct elfimage_rules rules = { machines, 3, 16 };
	/* elfimage_info holds 64 segments: too large for a fuzzer's stack frame habitually */
	struct elfimage_info *info = malloc(sizeof(*info));
	struct x86_vmlinux_info *vmlinux = malloc(sizeof(*vmlinux));
	struct fmt_error err;
	size_t i;

	if (!info || !vmlinux) {
		free(info);
		free(vmlinux);
		return 0;
	}
	if (elfimage_parse(data, size, info, &err) == FMT_OK) {
		if (info->load_count > ELFIMAGE_MAX_LOADS)
			abort();
		for (i = 0; i < info->load_count; i++)
			if (info->load[i].offset > size || info->load[i].filesz > size - info->load[i].offset ||
			    info->load[i].filesz > info->load[i].memsz)
				abort();
		for (i = 0; i < info->note_count; i++)
			if (info->note[i].offset > size || info->note[i].filesz > size - info->note[i].offset)
				abort();
		struct signote sig;

		if (signote_find(data, size, info, &sig, &err) == FMT_OK &&
		    (sig.slot_offset + SIGNOTE_SLOT_SIZE != size || sig.der != data + sig.slot_offset ||
		     sig.der_size > SIGNOTE_TABLE_OFFSET))
			abort();
		elfimage_validate(info, &rules, &err);
		elfimage_machine_name(info->machine);
		if (elfimage_validate(info, &x86_vmlinux_rules, &err) == FMT_OK &&
		    x86_vmlinux_check(data, size, info, vmlinux, &err) == FMT_OK) {
			for (i = 0; i < vmlinux->load_count; i++)
				if (vmlinux->pvh_entry >= vmlinux->loads[i].paddr &&
				    vmlinux->pvh_entry - vmlinux->loads[i].paddr < vmlinux->loads[i].filesz)
					break;
			if (i == vmlinux->load_count)
				abort();
		}
	}
	free(info);
	free(vmlinux);
	return 0;
}
