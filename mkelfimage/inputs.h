/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Opening and checking the input files; nothing is loaded whole. */
#ifndef MKELFIMAGE_INPUTS_H
#define MKELFIMAGE_INPUTS_H

#include <stdint.h>

#include "formats/bzimage.h"
#include "formats/x86_vmlinux.h"
#include "options.h"

#define INITRD_PART_ALIGN  4    /* each initrd but the last is padded to 4 bytes */
#define CMDLINE_FILE_MAX   (1u << 20)  /* far above any kernel's cmdline_size */

struct input_file {
	const char *what;       /* "kernel" or "initrd", for messages */
	const char *path;
	int fd;
	uint64_t size;
	uint64_t dev, ino;      /* to refuse an output that is an input */
};

/* What --kernel is (x86) */
enum kernel_kind {
	KERNEL_BZIMAGE = 0,     /* entered through the Linux 32-bit boot protocol */
	KERNEL_VMLINUX,         /* an ELF vmlinux, entered through its PVH note (vmlinux.c) */
};

struct inputs {
	struct input_file kernel;
	enum kernel_kind kernel_kind;
	const char *kernel_compression; /* "gzip" or "xz" for a compressed vmlinux, else NULL */
	struct bzimage_info bzimage;    /* for a vmlinux: what a 2.12 bzImage would say */
	struct x86_vmlinux_info vmlinux; /* KERNEL_VMLINUX only */
	struct input_file *initrds;
	size_t initrd_count;
	uint64_t initrd_region_size;   /* joined and padded, 0 if none */
	char *cmdline;                 /* the built-in command line, malloc'd */
	const struct kept_digest *kernel_file_kept; /* spec->kernel_file_kept (digest.c) */
};

/* Open and validate every input. Returns EXIT_OK or a reported exit status. */
int inputs_open(const struct image_spec *spec, struct inputs *in);
void inputs_close(struct inputs *in);

/* Padded size of initrd `index` inside the joined region */
uint64_t inputs_initrd_span(const struct inputs *in, size_t index);

#endif
