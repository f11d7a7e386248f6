/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The device-tree arches' shared plan and parameters (arch_fdt.h). */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "arch_fdt.h"
#include "common/align.h"
#include "common/report.h"
#include "formats/fdtstub.h"
#include "formats/le.h"
#include "formats/stubparam.h"

/* In address order: the kernel, the stub, the initrds, the --dtb tree */
const enum plan_segment_kind fdt_arch_file_order[4] = { SEG_KERNEL, SEG_STUB, SEG_INITRD, SEG_DTB };

/* The 2 MiB the stub writes the device tree into: after the highest segment */
static uint64_t dtb_room(const struct plan *plan)
{
	return align_up(plan_end(plan), FDT_STUB_DTB_ALIGN);
}

/* The --dtb segment, or NULL */
static const struct plan_segment *dtb_segment(const struct plan *plan)
{
	return plan_find_segment((struct plan *)plan, SEG_DTB);
}

int fdt_arch_place_stub_at(struct plan *plan, const struct stub_header *stub, const struct inputs *in,
			   uint64_t stub_addr)
{
	int status;

	plan->stub_addr = stub_addr;
	plan->entry = plan->stub_addr + stub->entry_offset;
	plan_add_segment(plan, SEG_STUB, "stub", plan->stub_addr, stub->file_size, stub->mem_size);
	if (in->initrd_count &&
	    (status = plan_add_initrds(plan, align_up(plan_end(plan), FDT_ARCH_PAGE_SIZE), in)) != EXIT_OK)
		return status;
	if (in->dtb)
		plan_add_segment(plan, SEG_DTB, "dtb", align_up(plan_end(plan), FDT_ARCH_PAGE_SIZE),
				 in->dtb_size, in->dtb_size)->single.bytes = in->dtb;
	plan->min_ram = dtb_room(plan) + FDT_STUB_DTB_MAX - plan->limits->phys_base;
	plan_sort_segments(plan);
	return EXIT_OK;
}

/* The stub right after the kernel (arm64) */
int fdt_arch_place(struct plan *plan, const struct stub_header *stub, const struct inputs *in)
{
	return fdt_arch_place_stub_at(plan, stub, in, align_up(plan->reserve_end, FDT_ARCH_PAGE_SIZE));
}

/* The three digests --verify-at-boot checks (zeros without them) */
static void fill_digests(uint8_t *params, const struct digest_set *digests)
{
	static const struct {
		enum digest_kind kind;
		size_t offset;
	} checked[] = {
		{ DIGEST_KERNEL_LOADED, offsetof(struct fdt_stub_params, kernel_sha256) },
		{ DIGEST_INITRD_REGION, offsetof(struct fdt_stub_params, initrd_sha256) },
		{ DIGEST_CMDLINE, offsetof(struct fdt_stub_params, cmdline_sha256) },
	};
	size_t i;

	for (i = 0; i < sizeof(checked) / sizeof(checked[0]); i++) {
		const uint8_t *digest = digests ? digest_set_find(digests, checked[i].kind, 0) : NULL;

		if (digest)
			memcpy(params + checked[i].offset, digest, SHA256_DIGEST_SIZE);
		else
			memset(params + checked[i].offset, 0, SHA256_DIGEST_SIZE);
	}
}

