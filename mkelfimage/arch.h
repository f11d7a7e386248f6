/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One row per target architecture (arches.c): the ELF it writes, its stub,
 * the numbers the placement rules use, and the few steps that differ: what
 * goes after the kernel and how the stub's parameters are filled. The plan,
 * its printers, the rules and the ELF writer are shared; the build
 * (build.c) calls these in turn.
 *
 * Adding an arch: arch_<name>.c with its `struct arch`, a stubs/<name>/
 * folder for the stub, and the row in arches.c.
 */
#ifndef MKELFIMAGE_ARCH_H
#define MKELFIMAGE_ARCH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "digest.h"
#include "inputs.h"
#include "spec.h"
#include "plan.h"
#include "plan_print.h"
#include "stub_blob.h"

#define ARCH_ELF32  0x1u
#define ARCH_ELF64  0x2u

struct arch {
	const char *name;            /* --arch NAME */
	const char *title;           /* in messages: "an Alpha image" */
	unsigned id;                 /* enum image_arch */
	unsigned elf_classes;        /* ARCH_ELF32 | ARCH_ELF64: what --elf-class may ask */
	unsigned default_elf_class;  /* 32 or 64 */
	uint16_t machine32, machine64;   /* e_machine per class (0: class not offered) */
	const struct stub_blob *stub;
	size_t params_min;           /* the stub's parameter block holds at least this */
	uint32_t params_magic;       /* its first word; the next 16 bits are its version */
	uint16_t params_version;
	int notes;                   /* the image carries ELF notes (PVH, ELFBoot, digests) */
	int device_tree;             /* its stub edits a device tree: --dtb is taken */

	struct plan_limits limits;   /* page, address limits, file order (plan.h) */

	/* What this arch refuses among the options; may be NULL. EXIT_OK or reported. */
	int (*check_spec)(const struct image_spec *spec);
	/* The segments after the kernel's: stub, command line, initrds; entry and min_ram. */
	int (*place)(struct plan *plan, const struct stub_header *stub, const struct inputs *in);
	/* A check on the file layout (x86: the multiboot header's 8 KiB); may be NULL */
	int (*check_layout)(const struct plan *plan, const struct stub_header *stub);
	/*
	 * Fill the stub's parameter block `params` (stub->params_size bytes
	 * inside the relocated blob `bytes`) once the digests are known.
	 */
	void (*fill_params)(uint8_t *bytes, const struct stub_header *stub, const struct plan *plan,
			    const struct inputs *in, const struct image_spec *spec,
			    const struct digest_set *digests);
	/* Lines of its own in the plan (-v, --plan); may be NULL */
	plan_print_fn print;
};

/* The row for enum image_arch `id`, or NULL */
const struct arch *arch_find(unsigned id);

/* The row whose ELF has this class (32 or 64) and e_machine, or NULL */
const struct arch *arch_find_machine(unsigned elf_class, uint16_t machine);

/* The row named `name`, or NULL; arch_name_list writes "x86, alpha or arm64" */
const struct arch *arch_find_name(const char *name);
void arch_name_list(char *out, size_t size);

#endif
