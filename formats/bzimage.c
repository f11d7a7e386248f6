/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Linux x86 bzImage setup header: bytes in, a checked description out. */
#include "config.h"

#include <string.h>

#include "bzimage.h"
#include "le.h"

/* A field at file offset `off` exists when the kernel's header reaches past it. */
static int header_has(const struct bzimage_info *info, size_t off, size_t size)
{
	return SETUP_HEADER_OFFSET + info->setup_header_len >= off + size;
}

/* Read the fields each protocol version added; absent ones get boot.rst's defaults. */
static void read_versioned_fields(const uint8_t *buf, struct bzimage_info *out)
{
	uint16_t v = out->version;

	out->initrd_addr_max = INITRD_ADDR_MAX_BEFORE_2_03;
	out->cmdline_size = CMDLINE_SIZE_BEFORE_2_06;
	if (v >= BOOT_PROTOCOL(2, 3) && header_has(out, 0x22c, 4))
		out->initrd_addr_max = le32_get(buf + 0x22c);
	if (v >= BOOT_PROTOCOL(2, 5) && header_has(out, 0x230, 5)) {
		out->kernel_alignment = le32_get(buf + 0x230);
		out->relocatable_kernel = buf[0x234];
	}
	if (v >= BOOT_PROTOCOL(2, 6) && header_has(out, 0x238, 4))
		out->cmdline_size = le32_get(buf + 0x238);
	if (v >= BOOT_PROTOCOL(2, 10) && header_has(out, 0x258, 12)) {
		out->min_alignment = buf[0x235];
		out->pref_address = le64_get(buf + 0x258);
		out->init_size = le32_get(buf + 0x260);
	}
	if (v >= BOOT_PROTOCOL(2, 12) && header_has(out, 0x236, 2))
		out->xloadflags = le16_get(buf + 0x236);
}

enum fmt_status bzimage_parse(const uint8_t *buf, size_t len, uint64_t file_size,
			      struct bzimage_info *out, struct fmt_error *err)
{
	size_t header_end;

	memset(out, 0, sizeof(*out));
	out->file_size = file_size;
	if (len > file_size)
		len = (size_t)file_size;

	/* Magic first: a file without "HdrS" is not a bzImage at all. */
	if (len < 0x206)
		return fmt_fail(err, FMT_NOT_THIS_FORMAT, "setup header", 0x202,
				"file is %zu bytes, too short to hold the \"HdrS\" signature at 0x202", len);
	if (le32_get(buf + 0x202) != HEADER_MAGIC)
		return fmt_fail(err, FMT_NOT_THIS_FORMAT, "setup header", 0x202,
				"no \"HdrS\" signature (found 0x%08x): not a Linux bzImage",
				le32_get(buf + 0x202));
	if (len < 0x208)
		return fmt_fail(err, FMT_TRUNCATED, "setup header", 0x206,
				"file ends before the protocol version");
	if (le16_get(buf + 0x1fe) != BOOT_FLAG_MAGIC)
		return fmt_fail(err, FMT_BAD_MAGIC, "setup header", 0x1fe,
				"boot_flag is 0x%04x, not 0xaa55", le16_get(buf + 0x1fe));

	/* boot.rst: the header runs from 0x1f1 to 0x202 + the jump's length byte. */
	header_end = 0x202 + (size_t)buf[0x201];
	if (header_end > SETUP_HEADER_COPY_LIMIT)
		header_end = SETUP_HEADER_COPY_LIMIT;
	if (header_end < 0x208)
		return fmt_fail(err, FMT_BAD_FIELD, "setup header", 0x201,
				"jump length 0x%02x ends the header before the version field", buf[0x201]);
	if (header_end > len)
		return fmt_fail(err, FMT_TRUNCATED, "setup header", header_end,
				"file ends at 0x%zx, inside the setup header that runs to 0x%zx",
				len, header_end);
	out->setup_header_len = (uint32_t)(header_end - SETUP_HEADER_OFFSET);
	memcpy(out->setup_header, buf + SETUP_HEADER_OFFSET, out->setup_header_len);

	out->version_in_file = le16_get(buf + 0x206);
	out->version = out->version_in_file;
	if (out->version == BOOT_PROTOCOL(2, 14))
		out->version = BOOT_PROTOCOL(2, 13);  /* boot.rst: 2.14 is burnt, read as 2.13 */
	out->setup_sects = buf[0x1f1] ? buf[0x1f1] : SETUP_SECTS_DEFAULT;
	out->syssize = le32_get(buf + 0x1f4);
	out->kernel_version = header_has(out, 0x20e, 2) ? le16_get(buf + 0x20e) : 0;
	out->loadflags = header_has(out, 0x211, 1) ? buf[0x211] : 0;
	out->code32_start = header_has(out, 0x214, 4) ? le32_get(buf + 0x214) : 0;
	read_versioned_fields(buf, out);

	/* The setup part is (setup_sects + 1) sectors; the kernel follows it. */
	out->pm_offset = (uint64_t)(out->setup_sects + 1) * SETUP_SECTOR_SIZE;
	if (out->pm_offset >= file_size)
		return fmt_fail(err, FMT_TRUNCATED, "setup header", 0x1f1,
				"setup_sects %u puts the kernel at 0x%llx, past the end of the %llu-byte file",
				buf[0x1f1], (unsigned long long)out->pm_offset,
				(unsigned long long)file_size);
	out->pm_size = file_size - out->pm_offset;
	return FMT_OK;
}

enum fmt_status bzimage_validate(const struct bzimage_info *info, struct fmt_error *err)
{
	uint64_t declared;

	if (info->version < BZIMAGE_MIN_PROTOCOL)
		return fmt_fail(err, FMT_UNSUPPORTED, "setup header", 0x206,
				"protocol %u.%02u is below the minimum 2.02",
				info->version >> 8, info->version & 0xff);
	/* boot.rst: a zImage (LOADED_HIGH clear) loads at 0x10000; not supported. */
	if (!(info->loadflags & LOADED_HIGH))
		return fmt_fail(err, FMT_UNSUPPORTED, "setup header", 0x211,
				"loadflags 0x%02x lacks LOADED_HIGH: a zImage, not a bzImage",
				info->loadflags);
	/* From 2.04 syssize is the protected-mode size in 16-byte units; bytes
	 * after it (a signature, the old CRC) are allowed, fewer are not. */
	declared = (uint64_t)info->syssize * 16;
	if (info->version >= BOOT_PROTOCOL(2, 4) && declared > info->pm_size)
		return fmt_fail(err, FMT_TRUNCATED, "setup header", 0x1f4,
				"syssize 0x%x declares %llu kernel bytes but only %llu follow the setup",
				info->syssize, (unsigned long long)declared,
				(unsigned long long)info->pm_size);
	if (info->cmdline_size == 0)
		return fmt_fail(err, FMT_BAD_FIELD, "setup header", 0x238,
				"cmdline_size is 0");
	if (info->relocatable_kernel && info->kernel_alignment != 0 &&
	    (info->kernel_alignment & (info->kernel_alignment - 1)) != 0)
		return fmt_fail(err, FMT_BAD_FIELD, "setup header", 0x230,
				"kernel_alignment 0x%x is not a power of two",
				info->kernel_alignment);
	return FMT_OK;
}
