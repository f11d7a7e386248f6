/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The coreboot table (formerly the LinuxBIOS table): how coreboot tells a
 * payload about memory and devices.
 *
 * Specification: coreboot src/commonlib/include/commonlib/coreboot_tables.h.
 * The header sits 16-byte aligned in [0, 4 KiB) or [0xf0000, 1 MiB); modern
 * coreboot puts there only a header whose one record is LB_TAG_FORWARD,
 * pointing at the real table high in memory, and also passes the real
 * table's address as the payload's one C argument.
 *
 *  0 +-----------------+
 *    | signature       | "LBIO"
 *  4 | header_bytes    | sizeof(struct lb_header) = 24
 *  8 | header_checksum | IP checksum: the header sums to 0
 * 12 | table_bytes     | records that follow the header
 * 16 | table_checksum  | IP checksum of those bytes
 * 20 | table_entries   | number of records
 * 24 +-----------------+ records: { tag, size (whole record), payload }
 *
 * 64-bit values in records are two 32-bit halves (struct lb_uint64), so they
 * are only 4-byte aligned: read them with memcpy, never through a pointer.
 */
#ifndef FORMATS_COREBOOT_H
#define FORMATS_COREBOOT_H

#include <stdint.h>

#define LB_HEADER_SIGNATURE        "LBIO"
#define LB_HEADER_ALIGN            16
#define LB_LOW_SCAN_START          0x00000u   /* first area scanned */
#define LB_LOW_SCAN_END            0x01000u
#define LB_HIGH_SCAN_START         0xf0000u   /* second area scanned */
#define LB_HIGH_SCAN_END           0x100000u

struct lb_header {
	uint8_t  signature[4];         /* 0x00 */
	uint32_t header_bytes;         /* 0x04 */
	uint32_t header_checksum;      /* 0x08 */
	uint32_t table_bytes;          /* 0x0c */
	uint32_t table_checksum;       /* 0x10 */
	uint32_t table_entries;        /* 0x14 */
};                                     /* 0x18 */

struct lb_record {
	uint32_t tag;                  /* 0x00 */
	uint32_t size;                 /* 0x04  bytes of the whole record */
};                                     /* 0x08 */

/* record tags */
#define LB_TAG_MEMORY              0x0001
#define LB_TAG_FORWARD             0x0011
#define LB_TAG_FRAMEBUFFER         0x0012
#define LB_TAG_ACPI_RSDP           0x0043

/* LB_TAG_MEMORY: lb_record, then entries of struct lb_memory_range */
struct lb_memory_range {
	uint32_t start_lo, start_hi;   /* 0x00  struct lb_uint64 start */
	uint32_t size_lo, size_hi;     /* 0x08  struct lb_uint64 size */
	uint32_t type;                 /* 0x10 */
};                                     /* 0x14 */

/* lb_memory_range.type: 1..5 as e820; the rest are reserved to Linux */
#define LB_MEM_RAM                 1
#define LB_MEM_RESERVED            2
#define LB_MEM_ACPI                3
#define LB_MEM_NVS                 4
#define LB_MEM_UNUSABLE            5
#define LB_MEM_VENDOR_RSVD         6
#define LB_MEM_TABLE               16   /* the coreboot tables themselves */

/* LB_TAG_FORWARD */
struct lb_forward {
	uint32_t tag;                  /* 0x00 */
	uint32_t size;                 /* 0x04 */
	uint32_t forward_lo, forward_hi; /* 0x08  address of the next lb_header */
};                                     /* 0x10 */

/* LB_TAG_ACPI_RSDP */
struct lb_acpi_rsdp {
	uint32_t tag;                  /* 0x00 */
	uint32_t size;                 /* 0x04 */
	uint32_t rsdp_lo, rsdp_hi;     /* 0x08  struct lb_uint64 rsdp_pointer */
};                                     /* 0x10 */

/* LB_TAG_FRAMEBUFFER (the fields the zero page's screen_info takes) */
struct lb_framebuffer {
	uint32_t tag;                  /* 0x00 */
	uint32_t size;                 /* 0x04 */
	uint32_t physical_address_lo, physical_address_hi; /* 0x08 */
	uint32_t x_resolution;         /* 0x10 */
	uint32_t y_resolution;         /* 0x14 */
	uint32_t bytes_per_line;       /* 0x18 */
	uint8_t  bits_per_pixel;       /* 0x1c */
	uint8_t  red_mask_pos;         /* 0x1d */
	uint8_t  red_mask_size;        /* 0x1e */
	uint8_t  green_mask_pos;       /* 0x1f */
	uint8_t  green_mask_size;      /* 0x20 */
	uint8_t  blue_mask_pos;        /* 0x21 */
	uint8_t  blue_mask_size;       /* 0x22 */
	uint8_t  reserved_mask_pos;    /* 0x23 */
	uint8_t  reserved_mask_size;   /* 0x24 */
	uint8_t  orientation;          /* 0x25 */
	uint8_t  pad[2];               /* 0x26 */
};                                     /* 0x28 */

_Static_assert(sizeof(struct lb_header) == 24, "lb_header layout");
_Static_assert(sizeof(struct lb_record) == 8, "lb_record layout");
_Static_assert(sizeof(struct lb_memory_range) == 20, "lb_memory_range layout");
_Static_assert(sizeof(struct lb_forward) == 16, "lb_forward layout");
_Static_assert(sizeof(struct lb_acpi_rsdp) == 16, "lb_acpi_rsdp layout");
_Static_assert(__builtin_offsetof(struct lb_framebuffer, bits_per_pixel) == 0x1c, "lb_framebuffer.bits_per_pixel");
_Static_assert(sizeof(struct lb_framebuffer) == 0x28, "lb_framebuffer layout");

#endif
