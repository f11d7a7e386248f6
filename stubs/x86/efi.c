/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ACPI RSDP from the EFI system table a loader passed (formats/efi.h;
 * UEFI 2.10 section 4.6): the configuration table's ACPI 2.0 entry, else
 * its ACPI 1.0 entry, as Linux's own efi_get_rsdp_addr prefers them. Boot
 * services have exited by now, but the system table and its configuration
 * table are runtime memory. The stub reaches only the low 4 GiB.
 */
#include "stub.h"

/* More entries than this are not believed (OVMF has about 10) */
#define EFI_CONFIG_TABLES_MAX      256u

static const uint8_t efi_acpi20_guid[EFI_GUID_SIZE] = EFI_ACPI_20_TABLE_GUID_BYTES;
static const uint8_t efi_acpi10_guid[EFI_GUID_SIZE] = EFI_ACPI_TABLE_GUID_BYTES;

/* The configuration table's place, count and entry size, or 0 entries */
static uint32_t efi_config_tables(const struct boot_info *info, uint64_t *tables, uint32_t *entry_size)
{
	uint64_t count;

	if (info->efi_systab_bits == 64) {
		struct efi_system_table_64 systab;

		if (bootinfo_span(info->efi_systab, sizeof(systab)) < sizeof(systab))
			return 0;
		memcpy(&systab, (const void *)(uintptr_t)info->efi_systab, sizeof(systab));
		if (systab.hdr.signature != EFI_SYSTEM_TABLE_SIGNATURE)
			return 0;
		count = systab.nr_tables;
		*tables = systab.tables;
		*entry_size = sizeof(struct efi_config_table_64);
	} else {
		struct efi_system_table_32 systab;

		if (bootinfo_span(info->efi_systab, sizeof(systab)) < sizeof(systab))
			return 0;
		memcpy(&systab, (const void *)(uintptr_t)info->efi_systab, sizeof(systab));
		if (systab.hdr.signature != EFI_SYSTEM_TABLE_SIGNATURE)
			return 0;
		count = systab.nr_tables;
		*tables = systab.tables;
		*entry_size = sizeof(struct efi_config_table_32);
	}
	if (count > EFI_CONFIG_TABLES_MAX)
		count = EFI_CONFIG_TABLES_MAX;
	if (bootinfo_span(*tables, (uint32_t)count * *entry_size) < count * *entry_size)
		return 0;
	return (uint32_t)count;
}

uint64_t efi_find_rsdp(const struct boot_info *info)
{
	uint64_t tables = 0, acpi10 = 0;
	uint32_t entry_size = 0, count, index;

	count = efi_config_tables(info, &tables, &entry_size);
	if (count == 0) {
		console_line("EFI system table unreadable (no signature, or above 4 GiB): no RSDP from it");
		return 0;
	}
	for (index = 0; index < count; index++) {
		const uint8_t *entry = (const uint8_t *)(uintptr_t)(tables + (uint64_t)index * entry_size);
		uint64_t table = 0;

		if (entry_size == sizeof(struct efi_config_table_64))
			memcpy(&table, entry + offsetof(struct efi_config_table_64, table), 8);
		else
			memcpy(&table, entry + offsetof(struct efi_config_table_32, table), 4);
		if (memcmp(entry, efi_acpi20_guid, EFI_GUID_SIZE) == 0)
			return table;
		if (memcmp(entry, efi_acpi10_guid, EFI_GUID_SIZE) == 0 && acpi10 == 0)
			acpi10 = table;
	}
	return acpi10;
}
