/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --arch alpha: plan and write an ELF64 EM_ALPHA image.
 *
 * Memory plan, in KSEG like vmlinux itself (p_vaddr == p_paddr, as QEMU's
 * clipper loader and aboot expect); pages of 8 KiB:
 *
 *   PARAM = START_ADDR - 0x6000   not in the image: the loader may put its
 *                                 command line there (QEMU: "kernel_low -
 *                                 0x6000", with kernel_low = our lowest
 *                                 segment = START_ADDR); the stub rewrites it
 *   START_ADDR ... kernel end     vmlinux's PT_LOADs, unchanged (memsz kept)
 *   stub                          header, code, parameters; bss and stack
 *   initrd region                 the initrds joined, each padded to 4 bytes
 *
 * Nothing may sit below the kernel: the lowest segment decides where QEMU
 * writes its command line.
 */
#include "config.h"

#include <gelf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/alpha.h"
#include "formats/alpha_vmlinux.h"
#include "formats/le.h"
#include "arch_alpha.h"
#include "elfkernel.h"
#include "copy.h"
#include "inputs.h"
#include "output.h"
#include "plan.h"
#include "common/align.h"
#include "common/fdio.h"
#include "common/report.h"
#include "stub.h"
#include "write.h"

struct alpha_plan {
	struct plan plan;                     /* the segments the writer emits */
	struct alpha_vmlinux_info kernel;
	uint64_t param_page;                  /* PARAM (ZERO_PGE) */
	uint64_t stub_addr;
	uint64_t initrd_addr, initrd_size;
};

/*
 * Physical addresses an image may use: QEMU's clipper keeps 40 bits of a KSEG
 * address (cpu_alpha_superpage_to_phys) and qemu-palcode reports pa_bits 40.
 */
#define ALPHA_PLAN_PHYS_LIMIT  (1ull << 40)

/* elfkernel_check_fn for a Linux/Alpha vmlinux */
static enum fmt_status check_alpha(const uint8_t *map, size_t size, const struct elfimage_info *elf,
				   void *info, struct fmt_error *err)
{
	(void)map;
	(void)size;
	return alpha_vmlinux_check(elf, info, err);
}

static int read_kernel(const struct input_file *kernel, struct alpha_vmlinux_info *info)
{
	struct fmt_error err;
	enum fmt_status status;
	int exit_status;

	if (kernel->size == 0 || kernel->size > SIZE_MAX)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': %llu bytes is no vmlinux",
				    kernel->path, (unsigned long long)kernel->size);
	exit_status = elfkernel_read(kernel, &alpha_vmlinux_rules, check_alpha, info, &status, &err);
	if (exit_status != EXIT_OK)
		return exit_status;
	return status == FMT_OK ? EXIT_OK : report_format_error("kernel", kernel->path, &err);
}

static void add_segment(struct plan *plan, enum plan_segment_kind kind, const char *name,
			uint64_t addr, uint64_t file_size, uint64_t mem_size)
{
	plan->segments[plan->segment_count++] = (struct plan_segment){
		.kind = kind, .name = name, .addr = addr,
		.file_size = file_size, .mem_size = mem_size,
	};
}

