/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One description of a kernel, whatever its file format: which bytes of the
 * file are loaded where, how the stub enters it, what the stub must be told,
 * and the kernel's limits. One file per format fills it (kernel_bzimage.c,
 * kernel_vmlinux.c, kernel_alpha.c), picked by the ordered probe table of
 * kernels.c. Nothing outside those files asks which format a kernel is:
 * the plan, the stub parameters, the notes, the digests and the manifest
 * read only this description.
 *
 * Adding a kernel format: one kernel_<format>.c with a `struct
 * kernel_format`, and its row in kernels.c.
 */
#ifndef MKELFIMAGE_KERNEL_H
#define MKELFIMAGE_KERNEL_H

#include <stddef.h>
#include <stdint.h>

#include "formats/bootparams.h"
#include "inputfile.h"

struct decode_rules;
struct image_read;
struct json;

/* Most segments a kernel may have (an x86 vmlinux: 7 PT_LOADs) */
#define KERNEL_MAX_SEGMENTS    7
/* Longest version text kept for the ELFBoot notes; longer text is cut */
#define KERNEL_VERSION_MAX     256

/* File bytes [file_offset, + file_size) loaded at addr; zeros up to mem_size */
struct kernel_segment {
	uint64_t file_offset;
	uint64_t addr;
	uint64_t file_size;
	uint64_t mem_size;
};

struct kernel {
	const struct kernel_format *format;
	struct input_file *file;     /* the file read (a decoded temporary for gzip/xz) */
	const char *compression;     /* "gzip" or "xz" when decoded, else NULL */
	void *info;                  /* the format's own parse result, owned */

	/* The loaded part, in ascending address order (set by kernel_place) */
	struct kernel_segment segments[KERNEL_MAX_SEGMENTS];
	unsigned segment_count;
	uint64_t loaded_size;        /* sum of the segments' file sizes */
	/*
	 * File bytes [0, head_size) precede the loaded part and are not loaded:
	 * a bzImage's real-mode setup, which the image keeps in a note so the
	 * file can be extracted again. 0: none. When head_size is set, the
	 * segments are the rest of the file, in order.
	 */
	uint64_t head_size;
	const uint8_t *head_bytes;   /* the head in memory (an edited image's note), or NULL: in the file */
	uint64_t file_size;          /* the kernel file's size (its digest record) */

	/* Where the kernel lies in memory (set by kernel_place) */
	uint64_t load;               /* lowest address of its code */
	uint64_t runtime;            /* where it runs (a bzImage decompresses there) */
	uint64_t init_size;          /* memory it needs from runtime */
	int init_size_estimated;     /* not given by the file (bzImage before 2.10) */
	uint64_t reserve_start, reserve_end;   /* nothing else goes here */

	/* Limits */
	uint64_t cmdline_max;        /* longest command line, without the NUL */
	const char *cmdline_why;     /* where that limit comes from, for errors */
	uint64_t initrd_addr_max;    /* the initrds end at or below it; 0: no such rule */

	/* What the stub needs to enter it */
	uint32_t stub_protocol;      /* enum stub_kernel_protocol / the arch's stub's */
	uint64_t entry;              /* the kernel's own entry address */
	int stub_hashes_ranges;      /* --verify-at-boot hashes the segments one by one */
	uint8_t setup_header[SETUP_HEADER_COPY_LIMIT - SETUP_HEADER_OFFSET];
	uint32_t setup_header_len;   /* bytes for boot_params.hdr, from 0x1f1 */

	/* For the ELFBoot version note: printable text, "" when unknown */
	char version[KERNEL_VERSION_MAX + 1];
};

struct kernel_format {
	const char *name;            /* "bzImage", "vmlinux": manifests and messages */
	unsigned arch;               /* enum image_arch it boots on */
	/* Does the file start like this format? `head` holds its first bytes. */
	int (*probe)(const uint8_t *head, size_t len);
	/* Parse and check; fill everything but the placement. EXIT_OK or reported. */
	int (*open)(struct kernel *k, const uint8_t *head, size_t len);
	/*
	 * The same for the kernel an image of ours holds (the edits): does the
	 * image hold one of this format, and describe it with its bytes in the
	 * image's mapping (k->file). NULL: images never hold this format.
	 */
	int (*probe_image)(const struct image_read *img);
	int (*open_image)(struct kernel *k, const struct image_read *img);
	/* Choose where it goes: segments, load, runtime, reservation. EXIT_OK or reported. */
	int (*place)(struct kernel *k);
	/* The "kernel:" line of -v and --plan, without the newline */
	void (*describe)(const struct kernel *k, char *out, size_t size);
	/* Its fields of the manifest's "boot" object: kernel_kind, protocol ... */
	void (*describe_json)(const struct kernel *k, struct json *json);
	/*
	 * Where the kernel proper lies compressed in k->file (--kernel-config
	 * ikconfig looks for CONFIG_IKCONFIG's copy in it): 0 with *offset and
	 * *length set, -1 when the format cannot say. NULL: never.
	 */
	int (*compressed_payload)(const struct kernel *k, uint64_t *offset, uint64_t *length);
};

/*
 * Open `file` (already open) as the first format of arch `arch` in the
 * probe table whose probe accepts it. Returns EXIT_OK or a reported status.
 */
int kernel_open(struct kernel *k, struct input_file *file, unsigned arch);

/*
 * Describe the kernel the image `img` holds, `file` being the image's
 * mapping (the edits copy from it). Returns EXIT_OK or a reported status.
 */
int kernel_open_image(struct kernel *k, struct input_file *file, const struct image_read *img);

/* The name of the format of the kernel `img` holds ("bzImage", "RISC-V Image"), or NULL */
const char *kernel_image_format_name(const struct image_read *img);

/*
 * For the formats that may come compressed: decode k->file (gzip, or xz)
 * under `rules` (compress.h) into an unlinked temporary file that takes
 * the place of its descriptor and size. Returns EXIT_OK or a reported status.
 */
int kernel_decode(struct kernel *k, int gzip, const struct decode_rules *rules);

/* Choose the kernel's placement (k->format->place). */
int kernel_place(struct kernel *k);

void kernel_close(struct kernel *k);

#endif
