/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The target architectures (arch.h); the first is the default. */
#include "config.h"

#include <string.h>

#include "arch.h"

extern const struct arch arch_x86, arch_alpha, arch_arm64, arch_riscv64;

static const struct arch *const arches[] = {
	&arch_x86,
	&arch_alpha,
	&arch_arm64,
	&arch_riscv64,
};

#define ARCH_COUNT (sizeof(arches) / sizeof(arches[0]))

const struct arch *arch_find(unsigned id)
{
	size_t i;

	for (i = 0; i < ARCH_COUNT; i++)
		if (arches[i]->id == id)
			return arches[i];
	return NULL;
}

const struct arch *arch_find_machine(unsigned elf_class, uint16_t machine)
{
	size_t i;

	for (i = 0; i < ARCH_COUNT; i++)
		if (machine && machine == (elf_class == 64 ? arches[i]->machine64 : arches[i]->machine32))
			return arches[i];
	return NULL;
}

const struct arch *arch_find_name(const char *name)
{
	size_t i;

	for (i = 0; i < ARCH_COUNT; i++)
		if (!strcmp(arches[i]->name, name))
			return arches[i];
	return NULL;
}

void arch_name_list(char *out, size_t size)
{
	size_t i;

	out[0] = '\0';
	for (i = 0; i < ARCH_COUNT; i++) {
		strncat(out, i == 0 ? "" : i + 1 == ARCH_COUNT ? " or " : ", ", size - strlen(out) - 1);
		strncat(out, arches[i]->name, size - strlen(out) - 1);
	}
}
