/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kexec_plan.h"
#include "trampoline.h"

#define FOUR_GIB UINT64_C(0x100000000)
#define ONE_MIB  UINT64_C(0x100000)

static uint64_t kexec_plan_page_down(uint64_t value)
{
	return value & ~(uint64_t)(KEXEC_PLAN_PAGE_SIZE - 1);
}

static uint64_t kexec_plan_page_up(uint64_t value)
{
	return kexec_plan_page_down(value + KEXEC_PLAN_PAGE_SIZE - 1);
}

/* One PT_LOAD as a kexec segment: the destination rounded down to a page,
 * the bytes before p_paddr zero (a copy only when p_paddr is not aligned). */
static enum fmt_status kexec_plan_image_segment(const struct kexec_plan_input *in,
						const struct elfimage_segment *seg,
						struct kexec_plan_segment *out,
						struct fmt_error *err)
{
	uint64_t lead = seg->paddr - kexec_plan_page_down(seg->paddr);

	if (!memmap_is_ram(in->map, seg->paddr, seg->paddr + seg->memsz))
		return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD", seg->phdr_offset,
				"[0x%llx, 0x%llx) is not inside the machine's RAM (memory map: %s)",
				(unsigned long long)seg->paddr,
				(unsigned long long)(seg->paddr + seg->memsz), in->map->source);
	out->phdr_index = (int)seg->phdr_index;
	out->phdr_offset = seg->phdr_offset;
	out->file_offset = seg->offset;
	out->load.mem = kexec_plan_page_down(seg->paddr);
	out->load.memsz = kexec_plan_page_up(lead + seg->memsz);
	out->load.bufsz = seg->filesz;
	out->load.buf = in->file + seg->offset;
	out->owned = NULL;
	if (lead && seg->filesz) {
		out->owned = calloc(1, lead + seg->filesz);
		if (!out->owned)
			return fmt_fail(err, FMT_UNSUPPORTED, "PT_LOAD", seg->phdr_offset,
					"no memory for a copy of 0x%llx bytes",
					(unsigned long long)seg->filesz);
		memcpy(out->owned + lead, in->file + seg->offset, seg->filesz);
		out->load.buf = out->owned;
		out->load.bufsz = lead + seg->filesz;
	}
	return FMT_OK;
}

/* kexec_load refuses segments that share a page: rounding may make neighbours touch. */
static enum fmt_status kexec_plan_check_pages(const struct kexec_plan *plan, struct fmt_error *err)
{
	size_t i, j;

	for (i = 0; i < plan->count; i++)
		for (j = i + 1; j < plan->count; j++) {
			const struct kexec_load_segment *a = &plan->segment[i].load;
			const struct kexec_load_segment *b = &plan->segment[j].load;

			if (a->mem < b->mem + b->memsz && b->mem < a->mem + a->memsz)
				return fmt_fail(err, FMT_BAD_FIELD, "PT_LOAD",
						plan->segment[j].phdr_offset,
						"pages [0x%llx, 0x%llx) of program header %d share a page with program header %d: kexec loads whole pages",
						(unsigned long long)b->mem,
						(unsigned long long)(b->mem + b->memsz),
						plan->segment[j].phdr_index, plan->segment[i].phdr_index);
		}
	return FMT_OK;
}

/* Whether [start, start + size) is RAM below 4 GiB and clear of the image's pages. */
static int kexec_plan_fits(const struct kexec_plan *plan, const struct memmap *map,
			   uint64_t start, uint64_t size)
{
	size_t i;

	if (start < ONE_MIB || start >= FOUR_GIB || size > FOUR_GIB - start ||
	    !memmap_is_ram(map, start, start + size))
		return 0;
	for (i = 0; i < plan->count; i++) {
		const struct kexec_load_segment *seg = &plan->segment[i].load;

		if (start < seg->mem + seg->memsz && seg->mem < start + size)
			return 0;
	}
	return 1;
}

/* Just above the image first, then the lowest hole from 1 MiB: the start of
 * a RAM range or the end of an image segment. 0 if nothing fits. */
