/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An image mkelfimage wrote, read back for inspect, extract and the edit
 * subcommands: the ELF (formats/elfimage), its notes (formats/notewalk),
 * the stub found by its header magic and the parameter block inside it
 * (formats/stubparam.h). The file is mapped, never read whole into memory.
 */
#ifndef MKELFIMAGE_IMAGEREAD_H
#define MKELFIMAGE_IMAGEREAD_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "formats/elfimage.h"
#include "formats/fdtstub.h"
#include "formats/notewalk.h"
#include "formats/signote.h"
#include "formats/stubparam.h"
#include "formats/x86_vmlinux.h"

#define IMAGEREAD_MAX_NOTES 64

struct image_read {
	const char *path;
	int fd;                     /* open until imageread_close (an edit's lock) */
	uint8_t *map;               /* the whole file, mapped privately */
	size_t size;
	struct timespec mtime;      /* when mapped, for imageread_check_unchanged */
	char *shrank_line;          /* the SIGBUS line (output_guard_mapping) */
	struct elfimage_info elf;
	struct notewalk_note notes[IMAGEREAD_MAX_NOTES];
	size_t note_count;
	size_t last_pt_note_first;  /* notes[i >= this] come from the last PT_NOTE */
	int notes_from_records;     /* our notes came from the records segment: the PT_NOTEs were dropped */
	/* the stub: index in elf.load[], or -1 when no segment starts with its header */
	int stub_segment;
	struct stub_header stub;
	struct stub_params params;  /* fields read little endian; absent tail fields 0 */
	int has_params;
	/* a device-tree stub (arm64, riscv64): its block as read, mapped onto `params` too */
	int fdt_stub;
	struct fdt_stub_params fdt;
	/* the signature note (formats/signote.h): FMT_NOT_THIS_FORMAT unsigned, FMT_OK found, else sig_err */
	enum fmt_status sig_status;
	struct signote sig;
	struct fmt_error sig_err;
};

/*
 * Returns EXIT_OK or a reported status (1: not an ELF image, 2: I/O). A
 * file that shrinks while mapped ends the process with one line and exit
 * status 2 (output_guard_mapping), not a SIGBUS. imageread_close is
 * needed whatever the status.
 */
int imageread_open(const char *path, struct image_read *img);
/* The same, for an edit: the image stays locked until imageread_close; a second edit waits. */
int imageread_open_locked(const char *path, struct image_read *img);
void imageread_close(struct image_read *img);

/*
 * Before committing what was read: the file still has the size and
 * modification time it had when mapped. EXIT_OK, or a reported EXIT_IO.
 */
int imageread_check_unchanged(const struct image_read *img);

/*
 * For extract and the edits, which read the image's memory: an image
 * mkelfimage made (its stub parameters found) whose PT_LOADs do not overlap.
 * Returns EXIT_OK or a reported EXIT_BAD_INPUT.
 */
int imageread_check_made(const struct image_read *img);

/* The file bytes holding [addr, addr + len) of physical memory, or NULL. */
const uint8_t *imageread_bytes(const struct image_read *img, uint64_t addr, uint64_t len);

/* The first note with this name and type, or NULL. */
const struct notewalk_note *imageread_note(const struct image_read *img, const char *name,
					   uint32_t type);

/* The digest note's record (formats/digestnote.h) for (kind, index): size and
 * SHA-256 copied out; returns 0, or -1 when absent. */
int imageread_digest(const struct image_read *img, uint32_t kind, uint32_t index,
		     uint64_t *size, uint8_t sha256[32]);

/* One PT_LOAD of a vmlinux image's kernel (stub_params.kernel_ranges) */
struct imageread_load {
	uint64_t paddr, filesz;
	uint64_t memsz;             /* the image's own PT_LOAD at paddr says it */
	const uint8_t *bytes;       /* its file bytes in the mapping, or NULL when absent */
};

/* At most this many kernel PT_LOADs (formats/x86_vmlinux.h) */
#define IMAGEREAD_MAX_KERNEL_LOADS  X86_VMLINUX_MAX_LOADS

/*
 * A vmlinux image's kernel PT_LOADs, in ascending address order, each the
 * image's own PT_LOAD at that address (memsz below 4 GiB). Returns EXIT_OK,
 * or a reported EXIT_BAD_INPUT naming the broken range.
 */
int imageread_vmlinux_loads(const struct image_read *img, struct imageread_load *loads,
			    unsigned *count);

/* NULL when a loader finds a usable multiboot v1 header, else why not. */
const char *imageread_multiboot_problem(const struct image_read *img);
/* NULL when GRUB's multiboot2 finds a usable Multiboot2 header, else why not. */
const char *imageread_multiboot2_problem(const struct image_read *img);

#endif