/* Kernel where it is linked, the stub after it, the initrds after the stub. */
static int plan_alpha(struct alpha_plan *ap, const struct stub_header *stub,
		      const struct inputs *in)
{
	const struct alpha_vmlinux_info *k = &ap->kernel;
	size_t cmdline_len = strlen(in->cmdline);
	uint64_t room;
	unsigned i;

	/* asm/setup.h COMMAND_LINE_SIZE: setup.c copies 256 bytes, NUL included */
	if (cmdline_len > ALPHA_COMMAND_LINE_SIZE - 1)
		return report_error(EXIT_BAD_INPUT, "command line: %zu bytes, more than the %d Linux/Alpha reads (COMMAND_LINE_SIZE %d, asm/setup.h)",
				    cmdline_len, ALPHA_COMMAND_LINE_SIZE - 1, ALPHA_COMMAND_LINE_SIZE);
	if (k->load_count + 2 > PLAN_MAX_LOAD)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': %u PT_LOAD segments, more than the %d an image may hold with the stub and initrd",
				    in->kernel.path, k->load_count, PLAN_MAX_LOAD - 2);
	/* room for the kernel's end: the limit less the stub, the initrd and two roundings */
	room = ALPHA_PLAN_PHYS_LIMIT - 2 * ALPHA_PAGE_SIZE - stub->mem_size;
	if (in->initrd_region_size > room || k->end - ALPHA_PAGE_OFFSET > room - in->initrd_region_size)
		return report_error(EXIT_BAD_INPUT, "kernel '%s': the image would end past physical address 0x%llx (40 bits of KSEG)",
				    in->kernel.path, ALPHA_PLAN_PHYS_LIMIT);
	ap->param_page = k->start - ALPHA_PARAM_BELOW_START;
	ap->stub_addr = align_up(k->end, ALPHA_PAGE_SIZE);
	ap->initrd_size = in->initrd_region_size;
	ap->initrd_addr = ap->initrd_size ? align_up(ap->stub_addr + stub->mem_size, ALPHA_PAGE_SIZE) : 0;
	for (i = 0; i < k->load_count; i++)
		add_segment(&ap->plan, SEG_KERNEL, "kernel", k->loads[i].vaddr,
			    k->loads[i].filesz, k->loads[i].memsz);
	add_segment(&ap->plan, SEG_STUB, "stub", ap->stub_addr, stub->file_size, stub->mem_size);
	if (ap->initrd_size)
		add_segment(&ap->plan, SEG_INITRD, "initrd", ap->initrd_addr, ap->initrd_size,
			    ap->initrd_size);
	ap->plan.entry = ap->stub_addr + stub->entry_offset;
	ap->plan.stub_addr = ap->stub_addr;
	ap->plan.initrd_addr = ap->initrd_addr;
	ap->plan.initrd_size = ap->initrd_size;
	ap->plan.cmdline_len = cmdline_len;
	ap->plan.cmdline_max = ALPHA_COMMAND_LINE_SIZE - 1;
	ap->plan.min_ram = (ap->initrd_size ? ap->initrd_addr + ap->initrd_size
			    : ap->stub_addr + stub->mem_size) - ALPHA_PAGE_OFFSET;
	return EXIT_OK;
}

static void print_plan(const struct alpha_plan *ap)
{
	unsigned i;

	printf("arch: alpha (ELF64 EM_ALPHA, KSEG addresses)\n");
	printf("PARAM (ZERO_PGE): 0x%016llx\n", (unsigned long long)ap->param_page);
	for (i = 0; i < ap->plan.segment_count; i++) {
		const struct plan_segment *seg = &ap->plan.segments[i];

		printf("%-7s 0x%016llx - 0x%016llx  file 0x%llx  mem 0x%llx\n", seg->name,
		       (unsigned long long)seg->addr, (unsigned long long)(seg->addr + seg->mem_size),
		       (unsigned long long)seg->file_size, (unsigned long long)seg->mem_size);
	}
	printf("entry: 0x%016llx (stub), kernel entry 0x%016llx\n",
	       (unsigned long long)ap->plan.entry, (unsigned long long)ap->kernel.entry);
	printf("minimum RAM: %llu MiB\n", (unsigned long long)((ap->plan.min_ram + (1u << 20) - 1) >> 20));
}

/* A copy of the blob with struct alpha_stub_params filled (formats/alpha.h). */
static uint8_t *prepare_stub(const struct stub_blob *blob, const struct stub_header *header,
			     const struct alpha_plan *ap, const struct image_spec *spec,
			     const char *cmdline)
{
	uint8_t *bytes = malloc(blob->size);
	uint8_t *p;
	size_t len = strlen(cmdline);

	if (!bytes)
		return NULL;
	memcpy(bytes, blob->bytes, blob->size);
	p = bytes + header->params_offset;
#define FIELD(name) (p + offsetof(struct alpha_stub_params, name))
	/* ALPHA_STUB_PARAMS_MAGIC as stored, little endian */
	if (header->params_size < sizeof(struct alpha_stub_params) ||
	    memcmp(FIELD(magic), "MKSA", 4) != 0) {
		free(bytes);
		return NULL;
	}
	le_put(FIELD(flags), 0, 4);
	le_put(FIELD(cmdline_policy), spec->cmdline_policy, 4);
	le_put(FIELD(kernel_entry), ap->kernel.entry, 8);
	le_put(FIELD(param_page), ap->param_page, 8);
	le_put(FIELD(initrd_start), ap->initrd_addr, 8);
	le_put(FIELD(initrd_size), ap->initrd_size, 8);
	le_put(FIELD(cmdline_len), len, 4);
	memset(FIELD(cmdline), 0, ALPHA_COMMAND_LINE_SIZE);
	memcpy(FIELD(cmdline), cmdline, len);
#undef FIELD
	return bytes;
}

