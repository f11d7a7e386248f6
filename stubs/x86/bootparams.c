/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Linux zero page (formats/bootparams.h; boot.rst "The real-mode kernel
 * header", zero-page.rst), built in the stub's BSS. The stub's memory lies
 * outside the kernel's reservation, so the page survives until the kernel
 * has copied it.
 */
#include "stub.h"

static struct boot_params bootparams_page __attribute__((aligned(BOOTPARAMS_SIZE)));

/* One setup_data node of type SETUP_E820_EXT: the entries past the zero page's 128 */
#define BOOTPARAMS_E820_EXT_MAX    (STUB_MEMORY_RANGES_MAX - E820_MAX_ENTRIES_ZEROPAGE)
static uint8_t bootparams_e820_ext[sizeof(struct setup_data) +
				   BOOTPARAMS_E820_EXT_MAX * sizeof(struct boot_e820_entry)]
	__attribute__((aligned(8)));

/* A zeroed page holding the kernel's own setup header at 0x1f1 */
struct boot_params *bootparams_init(const struct stub_params *params)
{
	uint32_t len = params->setup_header_len;

	if (len > sizeof(params->setup_header))
		len = sizeof(params->setup_header);
	memset(&bootparams_page, 0, sizeof(bootparams_page));
	memcpy((uint8_t *)&bootparams_page + SETUP_HEADER_OFFSET, params->setup_header, len);
	return &bootparams_page;
}

static struct boot_e820_entry bootparams_e820_entry(const struct boot_memory_range *range)
{
	struct boot_e820_entry entry = { range->addr, range->size, range->type };

	return entry;
}

/*
 * boot.rst "setup_data" (2.09+), SETUP_E820_EXT: the entries the zero page
 * has no room for, as Linux's e820__memory_setup_extended reads them. The
 * node is put first in the kernel's setup_data list.
 */
static void bootparams_set_e820_ext(struct boot_params *boot_params, const struct boot_info *info)
{
	uint32_t count = info->range_count - E820_MAX_ENTRIES_ZEROPAGE;
	struct setup_data node = { 0, SETUP_E820_EXT, 0 };
	uint32_t index;

	if (boot_params->hdr.version < BOOT_PROTOCOL(2, 9)) {
		console_line_u32("memory ranges past 128 dropped (no setup_data before protocol 2.09): ",
				 count, "");
		return;
	}
	for (index = 0; index < count; index++) {
		struct boot_e820_entry entry =
			bootparams_e820_entry(&info->ranges[E820_MAX_ENTRIES_ZEROPAGE + index]);

		memcpy(bootparams_e820_ext + sizeof(node) + index * sizeof(entry), &entry, sizeof(entry));
	}
	node.next = boot_params->hdr.setup_data;
	node.len = count * sizeof(struct boot_e820_entry);
	memcpy(bootparams_e820_ext, &node, sizeof(node));
	boot_params->hdr.setup_data = (uint32_t)(uintptr_t)bootparams_e820_ext;
}

/* zero-page.rst e820_table: 128 entries in the page itself, the rest in SETUP_E820_EXT */
void bootparams_set_e820(struct boot_params *boot_params, const struct boot_info *info)
{
	uint32_t count = info->range_count;
	uint32_t index;

	if (count > E820_MAX_ENTRIES_ZEROPAGE)
		count = E820_MAX_ENTRIES_ZEROPAGE;
	for (index = 0; index < count; index++)
		boot_params->e820_table[index] = bootparams_e820_entry(&info->ranges[index]);
	boot_params->e820_entries = (uint8_t)count;
	if (info->range_count > E820_MAX_ENTRIES_ZEROPAGE)
		bootparams_set_e820_ext(boot_params, info);
}

/*
 * boot.rst "Details of header fields", the fields a boot loader writes.
 * The sentinel (0x1ef) stays 0: we copied only the header, not a sector.
 */
void bootparams_set_loader_fields(struct boot_params *boot_params,
				  const struct stub_params *params, const char *cmdline)
{
	struct setup_header *hdr = &boot_params->hdr;

	hdr->type_of_loader = TYPE_OF_LOADER_UNDEFINED;
	hdr->code32_start = params->kernel_entry;
	hdr->cmd_line_ptr = (uint32_t)(uintptr_t)cmdline;
}

/* boot.rst ramdisk_image/ramdisk_size; zero-page.rst ext_* hold bits 32..63 */
void bootparams_set_initrd(struct boot_params *boot_params, uint64_t addr, uint64_t size)
{
	boot_params->hdr.ramdisk_image = (uint32_t)addr;
	boot_params->hdr.ramdisk_size = (uint32_t)size;
	boot_params->ext_ramdisk_image = (uint32_t)(addr >> 32);
	boot_params->ext_ramdisk_size = (uint32_t)(size >> 32);
}

/* zero-page.rst acpi_rsdp_addr (0x070): the kernel uses it before searching */
void bootparams_set_rsdp(struct boot_params *boot_params, const struct boot_info *info)
{
	boot_params->acpi_rsdp_addr = info->rsdp_addr;
}

/*
 * zero-page.rst efi_info (0x1c0), as GRUB's `linux` fills it
 * (boot.rst "EFI Handover Protocol" aside, the fields of a 32-bit loader
 * on EFI): the loader signature from the system table's word size, the
 * table and the memory map the loader passed to ExitBootServices. This
 * layout exists from protocol 2.06; the _hi words are read from 2.08 on.
 */
void bootparams_set_efi(struct boot_params *boot_params, const struct boot_info *info)
{
	struct efi_info efi = { 0 };
	uint16_t version = boot_params->hdr.version;

	if (info->efi_systab_bits == 0)
		return;
	if (version < BOOT_PROTOCOL(2, 6)) {
		console_line("EFI handoff left out: efi_info needs boot protocol 2.06 or later");
		return;
	}
	if (info->efi_memmap == 0) {
		console_line("EFI handoff left out: the loader gave no EFI memory map (multiboot2 tag 17)");
		return;
	}
	if (version < BOOT_PROTOCOL(2, 8) && (info->efi_systab >> 32) != 0) {
		console_line("EFI handoff left out: system table above 4 GiB needs efi_systab_hi (protocol 2.08)");
		return;
	}
	efi.efi_loader_signature = info->efi_systab_bits == 64 ? EFI64_LOADER_SIGNATURE
								  : EFI32_LOADER_SIGNATURE;
	efi.efi_systab = (uint32_t)info->efi_systab;
	efi.efi_memdesc_size = info->efi_memdesc_size;
	efi.efi_memdesc_version = info->efi_memdesc_version;
	efi.efi_memmap = (uint32_t)info->efi_memmap;
	efi.efi_memmap_size = info->efi_memmap_size;
	if (version >= BOOT_PROTOCOL(2, 8)) {
		efi.efi_systab_hi = (uint32_t)(info->efi_systab >> 32);
		efi.efi_memmap_hi = (uint32_t)(info->efi_memmap >> 32);
	}
	boot_params->efi_info = efi;
}

/*
 * zero-page.rst screen_info (0x000) for the linear framebuffer the loader
 * set up, as GRUB's `linux` fills it: VIDEO_TYPE_EFI on EFI (Linux's efifb),
 * VIDEO_TYPE_VLFB on BIOS (vesafb); fields wider than the loader's values
 * allow are not believed.
 */
void bootparams_set_screen(struct boot_params *boot_params, const struct boot_info *info)
{
	struct screen_info screen;

	if (info->fb_addr == 0 || info->fb_width > 0xffff || info->fb_height > 0xffff ||
	    info->fb_pitch > 0xffff)
		return;
	memset(&screen, 0, sizeof(screen));
	screen.orig_video_isVGA = info->efi_systab_bits ? VIDEO_TYPE_EFI : VIDEO_TYPE_VLFB;
	screen.lfb_base = (uint32_t)info->fb_addr;
	screen.ext_lfb_base = (uint32_t)(info->fb_addr >> 32);
	if (screen.ext_lfb_base)
		screen.capabilities = VIDEO_CAPABILITY_64BIT_BASE;
	screen.lfb_width = (uint16_t)info->fb_width;
	screen.lfb_height = (uint16_t)info->fb_height;
	screen.lfb_depth = info->fb_bpp;
	screen.lfb_linelength = (uint16_t)info->fb_pitch;
	/* Linux's sysfb: bytes for EFI, 64 KiB units for VLFB (vesafb's rule) */
	screen.lfb_size = (info->fb_pitch * info->fb_height + 0xffffu) & ~0xffffu;
	if (screen.orig_video_isVGA == VIDEO_TYPE_VLFB)
		screen.lfb_size >>= 16;
	screen.red_pos = info->fb_red_pos;
	screen.red_size = info->fb_red_size;
	screen.green_pos = info->fb_green_pos;
	screen.green_size = info->fb_green_size;
	screen.blue_pos = info->fb_blue_pos;
	screen.blue_size = info->fb_blue_size;
	if (info->fb_bpp == 32 && info->fb_red_pos < 24 && info->fb_green_pos < 24 &&
	    info->fb_blue_pos < 24) {
		/* the byte no colour uses, as GRUB's linux reports it */
		screen.rsvd_pos = 24;
		screen.rsvd_size = 8;
	}
	boot_params->screen_info = screen;
}
