/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Multiboot2 boot information (formats/multiboot2.h; Multiboot2 2.0 section
 * 3.6) read into a struct boot_info: command line, loader name, the first
 * module, the memory map, a framebuffer and, from GRUB on EFI, the system
 * table and the EFI memory map. The block is walked as a cursor bounded by total_size and
 * 4 GiB; a tag whose size does not fit ends the walk.
 */
#include "stub.h"

/* A block larger than this is not believed */
#define MULTIBOOT2_INFO_MAX        0x100000u
/*
 * The EFI memory map is copied into the stub's BSS: the kernel reserves
 * efi_memmap only in setup_arch, and until then the stub's memory is left
 * alone (the decompressor's KASLR takes only EfiConventionalMemory on EFI,
 * the stub is LoaderData; placement.c keeps it), while GRUB's block is
 * plain RAM in the e820 map. 32 KiB: 682 descriptors of 48 bytes (OVMF: 127).
 */
#define MULTIBOOT2_EFI_MEMMAP_MAX  0x8000u

static uint8_t multiboot2_efi_memmap[MULTIBOOT2_EFI_MEMMAP_MAX] __attribute__((aligned(8)));

/* GRUB on EFI: GRUB_MEMORY_CODE, EfiRuntimeServicesCode (grub-core/mmap/efi/mmap.c) */
#define MULTIBOOT2_GRUB_MEMORY_CODE 20u

/* A string tag's text: NUL-terminated inside the tag, or the tag's bytes */
static const char *multiboot2_string(const uint8_t *tag, uint32_t size, uint32_t skip,
				     uint32_t *len)
{
	const char *text = (const char *)(tag + skip);

	if (size <= skip)
		return NULL;
	*len = (uint32_t)strnlen(text, size - skip);
	if (*len > STUB_LOADER_STRING_MAX)
		*len = STUB_LOADER_STRING_MAX;
	return text;
}

/* 3.6.8: entries of entry_size bytes; GRUB's type 20 becomes reserved */
static void multiboot2_read_mmap(const uint8_t *tag, uint32_t size, struct boot_info *info)
{
	struct multiboot2_tag_mmap head;
	uint32_t offset;

	if (size < sizeof(head))
		return;
	memcpy(&head, tag, sizeof(head));
	if (head.entry_size < sizeof(struct multiboot2_mmap_entry))
		return;
	for (offset = sizeof(head); size - offset >= head.entry_size; offset += head.entry_size) {
		struct multiboot2_mmap_entry entry;

		memcpy(&entry, tag + offset, sizeof(entry));
		if (entry.type == MULTIBOOT2_GRUB_MEMORY_CODE)
			entry.type = MULTIBOOT2_MEMORY_RESERVED;
		bootinfo_add_range(info, entry.base_addr, entry.length, entry.type);
	}
}

/* 3.6.4: the first module is an initrd candidate (initrd.c decides) */
static void multiboot2_read_module(const uint8_t *tag, uint32_t size, struct boot_info *info)
{
	struct multiboot2_tag_module module;

	if (size < sizeof(module))
		return;
	memcpy(&module, tag, sizeof(module));
	if (module.mod_end <= module.mod_start)
		return;
	if (info->module_count++ == 0) {
		info->module_addr = module.mod_start;
		info->module_size = module.mod_end - module.mod_start;
	}
}

/* 3.6.6 mem_lower/mem_upper (KiB), used only without a memory map */
static void multiboot2_read_meminfo(const uint8_t *tag, uint32_t size, uint32_t *lower,
				    uint32_t *upper)
{
	if (size < 16)
		return;
	memcpy(lower, tag + 8, 4);
	memcpy(upper, tag + 12, 4);
}

/* 3.6.20: the descriptors GRUB passed to ExitBootServices, copied into our BSS */
static void multiboot2_read_efi_mmap(const uint8_t *tag, uint32_t size, struct boot_info *info)
{
	struct multiboot2_tag_efi_mmap head;
	uint32_t bytes;

	if (size < sizeof(head))
		return;
	memcpy(&head, tag, sizeof(head));
	bytes = size - sizeof(head);
	if (head.descr_size == 0 || bytes % head.descr_size != 0) {
		console_line("EFI memory map tag with a size not a multiple of descr_size: EFI left out");
		return;
	}
	if (bytes > sizeof(multiboot2_efi_memmap)) {
		console_line_u32("EFI memory map larger than the stub's 32 KiB copy, EFI left out: ",
				 bytes, " bytes");
		return;
	}
	memcpy(multiboot2_efi_memmap, tag + sizeof(head), bytes);
	info->efi_memmap = (uint32_t)(uintptr_t)multiboot2_efi_memmap;
	info->efi_memmap_size = bytes;
	info->efi_memdesc_size = head.descr_size;
	info->efi_memdesc_version = head.descr_vers;
}

/* 3.6.14-3.6.15: the EFI system table; a 64-bit one wins over a 32-bit one */
static void multiboot2_read_efi_systab(const uint8_t *tag, uint32_t type, uint32_t size,
				       struct boot_info *info)
{
	if (type == MULTIBOOT2_TAG_TYPE_EFI64 && size >= sizeof(struct multiboot2_tag_efi64)) {
		memcpy(&info->efi_systab, tag + 8, 8);
		info->efi_systab_bits = 64;
	} else if (type == MULTIBOOT2_TAG_TYPE_EFI32 && info->efi_systab_bits != 64 &&
		   size >= sizeof(struct multiboot2_tag_efi32)) {
		uint32_t pointer;

		memcpy(&pointer, tag + 8, 4);
		info->efi_systab = pointer;
		info->efi_systab_bits = 32;
	}
}

