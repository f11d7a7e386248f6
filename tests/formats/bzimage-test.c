/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bzimage_parse / bzimage_validate on small inline headers, one vector per
 * rule of formats/bzimage.c. TAP output.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "formats/bzimage.h"
#include "tests/tap.h"

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v) { put16(p, (uint16_t)v); put16(p + 2, (uint16_t)(v >> 16)); }

/* A protocol 2.15 header: setup_sects 4, 0x1000 bytes of kernel after it. */
#define FILE_SIZE (5 * 512 + 0x1000)
static void make_header(uint8_t *buf, uint16_t version)
{
	memset(buf, 0, BZIMAGE_HEADER_BYTES);
	buf[0x1f1] = 4;
	put32(buf + 0x1f4, 0x1000 / 16);
	put16(buf + 0x1fe, 0xaa55);
	buf[0x200] = 0xeb;
	buf[0x201] = 0x6a;              /* header ends at 0x26c */
	put32(buf + 0x202, 0x53726448);
	put16(buf + 0x206, version);
	buf[0x211] = LOADED_HIGH;
	put32(buf + 0x214, 0x100000);
	put32(buf + 0x22c, 0x7fffffff);
	put32(buf + 0x230, 0x200000);
	buf[0x234] = 1;
	put32(buf + 0x238, 2047);
	put32(buf + 0x258, 0x1000000);
	put32(buf + 0x260, 0x800000);
}

static enum fmt_status parse(uint8_t *buf, size_t len, uint64_t size, struct bzimage_info *info,
			     struct fmt_error *err)
{
	enum fmt_status status = bzimage_parse(buf, len, size, info, err);

	return status != FMT_OK ? status : bzimage_validate(info, err);
}

int main(void)
{
	uint8_t buf[BZIMAGE_HEADER_BYTES];
	struct bzimage_info info;
	struct fmt_error err;

	make_header(buf, BOOT_PROTOCOL(2, 15));
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_OK, "a 2.15 header parses");
	tap_ok(info.pm_offset == 5 * 512 && info.pm_size == 0x1000, "kernel follows (setup_sects + 1) sectors");
	tap_ok(info.setup_header_len == 0x26c - 0x1f1, "header length comes from the jump byte at 0x201");
	tap_ok(info.pref_address == 0x1000000 && info.init_size == 0x800000, "2.10 fields read");
	tap_ok(info.cmdline_size == 2047 && info.relocatable_kernel == 1, "2.05/2.06 fields read");

	make_header(buf, BOOT_PROTOCOL(2, 14));
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_OK &&
	   info.version == BOOT_PROTOCOL(2, 13), "protocol 2.14 is read as 2.13 (boot.rst)");

	make_header(buf, BOOT_PROTOCOL(2, 2));
	buf[0x201] = 0x2a;              /* a 2.02 header ends at 0x22c */
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_OK &&
	   info.cmdline_size == 255 && info.initrd_addr_max == 0x37ffffff && info.init_size == 0,
	   "fields 2.02 lacks get boot.rst's defaults");

	make_header(buf, BOOT_PROTOCOL(2, 15));
	buf[0x1f1] = 0;
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_OK && info.setup_sects == 4,
	   "setup_sects 0 means 4");

	make_header(buf, BOOT_PROTOCOL(2, 15));
	tap_ok(parse(buf, 0x205, FILE_SIZE, &info, &err) == FMT_NOT_THIS_FORMAT, "too short for HdrS");
	buf[0x202] = 'X';
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_NOT_THIS_FORMAT && err.offset == 0x202,
	   "no HdrS: not this format");

	make_header(buf, BOOT_PROTOCOL(2, 15));
	put16(buf + 0x1fe, 0x1234);
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_BAD_MAGIC && err.offset == 0x1fe,
	   "boot_flag must be 0xaa55");

	make_header(buf, BOOT_PROTOCOL(2, 15));
	tap_ok(parse(buf, 0x220, FILE_SIZE, &info, &err) == FMT_TRUNCATED, "header cut short is truncated");

	make_header(buf, BOOT_PROTOCOL(2, 15));
	tap_ok(parse(buf, sizeof(buf), 5 * 512, &info, &err) == FMT_TRUNCATED && err.offset == 0x1f1,
	   "setup_sects reaching the end of the file leaves no kernel");

	make_header(buf, BOOT_PROTOCOL(2, 15));
	put32(buf + 0x1f4, 0x1001 / 16 + 1);
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_TRUNCATED && err.offset == 0x1f4,
	   "syssize beyond the file is truncated");
	put32(buf + 0x1f4, 0x800 / 16);
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_OK,
	   "bytes after syssize (a signature) are accepted");

	make_header(buf, BOOT_PROTOCOL(2, 1));
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_UNSUPPORTED && err.offset == 0x206 &&
	   strcmp(err.why, "protocol 2.01 is below the minimum 2.02") == 0, "protocol below 2.02 refused");

	make_header(buf, BOOT_PROTOCOL(2, 15));
	buf[0x211] = 0;
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_UNSUPPORTED && err.offset == 0x211,
	   "a zImage (no LOADED_HIGH) is refused");

	make_header(buf, BOOT_PROTOCOL(2, 15));
	put32(buf + 0x230, 0x300000);
	tap_ok(parse(buf, sizeof(buf), FILE_SIZE, &info, &err) == FMT_BAD_FIELD && err.offset == 0x230,
	   "kernel_alignment must be a power of two");

	return tap_done();
}