/* File offsets: headers first, then each segment on an 8 KiB boundary in address order. */
static uint64_t layout(struct plan *plan)
{
	uint64_t offset = sizeof(Elf64_Ehdr) + plan->segment_count * sizeof(Elf64_Phdr);
	unsigned i;

	for (i = 0; i < plan->segment_count; i++) {
		plan->segments[i].file_offset = align_up(offset, ALPHA_PAGE_SIZE);
		offset = plan->segments[i].file_offset + plan->segments[i].file_size;
	}
	return offset;
}

/* --max-size (a ROM budget): checked on the layout, before anything is written. */
static int check_size(const struct image_spec *spec, uint64_t file_size)
{
	if (!spec->max_size || file_size <= spec->max_size)
		return EXIT_OK;
	return report_error(EXIT_BAD_INPUT, "output '%s': %llu bytes exceed --max-size %llu by %llu bytes; nothing written",
			    spec->output_path, (unsigned long long)file_size,
			    (unsigned long long)spec->max_size,
			    (unsigned long long)(file_size - spec->max_size));
}

static int write_alpha(int fd, const char *out_path, struct alpha_plan *ap,
		       const struct stub_header *stub, const uint8_t *stub_bytes,
		       const struct inputs *in)
{
	unsigned i, kernel_index = 0;
	int status;

	status = write_elf_headers(fd, out_path, &ap->plan, ELFCLASS64, EM_ALPHA);
	for (i = 0; status == EXIT_OK && i < ap->plan.segment_count; i++) {
		const struct plan_segment *seg = &ap->plan.segments[i];

		if (seg->kind == SEG_KERNEL) {
			const struct alpha_vmlinux_load *load = &ap->kernel.loads[kernel_index++];

			status = copy_payload(&in->kernel, load->offset, fd, out_path,
					      seg->file_offset, load->filesz, NULL);
		} else if (seg->kind == SEG_STUB) {
			status = fdio_write_at(fd, "output", out_path, stub_bytes, stub->file_size, seg->file_offset);
		} else {
			status = write_initrds(fd, out_path, seg, in, NULL, NULL);
		}
	}
	return status;
}

static int check_spec(const struct image_spec *spec, const struct stub_blob *blob)
{
	if (!blob->size)
		return report_error(EXIT_BAD_INPUT, "--arch alpha: this mkelfimage was built without the Alpha stub "
				    "(configure found no alpha-linux-gnu-gcc; install gcc-alpha-linux-gnu and binutils-alpha-linux-gnu)");
	/* x86 stub features the Alpha stub does not have: refused, not ignored */
	if (spec->manifest_path)
		return report_error(EXIT_BAD_INPUT, "--manifest is not supported with --arch alpha");
	if (spec->verify_at_boot)
		return report_error(EXIT_BAD_INPUT, "--verify-at-boot is not supported with --arch alpha");
	if (spec->initrd_placement != STUB_INITRD_PLANNED)
		return report_error(EXIT_BAD_INPUT, "--initrd-placement high is not supported with --arch alpha");
	return EXIT_OK;
}

int arch_alpha_build(const struct image_spec *spec)
{
	struct alpha_plan ap;
	struct stub_header stub;
	struct inputs in;
	struct output out;
	uint8_t *stub_bytes = NULL;
	int status = check_spec(spec, &stub_alpha_blob);

	if (status != EXIT_OK)
		return status;
	memset(&ap, 0, sizeof(ap));
	status = inputs_open(spec, &in);
	if (status == EXIT_OK)
		status = read_kernel(&in.kernel, &ap.kernel);
	if (status == EXIT_OK)
		status = stub_read_header(&stub_alpha_blob, sizeof(struct alpha_stub_params), &stub);
	if (status == EXIT_OK)
		status = plan_alpha(&ap, &stub, &in);
	if (status == EXIT_OK && (spec->verbose || spec->plan_only))
		print_plan(&ap);
	if (status == EXIT_OK && spec->plan_only) {
		inputs_close(&in);
		return EXIT_OK;
	}
	if (status == EXIT_OK)
		status = output_check(spec->output_path, spec, &in);
	if (status == EXIT_OK)
		status = check_size(spec, layout(&ap.plan));
	if (status == EXIT_OK &&
	    !(stub_bytes = prepare_stub(&stub_alpha_blob, &stub, &ap, spec, in.cmdline)))
		status = report_error(EXIT_IO, "internal error: the Alpha stub has no parameter block");
	if (status == EXIT_OK)
		status = output_begin(&out, spec->output_path);
	if (status == EXIT_OK) {
		status = write_alpha(out.fd, spec->output_path, &ap, &stub, stub_bytes, &in);
		if (status == EXIT_OK)
			status = output_commit(&out);
		else
			output_abort(&out);
	}
	free(stub_bytes);
	inputs_close(&in);
	return status;
}
