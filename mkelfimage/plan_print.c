/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <stdio.h>

#include "plan_print.h"

#define KERNEL_LINE_MAX 256

/* Hex digits for addresses: 8 while every one is below 4 GiB, else 16 */
static int address_digits(const struct plan *plan)
{
	unsigned i;

	for (i = 0; i < plan->segment_count; i++)
		if ((plan->segments[i].addr + plan->segments[i].mem_size) >> 32)
			return 16;
	return 8;
}

void plan_print(const struct plan *plan, plan_print_fn arch_lines, FILE *out)
{
	char kernel[KERNEL_LINE_MAX];
	int digits = address_digits(plan);
	unsigned i;

	plan->kernel->format->describe(plan->kernel, kernel, sizeof(kernel));
	fprintf(out, "kernel: %s\n", kernel);
	if (arch_lines)
		arch_lines(plan, out);
	fprintf(out, "reserved for the kernel: 0x%llx-0x%llx\n",
		(unsigned long long)plan->reserve_start, (unsigned long long)plan->reserve_end - 1);
	fprintf(out, "%-13s %-*s %-10s %-10s\n", "segment", digits + 2, "address", "file", "memory");
	for (i = 0; i < plan->segment_count; i++)
		fprintf(out, "%-13s 0x%0*llx 0x%08llx 0x%08llx\n", plan->segments[i].name, digits,
			(unsigned long long)plan->segments[i].addr,
			(unsigned long long)plan->segments[i].file_size,
			(unsigned long long)plan->segments[i].mem_size);
	fprintf(out, "entry: 0x%llx\n", (unsigned long long)plan->entry);
	fprintf(out, "command line: %llu of at most %llu bytes\n",
		(unsigned long long)plan->cmdline_len, (unsigned long long)plan->cmdline_max);
	if (plan->initrd_size && plan->kernel->initrd_addr_max)
		fprintf(out, "initrd: 0x%llx, %llu bytes, ends at or below initrd_addr_max 0x%llx\n",
			(unsigned long long)plan->initrd_addr, (unsigned long long)plan->initrd_size,
			(unsigned long long)plan->kernel->initrd_addr_max);
	else if (plan->initrd_size)
		fprintf(out, "initrd: 0x%llx, %llu bytes\n",
			(unsigned long long)plan->initrd_addr, (unsigned long long)plan->initrd_size);
	fprintf(out, "minimum RAM: %llu MiB (%s)\n",
		(unsigned long long)((plan->min_ram + (1 << 20) - 1) >> 20), PLAN_MIN_RAM_COVERS);
}
