/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Placement, in this order (all addresses page aligned, all at or above 1 MiB,
 * so loaders that copy the lowest-to-highest span as one block never touch
 * the BIOS area):
 *   1. the kernel at its load address, its PT_LOAD covering the whole
 *      reservation [load, max(load + file, runtime + init_size));
 *   2. the stub just above the reservation, the built-in command line after it;
 *   3. the initrd region after that, ending at or below initrd_addr_max.
 */
#include "config.h"

#include <elf.h>
#include <stdio.h>
#include <string.h>

#include "plan.h"
#include "common/align.h"
#include "common/report.h"

/* The next segment of the plan; returned for the fields only some kinds set */
static struct plan_segment *add_segment(struct plan *plan, enum plan_segment_kind kind,
					const char *name, uint64_t addr, uint64_t file_size,
					uint64_t mem_size)
{
	struct plan_segment *seg = &plan->segments[plan->segment_count++];

	seg->kind = kind;
	seg->name = name;
	seg->addr = addr;
	seg->file_size = file_size;
	seg->mem_size = mem_size;
	return seg;
}

static int version_at_least(const struct bzimage_info *bz, unsigned major, unsigned minor)
{
	return bz->version >= BOOT_PROTOCOL(major, minor);
}

/*
 * boot.rst "Loading the rest of the kernel": a relocatable kernel (2.05+) may
 * go anywhere aligned to kernel_alignment, and pref_address (2.10+) is where it
 * runs best; otherwise the protected-mode code goes at 0x100000 and, from 2.10,
 * runs (decompresses itself) at pref_address.
 */
static int plan_kernel(const struct bzimage_info *bz, struct plan *plan)
{
	uint64_t align = bz->kernel_alignment > PLAN_PAGE ? bz->kernel_alignment : PLAN_PAGE;
	int relocatable = version_at_least(bz, 2, 5) && bz->relocatable_kernel;

	if (relocatable) {
		plan->kernel_load = (version_at_least(bz, 2, 10) && bz->pref_address)
			? bz->pref_address : align_up(PLAN_LOW_LIMIT, align);
		plan->kernel_runtime = align_up(plan->kernel_load, align);
	} else {
		plan->kernel_load = PLAN_LOW_LIMIT;
		plan->kernel_runtime = (version_at_least(bz, 2, 10) && bz->pref_address)
			? bz->pref_address : PLAN_LOW_LIMIT;
	}
	/* Checked before any sum or alignment with it can wrap around. */
	if (plan->kernel_load >= PLAN_HIGH_LIMIT || plan->kernel_runtime >= PLAN_HIGH_LIMIT)
		return report_error(EXIT_BAD_INPUT,
				    "kernel: pref_address 0x%llx is not below 4 GiB (ELF32 images and the stub address the low 4 GiB)",
				    (unsigned long long)bz->pref_address);
	if (plan->kernel_load < PLAN_LOW_LIMIT || plan->kernel_load % PLAN_PAGE)
		return report_error(EXIT_BAD_INPUT,
				    "kernel: load address 0x%llx is below 1 MiB or not page aligned (pref_address, boot.rst)",
				    (unsigned long long)plan->kernel_load);
	if (plan->kernel_runtime < plan->kernel_load)
		return report_error(EXIT_BAD_INPUT,
				    "kernel: runs at 0x%llx, below its load address 0x%llx; the reservation cannot cover it",
				    (unsigned long long)plan->kernel_runtime,
				    (unsigned long long)plan->kernel_load);

	/* boot.rst: init_size (2.10+) is the memory the kernel needs from where it runs;
	 * before 2.10 it is unknown, and three times the code is GRUB's estimate. */
	if (version_at_least(bz, 2, 10) && bz->init_size) {
		plan->init_size = bz->init_size;
	} else {
		plan->init_size = PLAN_INIT_SIZE_FACTOR * bz->pm_size;
		plan->init_size_estimated = 1;
	}
	plan->reserve_start = plan->kernel_load;
	plan->reserve_end = plan->kernel_load + bz->pm_size;
	if (plan->kernel_runtime + plan->init_size > plan->reserve_end)
		plan->reserve_end = plan->kernel_runtime + plan->init_size;
	plan->reserve_end = align_up(plan->reserve_end, PLAN_PAGE);
	/* one segment: the protected-mode code, its memory the whole reservation */
	add_segment(plan, SEG_KERNEL, "kernel", plan->kernel_load, bz->pm_size,
		    plan->reserve_end - plan->kernel_load)->src_offset = bz->pm_offset;
	return EXIT_OK;
}