/* 3.6.12: an RGB linear framebuffer; indexed and EGA text are left to the kernel */
static void multiboot2_read_framebuffer(const uint8_t *tag, uint32_t size, struct boot_info *info)
{
	struct multiboot2_tag_framebuffer fb;

	/* GRUB's RGB tag is 0x26 bytes: the colour info without our padding */
	if (size < MULTIBOOT2_TAG_FRAMEBUFFER_RGB_SIZE)
		return;
	memset(&fb, 0, sizeof(fb));
	memcpy(&fb, tag, MULTIBOOT2_TAG_FRAMEBUFFER_RGB_SIZE);
	if (fb.framebuffer_type != MULTIBOOT2_FRAMEBUFFER_TYPE_RGB || fb.framebuffer_addr == 0)
		return;
	info->fb_addr = fb.framebuffer_addr;
	info->fb_pitch = fb.framebuffer_pitch;
	info->fb_width = fb.framebuffer_width;
	info->fb_height = fb.framebuffer_height;
	info->fb_bpp = fb.framebuffer_bpp;
	info->fb_red_pos = fb.framebuffer_red_field_position;
	info->fb_red_size = fb.framebuffer_red_mask_size;
	info->fb_green_pos = fb.framebuffer_green_field_position;
	info->fb_green_size = fb.framebuffer_green_mask_size;
	info->fb_blue_pos = fb.framebuffer_blue_field_position;
	info->fb_blue_size = fb.framebuffer_blue_mask_size;
}

int multiboot2_read(uint32_t info_addr, struct boot_info *info)
{
	const uint8_t *block = (const uint8_t *)(uintptr_t)info_addr;
	uint32_t total, offset, lower = 0, upper = 0;

	if (info_addr == 0 || info_addr % MULTIBOOT2_TAG_ALIGN != 0 ||
	    bootinfo_span(info_addr, sizeof(struct multiboot2_info)) < sizeof(struct multiboot2_info))
		return -1;
	memcpy(&total, block, 4);
	if (total > MULTIBOOT2_INFO_MAX)
		total = MULTIBOOT2_INFO_MAX;
	total = bootinfo_span(info_addr, total);

	for (offset = sizeof(struct multiboot2_info); total - offset >= sizeof(struct multiboot2_tag);) {
		const uint8_t *tag = block + offset;
		struct multiboot2_tag head;

		memcpy(&head, tag, sizeof(head));
		if (head.type == MULTIBOOT2_TAG_TYPE_END)
			break;
		if (head.size < sizeof(head) || head.size > total - offset)
			break;
		switch (head.type) {
		case MULTIBOOT2_TAG_TYPE_CMDLINE:
			info->cmdline = multiboot2_string(tag, head.size, 8, &info->cmdline_len);
			break;
		case MULTIBOOT2_TAG_TYPE_BOOT_LOADER_NAME:
			info->loader_name = multiboot2_string(tag, head.size, 8, &info->loader_name_len);
			break;
		case MULTIBOOT2_TAG_TYPE_MODULE:
			multiboot2_read_module(tag, head.size, info);
			break;
		case MULTIBOOT2_TAG_TYPE_MMAP:
			if (info->range_count == 0)
				multiboot2_read_mmap(tag, head.size, info);
			break;
		case MULTIBOOT2_TAG_TYPE_BASIC_MEMINFO:
			multiboot2_read_meminfo(tag, head.size, &lower, &upper);
			break;
		case MULTIBOOT2_TAG_TYPE_EFI32:
		case MULTIBOOT2_TAG_TYPE_EFI64:
			multiboot2_read_efi_systab(tag, head.type, head.size, info);
			break;
		case MULTIBOOT2_TAG_TYPE_FRAMEBUFFER:
			multiboot2_read_framebuffer(tag, head.size, info);
			break;
		case MULTIBOOT2_TAG_TYPE_EFI_MMAP:
			multiboot2_read_efi_mmap(tag, head.size, info);
			break;
		case MULTIBOOT2_TAG_TYPE_EFI_BS:
			/* only for a header with tag 7, which ours never has */
			console_fail("multiboot2: EFI boot services not terminated (tag 18); this 32-bit entry cannot use them");
		default:
			break;
		}
		offset += (head.size + MULTIBOOT2_TAG_ALIGN - 1) & ~(uint32_t)(MULTIBOOT2_TAG_ALIGN - 1);
		if (offset > total)
			break;
	}
	if (info->range_count == 0 && upper != 0) {
		if (lower > 640)
			lower = 640;
		bootinfo_add_range(info, 0, (uint64_t)lower << 10, MULTIBOOT2_MEMORY_AVAILABLE);
		bootinfo_add_range(info, 0x100000, (uint64_t)upper << 10, MULTIBOOT2_MEMORY_AVAILABLE);
	}
	/* zero-page.rst acpi_rsdp_addr: from the firmware's table, never GRUB's
	 * copy of the RSDP in tags 14/15 (inside this block, plain RAM) */
	if (info->efi_systab_bits)
		info->rsdp_addr = efi_find_rsdp(info);
	return 0;
}
