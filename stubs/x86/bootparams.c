/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Linux zero page (formats/bootparams.h; boot.rst "The real-mode kernel
 * header", zero-page.rst), built in the stub's BSS. The stub's memory lies
 * outside the kernel's reservation, so the page survives until the kernel
 * has copied it.
 */
#include "stub.h"

static struct boot_params bootparams_page __attribute__((aligned(BOOTPARAMS_SIZE)));

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

/* zero-page.rst e820_table: at most 128 entries in the page itself */
void bootparams_set_e820(struct boot_params *boot_params, const struct boot_info *info)
{
	uint32_t count = info->range_count;
	uint32_t index;

	if (count > E820_MAX_ENTRIES_ZEROPAGE)
		count = E820_MAX_ENTRIES_ZEROPAGE;
	for (index = 0; index < count; index++) {
		boot_params->e820_table[index].addr = info->ranges[index].addr;
		boot_params->e820_table[index].size = info->ranges[index].size;
		boot_params->e820_table[index].type = info->ranges[index].type;
	}
	boot_params->e820_entries = (uint8_t)count;
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