/*
 * A vmlinux (vmlinux.c) runs where it is linked: its PT_LOADs at p_paddr,
 * memsz as given (formats/x86_vmlinux.c checked them: page aligned, in
 * [1 MiB, 4 GiB), no overlaps). The reservation is their span; the stub,
 * command line and initrd follow it as for a bzImage.
 */
static int plan_vmlinux(const struct inputs *in, struct plan *plan)
{
	const struct x86_vmlinux_info *k = &in->vmlinux;
	unsigned i;

	if (k->load_count + 3 > PLAN_MAX_LOAD)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': %u PT_LOAD segments, more than the %d an image holds beside the stub, command line and initrd",
				    in->kernel.path, k->load_count, PLAN_MAX_LOAD - 3);
	plan->kernel_load = plan->kernel_runtime = plan->reserve_start = k->start;
	plan->init_size = k->end - k->start;
	plan->reserve_end = align_up(k->end, PLAN_PAGE);
	for (i = 0; i < k->load_count; i++)
		add_segment(plan, SEG_KERNEL, "kernel", k->loads[i].paddr, k->loads[i].filesz,
			    k->loads[i].memsz)->src_offset = k->loads[i].offset;
	return EXIT_OK;
}

/* boot.rst: the command line is at most cmdline_size bytes (2.06+), else 255. */
static int plan_cmdline(const struct bzimage_info *bz, const char *cmdline, struct plan *plan)
{
	plan->cmdline_len = strlen(cmdline);
	plan->cmdline_max = bz->cmdline_size;
	if (plan->cmdline_max > STUB_CMDLINE_BUFFER - 1)
		plan->cmdline_max = STUB_CMDLINE_BUFFER - 1;
	if (plan->cmdline_len > plan->cmdline_max)
		return report_error(EXIT_BAD_INPUT,
				    "command line: %llu bytes exceed the limit of %llu (%s, boot.rst)",
				    (unsigned long long)plan->cmdline_len,
				    (unsigned long long)plan->cmdline_max,
				    plan->cmdline_max == bz->cmdline_size
				    ? (version_at_least(bz, 2, 6) ? "the kernel's cmdline_size"
					: "255 before protocol 2.06")
				    : "the stub's buffer");
	return EXIT_OK;
}

/* boot.rst: the initrd must end at or below initrd_addr_max (inclusive). */
static int plan_initrd(const struct inputs *in, uint64_t start, struct plan *plan)
{
	uint64_t limit = (uint64_t)in->bzimage.initrd_addr_max + 1;

	plan->initrd_addr = start;
	plan->initrd_size = in->initrd_region_size;
	if (start > limit || in->initrd_region_size > limit - start)
		return report_error(EXIT_BAD_INPUT,
				    "initrd: %llu bytes at 0x%llx would end at 0x%llx, above initrd_addr_max 0x%x (boot.rst); the initrd cannot be placed",
				    (unsigned long long)in->initrd_region_size,
				    (unsigned long long)start,
				    (unsigned long long)(start + in->initrd_region_size - 1),
				    in->bzimage.initrd_addr_max);
	return EXIT_OK;
}

