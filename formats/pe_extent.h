/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * How long an EFI-stub kernel Image must be, from its PE/COFF section table
 * (Microsoft "PE Format": the "PE\0\0" signature, the 20-byte COFF file
 * header whose NumberOfSections is at +6 and SizeOfOptionalHeader at +20
 * from the signature, then 40-byte section headers with SizeOfRawData at
 * +16 and PointerToRawData at +20). arm64 and riscv64 Images both name
 * their PE header in the last word of the 64-byte Image header; a file
 * shorter than its sections' raw data was cut short.
 */
#ifndef FORMATS_PE_EXTENT_H
#define FORMATS_PE_EXTENT_H

#include <stddef.h>
#include <stdint.h>

#include "fmt_error.h"

#define PE_MZ               0x5a4d        /* "MZ": the first two bytes of a PE file */
#define PE_SIGNATURE        0x00004550u   /* "PE\0\0" */
#define PE_COFF_SIZE        24            /* signature + COFF file header */
#define PE_SECTION_SIZE     40
#define PE_MAX_SECTIONS     96

/*
 * The end of the last section's file bytes into *end, for a PE header at
 * `pe` in the first `len` bytes of `buf`. Headers out of reach leave *end 0
 * (unknown); a wrong signature where the Image points is an error.
 */
enum fmt_status pe_raw_end(const uint8_t *buf, size_t len, uint64_t pe, uint64_t *end,
			   struct fmt_error *err);

#endif