static uint64_t kexec_plan_place(const struct kexec_plan *plan, const struct memmap *map,
				 uint64_t size)
{
	uint64_t best = 0, above = 0, candidate;
	size_t i;

	for (i = 0; i < plan->count; i++)
		if (plan->segment[i].load.mem + plan->segment[i].load.memsz > above)
			above = plan->segment[i].load.mem + plan->segment[i].load.memsz;
	if (kexec_plan_fits(plan, map, above, size))
		return above;
	for (i = 0; i < map->count + plan->count; i++) {
		if (i < map->count)
			candidate = kexec_plan_page_up(map->range[i].start < ONE_MIB ?
							ONE_MIB : map->range[i].start);
		else
			candidate = plan->segment[i - map->count].load.mem +
				    plan->segment[i - map->count].load.memsz;
		if ((best == 0 || candidate < best) && kexec_plan_fits(plan, map, candidate, size))
			best = candidate;
	}
	return best;
}

/* bootelf's segment: [trampoline | multiboot information, map, command line, name] */
static enum fmt_status kexec_plan_own_segment(const struct kexec_plan_input *in,
					      struct kexec_plan *plan, struct fmt_error *err)
{
	size_t mbi_offset = (in->trampoline_size + 15) & ~(size_t)15;
	size_t size = mbi_offset + mbi_size(in->map, in->cmdline);
	struct trampoline_header header;
	struct kexec_plan_segment *own = &plan->segment[plan->count];
	uint32_t params[2];
	uint64_t addr;

	if (in->trampoline_size >= sizeof(header))
		memcpy(&header, in->trampoline, sizeof(header));
	if (in->trampoline_size < sizeof(header) || header.magic[0] != TRAMPOLINE_MAGIC_LO ||
	    header.magic[1] != TRAMPOLINE_MAGIC_HI || header.version != TRAMPOLINE_VERSION ||
	    header.params > in->trampoline_size - sizeof(params))
		return fmt_fail(err, FMT_UNSUPPORTED, "trampoline", 0, "the built-in trampoline is damaged");
	addr = kexec_plan_place(plan, in->map, kexec_plan_page_up(size));
	if (addr == 0)
		return fmt_fail(err, FMT_UNSUPPORTED, "memory map", 0,
				"no RAM hole of 0x%llx bytes between 1 MiB and 4 GiB for bootelf's trampoline and multiboot information",
				(unsigned long long)kexec_plan_page_up(size));
	own->owned = calloc(1, size);
	if (!own->owned)
		return fmt_fail(err, FMT_UNSUPPORTED, "memory map", 0, "no memory for 0x%zx bytes", size);
	memcpy(own->owned, in->trampoline, in->trampoline_size);
	mbi_write(own->owned + mbi_offset, addr + mbi_offset, in->map, in->cmdline, &plan->mbi);
	params[0] = (uint32_t)in->info->entry;
	params[1] = (uint32_t)plan->mbi.info;
	memcpy(own->owned + header.params, params, sizeof(params));

	own->phdr_index = -1;
	own->file_offset = 0;
	own->load.buf = own->owned;
	own->load.bufsz = size;
	own->load.mem = addr;
	own->load.memsz = kexec_plan_page_up(size);
	plan->count++;
	plan->own_addr = addr;
	plan->kexec_entry = addr + (in->arch->long_mode ? header.entry64 : header.entry32);
	return FMT_OK;
}

enum fmt_status kexec_plan_build(const struct kexec_plan_input *in, struct kexec_plan *plan,
				 struct fmt_error *err)
{
	const struct elfimage_info *info = in->info;
	enum fmt_status status = FMT_OK;
	size_t i;

	memset(plan, 0, sizeof(*plan));
	plan->image_entry = info->entry;
	/* The trampoline ends in 32-bit code with paging off. */
	if (info->entry >= FOUR_GIB)
		return fmt_fail(err, FMT_UNSUPPORTED, "ELF header", 0x18,
				"e_entry 0x%llx is not below 4 GiB: the image is entered in 32-bit mode",
				(unsigned long long)info->entry);
	for (i = 0; i < info->load_count && status == FMT_OK; i++) {
		if (info->load[i].memsz == 0)
			continue;
		status = kexec_plan_image_segment(in, &info->load[i], &plan->segment[plan->count], err);
		if (status == FMT_OK)
			plan->count++;
	}
	if (status == FMT_OK)
		status = kexec_plan_check_pages(plan, err);
	if (status == FMT_OK)
		status = kexec_plan_own_segment(in, plan, err);
	if (status != FMT_OK)
		kexec_plan_free(plan);
	return status;
}

void kexec_plan_free(struct kexec_plan *plan)
{
	size_t i;

	for (i = 0; i < KEXEC_PLAN_MAX_SEGMENTS; i++) {
		free(plan->segment[i].owned);
		plan->segment[i].owned = NULL;
	}
}
