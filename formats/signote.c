/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The signature note found and checked (signote.h). */
#include "config.h"

#include <string.h>

#include "digestnote.h"
#include "le.h"
#include "notewalk.h"
#include "signote.h"

size_t signote_der_length(const uint8_t *p, size_t len)
{
	size_t count, value = 0, i;

	/* a SEQUENCE: tag 0x30, then a definite length (X.690 8.1.3) */
	if (len < 2 || p[0] != 0x30)
		return 0;
	if (p[1] < 0x80)
		value = p[1], count = 0;
	else if ((count = p[1] & 0x7f) == 0 || count > 3 || len < 2 + count)
		return 0;
	for (i = 0; i < count; i++)
		value = value << 8 | p[2 + i];
	return value > len - 2 - count ? 0 : 2 + count + value;
}

/* The table and the slot's zeros around the DER */
static enum fmt_status check_slot(const uint8_t *slot, uint64_t slot_offset, struct signote *sig,
				  struct fmt_error *err)
{
	size_t i;

	sig->der_size = signote_der_length(slot, SIGNOTE_TABLE_OFFSET);
	if (!sig->der_size)
		return fmt_fail(err, FMT_BAD_FIELD, "signature note slot", slot_offset,
				"does not start with a DER SEQUENCE that ends before the region table (+%u)",
				SIGNOTE_TABLE_OFFSET);
	for (i = sig->der_size; i < SIGNOTE_TABLE_OFFSET; i++)
		if (slot[i])
			return fmt_fail(err, FMT_BAD_FIELD, "signature note slot", slot_offset + i,
					"a nonzero byte after the DER signature (%zu bytes)", sig->der_size);
	sig->der = slot;
	sig->table = slot + SIGNOTE_TABLE_OFFSET;
	sig->slot_offset = slot_offset;
	return FMT_OK;
}

/* The one note of the PT_NOTE at [offset, offset + size), when it is ours */
static enum fmt_status check_note(const uint8_t *buf, size_t len, uint64_t offset, uint64_t size,
				  struct signote *sig, struct fmt_error *err)
{
	struct notewalk_note note;
	size_t cursor = 0;
	enum fmt_status status = notewalk_next(buf + offset, (size_t)size, &cursor, &note, err);

	if (status != FMT_OK)
		return status;
	if (!notewalk_is(&note, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_SIGNATURE))
		return FMT_NOT_THIS_FORMAT;
	if (note.descsz != SIGNOTE_DESC_HEADER + SIGNOTE_SLOT_SIZE)
		return fmt_fail(err, FMT_BAD_FIELD, "signature note", offset,
				"desc is %u bytes, must be %u", note.descsz, SIGNOTE_DESC_HEADER + SIGNOTE_SLOT_SIZE);
	if (offset + size != len || cursor != size)
		return fmt_fail(err, FMT_BAD_FIELD, "signature note", offset,
				"must be the only note of the PT_NOTE that ends the file (%zu bytes)", len);
	if (le32_get(note.desc) != SIGNOTE_VERSION)
		return fmt_fail(err, FMT_UNSUPPORTED, "signature note version", offset + (size_t)(note.desc - (buf + offset)),
				"%u, this mkelfimage reads %u", le32_get(note.desc), SIGNOTE_VERSION);
	if (le32_get(note.desc + 4) != SIGNOTE_SLOT_SIZE)
		return fmt_fail(err, FMT_BAD_FIELD, "signature note slot_size", offset + (size_t)(note.desc - (buf + offset)) + 4,
				"%u, must be %u", le32_get(note.desc + 4), SIGNOTE_SLOT_SIZE);
	sig->note_offset = offset;
	return check_slot(note.desc + SIGNOTE_DESC_HEADER, len - SIGNOTE_SLOT_SIZE, sig, err);
}

enum fmt_status signote_find(const uint8_t *buf, size_t len, const struct elfimage_info *info,
			     struct signote *sig, struct fmt_error *err)
{
	enum fmt_status status = FMT_NOT_THIS_FORMAT;
	size_t i;

	memset(sig, 0, sizeof(*sig));
	for (i = 0; i < info->note_count; i++) {
		const struct elfimage_note_segment *seg = &info->note[i];
		enum fmt_status one;

		/* elfimage_parse checked each PT_NOTE lies in the file */
		if (seg->offset > len || seg->filesz > len - seg->offset)
			return fmt_fail(err, FMT_TRUNCATED, "PT_NOTE", seg->phdr_offset, "past the end of the file");
		one = check_note(buf, len, seg->offset, seg->filesz, sig, err);
		if (one == FMT_OK && status == FMT_OK)
			return fmt_fail(err, FMT_BAD_FIELD, "signature note", seg->offset, "a second one");
		if (one != FMT_OK && one != FMT_NOT_THIS_FORMAT)
			return one;
		if (one == FMT_OK)
			status = FMT_OK;
	}
	return status;
}
