/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The rules are those of doc/ARCHITECTURE.md "Memory layout"; plan_build
 * already refused a plan that breaks one, so here each is re-derived from the
 * plan alone: what --plan prints as "ok" has been checked on the numbers shown.
 */
#include "config.h"

#include <stdio.h>

#include "planreport.h"
#include "common/report.h"

struct rule_count {
	unsigned checked, failed;
};

static void rule(struct rule_count *count, int holds, const char *text)
{
	count->checked++;
	if (!holds)
		count->failed++;
	printf("  %-4s %s\n", holds ? "ok" : "FAIL", text);
}

static void rule_segments(const struct plan *plan, struct rule_count *count)
{
	char text[200];
	uint64_t lowest = plan->segments[0].addr;
	int ordered = 1, aligned = 1;
	unsigned i;

	for (i = 0; i < plan->segment_count; i++) {
		const struct plan_segment *seg = &plan->segments[i];

		if (seg->addr % PLAN_PAGE)
			aligned = 0;
		if (i && seg->addr < plan->segments[i - 1].addr + plan->segments[i - 1].mem_size)
			ordered = 0;
		if (seg->addr < lowest)
			lowest = seg->addr;
	}
	snprintf(text, sizeof(text), "every segment at or above 1 MiB: lowest 0x%llx (loaders copy the lowest-to-highest span)",
		 (unsigned long long)lowest);
	rule(count, lowest >= PLAN_LOW_LIMIT, text);
	rule(count, aligned, "every segment page aligned (p_offset = p_vaddr mod 0x1000)");
	rule(count, ordered, "segments in ascending address order, none overlapping (ELF spec)");
	snprintf(text, sizeof(text), "%u PT_LOAD, at most %u (kexec_load allows 16 with the loader's own)",
		 plan->segment_count, PLAN_MAX_LOAD);
	rule(count, plan->segment_count <= PLAN_MAX_LOAD, text);
	snprintf(text, sizeof(text), "image ends at 0x%llx, at or below 4 GiB (ELF32; the stub runs with paging off)",
		 (unsigned long long)plan->min_ram);
	rule(count, plan->min_ram <= PLAN_HIGH_LIMIT, text);
}

/* boot.rst: the bzImage's code and runtime + init_size */
static void rule_reservation_bzimage(const struct plan *plan, const struct inputs *in,
				     struct rule_count *count)
{
	char text[200];

	snprintf(text, sizeof(text), "reservation 0x%llx-0x%llx covers the code (0x%llx bytes) and runtime + init_size (0x%llx%s) (boot.rst)",
		 (unsigned long long)plan->reserve_start, (unsigned long long)plan->reserve_end - 1,
		 (unsigned long long)in->bzimage.pm_size, (unsigned long long)plan->init_size,
		 plan->init_size_estimated ? ", estimated" : "");
	rule(count, plan->reserve_end >= plan->kernel_load + in->bzimage.pm_size &&
	     plan->reserve_end >= plan->kernel_runtime + plan->init_size, text);
}

/* a vmlinux: every PT_LOAD, at p_paddr with its p_memsz */
static void rule_reservation_vmlinux(const struct plan *plan, const struct inputs *in,
				     struct rule_count *count)
{
	char text[200];
	int covered = 1;
	unsigned i;

	for (i = 0; i < in->vmlinux.load_count; i++)
		covered &= in->vmlinux.loads[i].paddr >= plan->reserve_start &&
			in->vmlinux.loads[i].paddr + in->vmlinux.loads[i].memsz <= plan->reserve_end;
	snprintf(text, sizeof(text), "reservation 0x%llx-0x%llx covers the %u vmlinux PT_LOADs at p_paddr, p_memsz each",
		 (unsigned long long)plan->reserve_start, (unsigned long long)plan->reserve_end - 1,
		 in->vmlinux.load_count);
	rule(count, covered, text);
}

static void rule_kernel(const struct plan *plan, const struct inputs *in, struct rule_count *count)
{
	char text[200];

	snprintf(text, sizeof(text), "kernel runs at 0x%llx, at or above its load address 0x%llx",
		 (unsigned long long)plan->kernel_runtime, (unsigned long long)plan->kernel_load);
	rule(count, plan->kernel_runtime >= plan->kernel_load, text);
	if (in->kernel_kind == KERNEL_VMLINUX)
		rule_reservation_vmlinux(plan, in, count);
	else
		rule_reservation_bzimage(plan, in, count);
	snprintf(text, sizeof(text), "stub at 0x%llx, above the reservation", (unsigned long long)plan->stub_addr);
	rule(count, plan->stub_addr >= plan->reserve_end, text);
}

static void rule_data(const struct plan *plan, const struct inputs *in, struct rule_count *count)
{
	char text[200];
	uint64_t limit = (uint64_t)in->bzimage.initrd_addr_max + 1;

	snprintf(text, sizeof(text), "command line %llu bytes, at most %llu (cmdline_size, and the stub's buffer)",
		 (unsigned long long)plan->cmdline_len, (unsigned long long)plan->cmdline_max);
	rule(count, plan->cmdline_len <= plan->cmdline_max, text);
	if (!plan->initrd_size) {
		printf("  %-4s %s\n", "-", "no initrd: initrd_addr_max does not apply");
		return;
	}
	snprintf(text, sizeof(text), "initrd 0x%llx-0x%llx ends at or below initrd_addr_max 0x%x (boot.rst)",
		 (unsigned long long)plan->initrd_addr,
		 (unsigned long long)(plan->initrd_addr + plan->initrd_size - 1),
		 in->bzimage.initrd_addr_max);
	rule(count, plan->initrd_addr <= limit && plan->initrd_size <= limit - plan->initrd_addr, text);
	snprintf(text, sizeof(text), "initrd page aligned, above the command line (0x%llx)",
		 (unsigned long long)plan->cmdline_addr);
	rule(count, plan->initrd_addr % PLAN_PAGE == 0 && plan->initrd_addr > plan->cmdline_addr, text);
}

int planreport_print(const struct plan *plan, const struct inputs *in)
{
	struct rule_count count = { 0, 0 };

	plan_print(plan, in);
	printf("rules:\n");
	rule_segments(plan, &count);
	rule_kernel(plan, in, &count);
	rule_data(plan, in, &count);
	printf("%u rules checked, %u failed; nothing written (--plan)\n", count.checked, count.failed);
	if (count.failed)
		return report_error(EXIT_BAD_INPUT, "plan: %u of %u rules failed", count.failed, count.checked);
	return EXIT_OK;
}
