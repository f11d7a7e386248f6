/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The end of an EFI-stub Image's PE section data (pe_extent.h). */
#include "config.h"

#include "le.h"
#include "pe_extent.h"

enum fmt_status pe_raw_end(const uint8_t *buf, size_t len, uint64_t pe, uint64_t *end,
			   struct fmt_error *err)
{
	uint64_t table, last = 0;
	unsigned sections, optional, i;

	*end = 0;
	if (pe == 0 || pe > len || PE_COFF_SIZE > len - pe)
		return FMT_OK;
	if (le32_get(buf + pe) != PE_SIGNATURE)
		return fmt_fail(err, FMT_BAD_MAGIC, "PE header", pe,
				"no \"PE\\0\\0\" where the Image header points");
	sections = le16_get(buf + pe + 6);
	optional = le16_get(buf + pe + 20);
	if (sections > PE_MAX_SECTIONS)
		return fmt_fail(err, FMT_BAD_FIELD, "PE header NumberOfSections", pe + 6,
				"%u sections, more than %u", sections, PE_MAX_SECTIONS);
	table = pe + PE_COFF_SIZE + optional;
	if (table > len || (uint64_t)sections * PE_SECTION_SIZE > len - table)
		return FMT_OK;
	for (i = 0; i < sections; i++) {
		const uint8_t *section = buf + table + (uint64_t)i * PE_SECTION_SIZE;
		uint64_t raw_end = (uint64_t)le32_get(section + 20) + le32_get(section + 16);

		if (le32_get(section + 16) && raw_end > last)
			last = raw_end;
	}
	*end = last;
	return FMT_OK;
}