int plan_build(const struct inputs *in, const char *cmdline,
	       const struct stub_header *stub, struct plan *plan)
{
	const struct bzimage_info *bz = &in->bzimage;
	uint64_t next;
	int status;

	memset(plan, 0, sizeof(*plan));
	status = in->kernel_kind == KERNEL_VMLINUX ? plan_vmlinux(in, plan) : plan_kernel(bz, plan);
	if (status == EXIT_OK)
		status = plan_cmdline(bz, cmdline, plan);
	if (status != EXIT_OK)
		return status;

	/*
	 * A free page after each segment whose memory outgrows its file bytes
	 * (the kernel's reservation, the stub's BSS): cbfstool's extract joins
	 * segments that touch into one PT_LOAD and packs their file bytes
	 * across the zeroed tail, so touching segments do not survive a trip
	 * through CBFS.
	 */
	plan->stub_addr = plan->reserve_end + PLAN_PAGE;
	plan->entry = plan->stub_addr + stub->entry_offset;
	add_segment(plan, SEG_STUB, "stub", plan->stub_addr, stub->file_size, stub->mem_size);
	plan->cmdline_addr = align_up(plan->stub_addr + stub->mem_size, PLAN_PAGE) + PLAN_PAGE;
	add_segment(plan, SEG_CMDLINE, "command line", plan->cmdline_addr,
		    plan->cmdline_len + 1, plan->cmdline_len + 1);
	next = align_up(plan->cmdline_addr + plan->cmdline_len + 1, PLAN_PAGE);
	if (in->initrd_count) {
		if ((status = plan_initrd(in, next, plan)) != EXIT_OK)
			return status;
		add_segment(plan, SEG_INITRD, "initrd", plan->initrd_addr, plan->initrd_size,
			    plan->initrd_size);
		next = plan->initrd_addr + plan->initrd_size;
	}
	plan->min_ram = next;
	if (plan->min_ram > PLAN_HIGH_LIMIT)
		return report_error(EXIT_BAD_INPUT,
				    "image: ends at 0x%llx, above 4 GiB (ELF32 images and the stub address the low 4 GiB)",
				    (unsigned long long)plan->min_ram);
	return EXIT_OK;
}

void plan_free(struct plan *plan)
{
	notes_free(&plan->notes);
}

/* The kernel line of plan_print */
static void plan_print_kernel(const struct plan *plan, const struct inputs *in)
{
	const struct bzimage_info *bz = &in->bzimage;

	if (in->kernel_kind == KERNEL_VMLINUX) {
		printf("kernel: vmlinux %s %s%s%s, PVH entry 0x%x, %u PT_LOAD at their p_paddr\n",
		       in->vmlinux.elf_class == ELFCLASS64 ? "ELF64" : "ELF32",
		       in->vmlinux.machine == EM_X86_64 ? "EM_X86_64" : "EM_386",
		       in->kernel_compression ? ", decompressed from " : "",
		       in->kernel_compression ? in->kernel_compression : "",
		       in->vmlinux.pvh_entry, in->vmlinux.load_count);
		return;
	}
	printf("kernel: protocol %u.%02u, %s, load 0x%llx, runs at 0x%llx, init_size 0x%llx%s\n",
	       bz->version_in_file >> 8, bz->version_in_file & 0xff,
	       bz->relocatable_kernel && bz->version >= BOOT_PROTOCOL(2, 5) ? "relocatable" : "not relocatable",
	       (unsigned long long)plan->kernel_load, (unsigned long long)plan->kernel_runtime,
	       (unsigned long long)plan->init_size,
	       plan->init_size_estimated ? " (estimated: 3 x code, before 2.10)" : "");
}

void plan_print(const struct plan *plan, const struct inputs *in)
{
	const struct bzimage_info *bz = &in->bzimage;
	unsigned i;

	plan_print_kernel(plan, in);
	printf("reserved for the kernel: 0x%llx-0x%llx\n",
	       (unsigned long long)plan->reserve_start, (unsigned long long)plan->reserve_end - 1);
	printf("%-13s %-10s %-10s %-10s\n", "segment", "address", "file", "memory");
	for (i = 0; i < plan->segment_count; i++)
		printf("%-13s 0x%08llx 0x%08llx 0x%08llx\n", plan->segments[i].name,
		       (unsigned long long)plan->segments[i].addr,
		       (unsigned long long)plan->segments[i].file_size,
		       (unsigned long long)plan->segments[i].mem_size);
	printf("entry: 0x%llx\n", (unsigned long long)plan->entry);
	printf("command line: %llu of at most %llu bytes\n",
	       (unsigned long long)plan->cmdline_len, (unsigned long long)plan->cmdline_max);
	if (plan->initrd_size)
		printf("initrd: 0x%llx, %llu bytes, ends at or below initrd_addr_max 0x%x\n",
		       (unsigned long long)plan->initrd_addr, (unsigned long long)plan->initrd_size,
		       bz->initrd_addr_max);
	printf("minimum RAM: %llu MiB\n",
	       (unsigned long long)((plan->min_ram + (1 << 20) - 1) >> 20));
}
