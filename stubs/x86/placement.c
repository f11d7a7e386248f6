/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --initrd-placement high: move the initrd to the highest page-aligned
 * place in usable RAM that ends at or below initrd_addr_max (inclusive,
 * boot.rst) and below 4 GiB (paging is off), as GRUB and the kernel's own
 * loaders place it, so the kernel keeps the most room below it.
 *
 * The memory map is the loader's, as every boot-info reader left it in
 * struct boot_info (all its ranges, also those past the zero page's 128).
 * Kept clear: memory below 1 MiB, every range of another type than RAM
 * (firmware maps may overlap), the kernel's reservation and the stub with its BSS
 * (boot_params, the command line buffer, the stack), the built-in command
 * line and the one the kernel gets. Nothing else of the loader's is needed
 * by now: its command line and memory map were copied in earlier steps.
 * Only the image's own initrd is moved, never a loader's module
 * (initrd.c). Runs after initrd_choose, before verify_payloads.
 */
#include "stub.h"

#define PLACEMENT_PAGE      0x1000ull
#define PLACEMENT_LOW       0x100000ull      /* the BIOS area and below stay untouched */
#define PLACEMENT_4G        0x100000000ull
#define PLACEMENT_OURS      3                /* kernel and stub, two command lines */

/* stub.lds: the end of the stub's BSS */
extern char stub_mem_end[];

struct placement_range {
	uint64_t start, end;           /* [start, end) */
};

/* What must stay where it is: our own ranges and the map's non-RAM ranges */
struct placement_keep {
	struct placement_range ours[PLACEMENT_OURS];
	const struct boot_info *map;
};

static void placement_keep_init(struct placement_keep *keep, const struct boot_params *boot_params,
				const struct stub_params *params, const struct boot_info *map)
{
	uint32_t cmdline = boot_params->hdr.cmd_line_ptr;

	/* plan.c puts the stub right after the kernel's reservation
	 * [load, max(load + code, runtime + init_size)), so one range covers both */
	keep->ours[0] = (struct placement_range){ params->kernel_load_addr,
						  (uint32_t)(uintptr_t)stub_mem_end };
	keep->ours[1] = (struct placement_range){ params->cmdline_addr,
						  (uint64_t)params->cmdline_addr + params->cmdline_len + 1 };
	keep->ours[2] = (struct placement_range){ cmdline, (uint64_t)cmdline +
		strnlen((const char *)(uintptr_t)cmdline, STUB_CMDLINE_BUFFER) + 1 };
	keep->map = map;
}

static int placement_overlaps(uint64_t start, uint64_t end, uint64_t dest, uint64_t size)
{
	return start < dest + size && end > dest;
}

/* The lowest start of a kept range overlapping [dest, dest + size), or `none` */
static uint64_t placement_lowest_conflict(const struct placement_keep *keep, uint64_t dest,
					  uint64_t size, uint64_t none)
{
	uint64_t lowest = none;
	uint32_t i;

	for (i = 0; i < PLACEMENT_OURS; i++)
		if (placement_overlaps(keep->ours[i].start, keep->ours[i].end, dest, size) &&
		    keep->ours[i].start < lowest)
			lowest = keep->ours[i].start;
	for (i = 0; i < keep->map->range_count; i++) {
		const struct boot_memory_range *range = &keep->map->ranges[i];

		if (range->type != E820_TYPE_RAM &&
		    placement_overlaps(range->addr, range->addr + range->size, dest, size) &&
		    range->addr < lowest)
			lowest = range->addr;
	}
	return lowest;
}

/*
 * The highest page-aligned start in [start, end) for size bytes clear of
 * every kept range, or 0. Walking down from the top, a candidate that
 * overlaps kept ranges can only move below the lowest of them (any place
 * above was tried already), so each step passes one range and the walk ends.
 */
static uint64_t placement_highest_in(uint64_t start, uint64_t end, uint64_t size,
				     const struct placement_keep *keep)
{
	uint64_t top = end, dest, lowest;

	while (top >= start + size) {
		dest = (top - size) & ~(PLACEMENT_PAGE - 1);
		if (dest < start)
			return 0;
		lowest = placement_lowest_conflict(keep, dest, size, top);
		if (lowest == top)
			return dest;
		top = lowest;
	}
	return 0;
}

/* The highest place for the initrd over all RAM ranges below limit, or 0 */
static uint64_t placement_find(uint64_t size, uint64_t limit, const struct placement_keep *keep)
{
	uint64_t best = 0;
	uint32_t i;

	for (i = 0; i < keep->map->range_count; i++) {
		const struct boot_memory_range *range = &keep->map->ranges[i];
		uint64_t start = range->addr, end = range->addr + range->size, dest;

		if (range->type != E820_TYPE_RAM)
			continue;
		if (start < PLACEMENT_LOW)
			start = PLACEMENT_LOW;
		if (end > limit)
			end = limit;
		if (end <= start)
			continue;
		dest = placement_highest_in(start, end, size, keep);
		if (dest > best)
			best = dest;
	}
	return best;
}

/*
 * memmove: the new place may overlap the old one. Upward moves copy from
 * the end down. Loop distribution is off so gcc cannot turn the loops into
 * a memmove call that the stub's lib.c does not have.
 */
STUB_KEEP_LOOPS
static void placement_move(uint32_t dest, uint32_t src, uint32_t size)
{
	uint8_t *out = (uint8_t *)(uintptr_t)dest;
	const uint8_t *in = (const uint8_t *)(uintptr_t)src;
	uint32_t words = ((dest | src) & 3) ? 0 : size / 4, i;

	if (dest <= src) {
		for (i = 0; i < words; i++)
			((uint32_t *)out)[i] = ((const uint32_t *)in)[i];
		for (i = words * 4; i < size; i++)
			out[i] = in[i];
		return;
	}
	for (i = size; i > words * 4; i--)
		out[i - 1] = in[i - 1];
	for (i = words; i > 0; i--)
		((uint32_t *)out)[i - 1] = ((const uint32_t *)in)[i - 1];
}

void placement_apply(struct boot_params *boot_params, const struct stub_params *params,
		     const struct boot_info *map)
{
	uint64_t src = boot_params->hdr.ramdisk_image, size = params->initrd_size;
	uint64_t limit = (uint64_t)boot_params->hdr.initrd_addr_max + 1, dest;
	struct placement_keep keep;

	/* Only the image's own initrd moves (initrd_choose always picks it when
	 * there is one); a loader module stays where the loader put it. */
	if (params->initrd_placement != STUB_INITRD_HIGH || size == 0)
		return;
	/* boot.rst: before 2.03 there is no initrd_addr_max and 0x37ffffff applies */
	if (boot_params->hdr.version < 0x0203 || boot_params->hdr.initrd_addr_max == 0)
		limit = (uint64_t)INITRD_ADDR_MAX_BEFORE_2_03 + 1;
	if (limit > PLACEMENT_4G)
		limit = PLACEMENT_4G;
	placement_keep_init(&keep, boot_params, params, map);
	dest = placement_find(size, limit, &keep);
	if (dest <= src) {
		if (dest == 0)
			console_line("initrd-placement high: no free RAM for the initrd, left where it is");
		return;
	}
	placement_move((uint32_t)dest, (uint32_t)src, (uint32_t)size);
	bootparams_set_initrd(boot_params, dest, size);
}