/* struct fdt_stub_params (formats/fdtstub.h) */
void fdt_arch_fill_params(const struct fdt_arch *fa, uint8_t *bytes, const struct stub_header *stub,
			  const struct plan *plan, const struct inputs *in, const struct image_spec *spec,
			  const struct digest_set *digests)
{
	const struct kernel *k = plan->kernel;
	const struct plan_segment *dtb = dtb_segment(plan);
	uint8_t *p = bytes + stub->params_offset;

#define FIELD(name) (p + offsetof(struct fdt_stub_params, name))
	le_put(FIELD(flags), spec->verify_at_boot ? FDT_STUB_FLAG_VERIFY : 0, 4);
	le_put(FIELD(cmdline_policy), spec->cmdline_policy, 4);
	le_put(FIELD(kernel_addr), k->entry, 8);
	le_put(FIELD(kernel_file_size), k->segments[0].file_size, 8);
	le_put(FIELD(kernel_mem_size), k->segments[0].mem_size, 8);
	le_put(FIELD(initrd_start), plan->initrd_addr, 8);
	le_put(FIELD(initrd_size), plan->initrd_size, 8);
	le_put(FIELD(dtb_addr), dtb_room(plan), 8);
	le_put(FIELD(dtb_room), FDT_STUB_DTB_MAX, 8);
	le_put(FIELD(ram_base), fa->loader_dtb_addr, 8);
	le_put(FIELD(image_end), plan->limits->phys_base + plan->min_ram, 8);
	le_put(FIELD(embedded_dtb_addr), dtb ? dtb->addr : 0, 8);
	le_put(FIELD(embedded_dtb_size), dtb ? dtb->file_size : 0, 8);
	le_put(FIELD(uart_base), fa->uart_base, 8);
	le_put(FIELD(cmdline_len), plan->cmdline_len, 4);
	le_put(FIELD(cmdline_max), fa->cmdline_max, 4);
	fill_digests(p, spec->verify_at_boot ? digests : NULL);
	memset(FIELD(cmdline), 0, FDT_STUB_CMDLINE_SIZE);
	memcpy(FIELD(cmdline), in->cmdline, plan->cmdline_len);
#undef FIELD
}

void fdt_arch_print(const struct fdt_arch *fa, const struct plan *plan, FILE *out)
{
	char ram[40] = "";

	if (fa->loader_dtb_addr)
		snprintf(ram, sizeof(ram), ", at 0x%llx", (unsigned long long)fa->loader_dtb_addr);
	fprintf(out, "device tree: written by the stub at 0x%016llx (2 MiB room); "
		"found in the entry register, U-Boot's argv[0]%s%s\n",
		(unsigned long long)dtb_room(plan), ram,
		dtb_segment(plan) ? " or in the image (--dtb)" : "");
}

/* What the device-tree stubs do not have: refused, not ignored */
int fdt_arch_check_spec(const struct fdt_arch *fa, const struct image_spec *spec)
{
	static const struct {
		unsigned bit;
		const char *option;
	} x86_headers[] = {
		{ IMAGE_HEADER_MULTIBOOT, "--multiboot" },
		{ IMAGE_HEADER_MULTIBOOT2, "--multiboot2" },
		{ IMAGE_HEADER_PVH, "--pvh" },
		{ IMAGE_HEADER_ELF_NOTES, "--elf-notes" },
	};
	size_t i;

	if (!fa->stub->size)
		return report_error(EXIT_BAD_INPUT, "--arch %s: this mkelfimage was built without the %s stub "
				    "(configure found no %s; install %s)", fa->name, fa->name, fa->cross_compiler,
				    fa->cross_package);
	for (i = 0; i < sizeof(x86_headers) / sizeof(x86_headers[0]); i++)
		if (spec->headers_asked & x86_headers[i].bit)
			return report_error(EXIT_BAD_INPUT, "%s is not supported with --arch %s: the header is for x86 loaders; "
					    "%s loaders enter the ELF at e_entry", x86_headers[i].option, fa->name, fa->name);
	if (spec->digests && !spec->verify_at_boot)
		return report_error(EXIT_BAD_INPUT, "--digests is not supported with --arch %s: its images carry no notes "
				    "(--verify-at-boot keeps the digests in the stub)", fa->name);
	if (spec->boot_log)
		return report_error(EXIT_BAD_INPUT, "--boot-log is not supported with --arch %s: the x86 stub has the log", fa->name);
	if (spec->initrd_placement != STUB_INITRD_PLANNED)
		return report_error(EXIT_BAD_INPUT, "--initrd-placement high is not supported with --arch %s", fa->name);
	return EXIT_OK;
}
