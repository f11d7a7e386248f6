/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <gelf.h>

#include "formats/multiboot.h"
#include "common/json.h"
#include "kexec_planprint.h"

static const char *kexec_planprint_type_name(uint32_t type)
{
	switch (type) {
	case MULTIBOOT_MEMORY_AVAILABLE:        return "ram";
	case MULTIBOOT_MEMORY_ACPI_RECLAIMABLE: return "acpi";
	case MULTIBOOT_MEMORY_NVS:              return "nvs";
	case MULTIBOOT_MEMORY_BADRAM:           return "bad";
	default:                                return "reserved";
	}
}

static const char *kexec_planprint_machine(uint16_t machine)
{
	const char *name = elfimage_machine_name(machine);

	return name ? name : "unknown";
}

void kexec_planprint_text(FILE *out, const struct kexec_planprint_input *in)
{
	const struct kexec_plan *plan = in->plan;
	size_t i;

	fprintf(out, "image %s: ELF%d %s, entry 0x%llx, %zu PT_LOAD\n", in->image,
		in->info->elf_class == ELFCLASS64 ? 64 : 32, kexec_planprint_machine(in->info->machine),
		(unsigned long long)in->info->entry, in->info->load_count);
	fprintf(out, "memory map (%s): %zu entries\n", in->map->source, in->map->count);
	for (i = 0; i < in->map->count; i++)
		fprintf(out, "  [0x%016llx, 0x%016llx) %s\n",
			(unsigned long long)in->map->range[i].start,
			(unsigned long long)in->map->range[i].end,
			kexec_planprint_type_name(in->map->range[i].type));
	fprintf(out, "%-12s %-10s %-12s %-12s %-12s %s\n", "segment", "phdr", "file offset",
		"file size", "address", "memory size");
	for (i = 0; i < plan->count; i++) {
		const struct kexec_plan_segment *seg = &plan->segment[i];
		char phdr[16];

		snprintf(phdr, sizeof(phdr), "%d", seg->phdr_index);
		fprintf(out, "%-12s %-10s 0x%-10llx 0x%-10llx 0x%-10llx 0x%llx\n",
			seg->phdr_index < 0 ? "bootelf" : "image", seg->phdr_index < 0 ? "-" : phdr,
			(unsigned long long)seg->file_offset, (unsigned long long)seg->load.bufsz,
			(unsigned long long)seg->load.mem, (unsigned long long)seg->load.memsz);
	}
	fprintf(out, "multiboot info 0x%llx: command line \"%s\", boot loader name \"%s\"\n",
		(unsigned long long)plan->mbi.info, in->cmdline, MBI_BOOT_LOADER_NAME);
	if (in->rsdp->addr)
		fprintf(out, "acpi rsdp 0x%llx (%s)\n", (unsigned long long)in->rsdp->addr,
			in->rsdp->from_efi ? "EFI system table" : "boot_params");
	else
		fprintf(out, "acpi rsdp: not known (the kernel scans the BIOS area)\n");
	fprintf(out, "kexec_load: %zu segments, entry 0x%llx (trampoline, %s), image entry 0x%llx\n",
		plan->count, (unsigned long long)plan->kexec_entry, in->arch->name,
		(unsigned long long)plan->image_entry);
}

int kexec_planprint_json(FILE *out, const struct kexec_planprint_input *in)
{
	const struct kexec_plan *plan = in->plan;
	struct json json;
	size_t i;

	json_begin(&json, out);
	json_object_begin(&json, NULL);
	json_string(&json, "image", in->image);
	json_uint(&json, "elf_class", in->info->elf_class == ELFCLASS64 ? 64 : 32);
	json_string(&json, "machine", kexec_planprint_machine(in->info->machine));
	json_uint(&json, "entry", in->info->entry);
	json_string(&json, "kexec_arch", in->arch->name);
	json_uint(&json, "kexec_entry", plan->kexec_entry);
	json_array_begin(&json, "segments");
	for (i = 0; i < plan->count; i++) {
		const struct kexec_plan_segment *seg = &plan->segment[i];

		json_object_begin(&json, NULL);
		json_string(&json, "source", seg->phdr_index < 0 ? "bootelf" : "image");
		if (seg->phdr_index < 0)
			json_null(&json, "phdr");
		else
			json_uint(&json, "phdr", (uint64_t)seg->phdr_index);
		json_uint(&json, "file_offset", seg->file_offset);
		json_uint(&json, "file_size", seg->load.bufsz);
		json_uint(&json, "address", seg->load.mem);
		json_uint(&json, "memory_size", seg->load.memsz);
		json_object_end(&json);
	}
	json_array_end(&json);
	json_object_begin(&json, "multiboot");
	json_uint(&json, "info", plan->mbi.info);
	json_string(&json, "command_line", in->cmdline);
	json_string(&json, "boot_loader_name", MBI_BOOT_LOADER_NAME);
	json_uint(&json, "mmap_addr", plan->mbi.mmap);
	json_uint(&json, "mmap_length", plan->mbi.mmap_length);
	json_object_end(&json);
	if (in->rsdp->addr)
		json_uint(&json, "acpi_rsdp", in->rsdp->addr);
	else
		json_null(&json, "acpi_rsdp");
	json_object_begin(&json, "memory_map");
	json_string(&json, "source", in->map->source);
	json_array_begin(&json, "entries");
	for (i = 0; i < in->map->count; i++) {
		json_object_begin(&json, NULL);
		json_uint(&json, "start", in->map->range[i].start);
		json_uint(&json, "end", in->map->range[i].end);
		json_string(&json, "type", kexec_planprint_type_name(in->map->range[i].type));
		json_object_end(&json);
	}
	json_array_end(&json);
	json_object_end(&json);
	json_object_end(&json);
	return json_end(&json);
}
