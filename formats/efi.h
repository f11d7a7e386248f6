/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The parts of UEFI a loader's handoff points at after ExitBootServices:
 * the system table and its configuration table, in their 32-bit and 64-bit
 * forms (the firmware's word size, not ours).
 *
 * Specification: UEFI 2.10, section 4.2 "EFI Table Header", 4.3 "EFI System
 * Table", 4.6 "EFI Configuration Table & Properties Table" (the ACPI GUIDs).
 * Pointers and UINTN are 8 bytes in the 64-bit form and 4 in the 32-bit one,
 * with natural alignment: hence the named padding.
 *
 * Shared by the x86 stub and the tests: fixed-width types only.
 */
#ifndef FORMATS_EFI_H
#define FORMATS_EFI_H

#include <stdint.h>

/* 4.3 EFI_SYSTEM_TABLE_SIGNATURE: "IBI SYST" */
#define EFI_SYSTEM_TABLE_SIGNATURE   0x5453595320494249ull

/* 4.6 ACPI_20_TABLE_GUID 8868e871-e4f1-11d3-bc22-0080c73c8881, ACPI_TABLE_GUID
 * eb9d2d30-2d88-11d3-9a16-0090273fc14d, as their 16 bytes lie in memory */
#define EFI_ACPI_20_TABLE_GUID_BYTES \
	{ 0x71, 0xe8, 0x68, 0x88, 0xf1, 0xe4, 0xd3, 0x11, \
	  0xbc, 0x22, 0x00, 0x80, 0xc7, 0x3c, 0x88, 0x81 }
#define EFI_ACPI_TABLE_GUID_BYTES \
	{ 0x30, 0x2d, 0x9d, 0xeb, 0x88, 0x2d, 0xd3, 0x11, \
	  0x9a, 0x16, 0x00, 0x90, 0x27, 0x3f, 0xc1, 0x4d }
#define EFI_GUID_SIZE                16

/* 4.2 EFI_TABLE_HEADER */
struct efi_table_header {
	uint64_t signature;            /* 0x00 */
	uint32_t revision;             /* 0x08 */
	uint32_t header_size;          /* 0x0c */
	uint32_t crc32;                /* 0x10 */
	uint32_t reserved;             /* 0x14 */
};                                     /* 0x18 */

/* 4.3 EFI_SYSTEM_TABLE, 64-bit firmware */
struct efi_system_table_64 {
	struct efi_table_header hdr;   /* 0x00 */
	uint64_t fw_vendor;            /* 0x18 */
	uint32_t fw_revision;          /* 0x20 */
	uint32_t _pad1;                /* 0x24 */
	uint64_t con_in_handle;        /* 0x28 */
	uint64_t con_in;               /* 0x30 */
	uint64_t con_out_handle;       /* 0x38 */
	uint64_t con_out;              /* 0x40 */
	uint64_t stderr_handle;        /* 0x48 */
	uint64_t stderr_out;           /* 0x50 */
	uint64_t runtime;              /* 0x58 */
	uint64_t boottime;             /* 0x60  0 once boot services have exited (GRUB) */
	uint64_t nr_tables;            /* 0x68  UINTN NumberOfTableEntries */
	uint64_t tables;               /* 0x70  EFI_CONFIGURATION_TABLE * */
};                                     /* 0x78 */

/* 4.3 EFI_SYSTEM_TABLE, 32-bit firmware */
struct efi_system_table_32 {
	struct efi_table_header hdr;   /* 0x00 */
	uint32_t fw_vendor;            /* 0x18 */
	uint32_t fw_revision;          /* 0x1c */
	uint32_t con_in_handle;        /* 0x20 */
	uint32_t con_in;               /* 0x24 */
	uint32_t con_out_handle;       /* 0x28 */
	uint32_t con_out;              /* 0x2c */
	uint32_t stderr_handle;        /* 0x30 */
	uint32_t stderr_out;           /* 0x34 */
	uint32_t runtime;              /* 0x38 */
	uint32_t boottime;             /* 0x3c */
	uint32_t nr_tables;            /* 0x40 */
	uint32_t tables;               /* 0x44 */
};                                     /* 0x48 */

/* 4.6 EFI_CONFIGURATION_TABLE: a GUID and a pointer */
struct efi_config_table_64 {
	uint8_t  guid[EFI_GUID_SIZE];  /* 0x00 */
	uint64_t table;                /* 0x10 */
};                                     /* 0x18 */

struct efi_config_table_32 {
	uint8_t  guid[EFI_GUID_SIZE];  /* 0x00 */
	uint32_t table;                /* 0x10 */
};                                     /* 0x14 */

_Static_assert(sizeof(struct efi_table_header) == 0x18, "efi_table_header layout");
_Static_assert(__builtin_offsetof(struct efi_system_table_64, nr_tables) == 0x68, "systab64 nr_tables");
_Static_assert(__builtin_offsetof(struct efi_system_table_64, tables) == 0x70, "systab64 tables");
_Static_assert(sizeof(struct efi_system_table_64) == 0x78, "efi_system_table_64 layout");
_Static_assert(__builtin_offsetof(struct efi_system_table_32, nr_tables) == 0x40, "systab32 nr_tables");
_Static_assert(__builtin_offsetof(struct efi_system_table_32, tables) == 0x44, "systab32 tables");
_Static_assert(sizeof(struct efi_system_table_32) == 0x48, "efi_system_table_32 layout");
_Static_assert(__builtin_offsetof(struct efi_config_table_64, table) == 0x10, "config table 64");
_Static_assert(sizeof(struct efi_config_table_64) == 0x18, "efi_config_table_64 layout");
_Static_assert(sizeof(struct efi_config_table_32) == 0x14, "efi_config_table_32 layout");

#endif
