/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The boot protocol of the x86 stub, top to bottom: whatever the loader
 * handed over becomes a Linux zero page, then the kernel's 32-bit entry runs
 * (doc/ARCHITECTURE.md, the stub). Entered from entry.S on our own GDT and
 * stack with BSS cleared; each step below is one function.
 */
#include "stub.h"

static struct boot_info stub_boot_info;

/* (0) mkelfimage filled the parameter block of this blob */
static void check_params(void)
{
	if (!params_valid(&stub_params))
		console_fail("parameter block missing or not filled by mkelfimage");
}

/*
 * The first C argument at [ESP+4], if ESP can be a stack (a multiboot or PVH
 * ESP is undefined; those paths never get here). 0 when it cannot.
 */
static uint32_t stack_argument(const struct stub_entry_state *entry)
{
	if (entry->esp == 0 || entry->esp % 4 || entry->esp > 0xfffffff0u)
		return 0;
	return ((const uint32_t *)(uintptr_t)entry->esp)[1];
}

/* (1) who started us, decided once from the entry point, registers and stack */
static enum loader_kind classify_loader(const struct stub_entry_state *entry)
{
	if (entry->path == STUB_ENTRY_PATH_PVH)
		return LOADER_PVH;
	if (entry->eax == MULTIBOOT_BOOTLOADER_MAGIC && entry->ebx != 0)
		return LOADER_MULTIBOOT;
	if (entry->eax == MULTIBOOT2_BOOTLOADER_MAGIC && entry->ebx != 0)
		return LOADER_MULTIBOOT2;
	if (entry->eax == ELF_BHDR_MAGIC && elfnotes_valid(entry->ebx))
		return LOADER_ELF_NOTES;
	if (elfnotes_valid(stack_argument(entry)))
		return LOADER_ELF_NOTES_ARG;
	if (coreboot_table_at(stack_argument(entry)))
		return LOADER_COREBOOT_ARG;
	if (coreboot_find())
		return LOADER_COREBOOT_SCAN;
	return LOADER_UNKNOWN;
}

/* (2) the loader's command line, modules, memory map and RSDP, in neutral form */
static void read_boot_info(enum loader_kind kind, const struct stub_entry_state *entry,
			   struct boot_info *info)
{
	uint32_t table;

	switch (kind) {
	case LOADER_PVH:
		if (pvh_read(entry->ebx, info) != 0)
			console_fail("PVH entry without a valid hvm_start_info in EBX");
		info->memory_source = "hvm_start_info's memory map";
		break;
	case LOADER_MULTIBOOT:
		if (multiboot_read(entry->ebx, info) != 0)
			console_fail("multiboot information unreadable");
		info->memory_source = "the multiboot information";
		break;
	case LOADER_MULTIBOOT2:
		if (multiboot2_read(entry->ebx, info) != 0)
			console_fail("multiboot2 information unreadable (EBX 0 or not 8-byte aligned)");
		info->memory_source = "the multiboot2 information";
		break;
	case LOADER_ELF_NOTES:
	case LOADER_ELF_NOTES_ARG:
		elfnotes_read(kind == LOADER_ELF_NOTES ? entry->ebx : stack_argument(entry), info);
		info->memory_source = "the ELF boot notes";
		/* coreboot's elfboot and kexec pass no memory map: the table may have one */
		if (info->range_count == 0 && (table = coreboot_find()) != 0) {
			coreboot_read(table, info);
			info->memory_source = "a coreboot table found by scanning (the notes had none)";
		}
		break;
	case LOADER_COREBOOT_ARG:
		coreboot_read(coreboot_table_at(stack_argument(entry)), info);
		info->memory_source = "the coreboot table";
		break;
	case LOADER_COREBOOT_SCAN:
		coreboot_read(coreboot_find(), info);
		info->memory_source = "the coreboot table";
		break;
	case LOADER_UNKNOWN:
	default:
		/* iPXE's ELF loader passes nothing at all */
		console_line("no boot information from the loader (no multiboot, PVH, ELF boot notes or coreboot table)");
		break;
	}
	/* kexec-tools' elf-x86 gives notes without memory: a PC's CMOS is the last resort */
	if (info->range_count == 0) {
		console_line("no memory map from the loader: RAM sizes from the CMOS");
		if (cmos_read_memory(info) != 0)
			console_fail("no memory map from the loader, and none in the CMOS");
		info->memory_source = "the CMOS (the loader passed none)";
	}
}

/* (3) a zeroed zero page holding the kernel's setup header from 0x1f1 */
static struct boot_params *build_zero_page(void)
{
	return bootparams_init(&stub_params);
}

/* (4) e820 table from the loader's memory map */
static void fill_e820(struct boot_params *boot_params, const struct boot_info *info)
{
	bootparams_set_e820(boot_params, info);
}

/* (5) the command line by policy, into the stub's own buffer */
static const char *build_command_line(const struct boot_info *info)
{
	return cmdline_build(&stub_params, info);
}

/* (6) initrd (the image's, or a loader module), RSDP, the EFI handoff,
 * the framebuffer, loader type, 32-bit entry and command line pointer */
static void fill_loader_fields(struct boot_params *boot_params, const struct boot_info *info,
			       const char *cmdline)
{
	initrd_choose(boot_params, &stub_params, info);
	bootparams_set_rsdp(boot_params, info);
	bootparams_set_efi(boot_params, info);
	bootparams_set_screen(boot_params, info);
	bootparams_set_loader_fields(boot_params, &stub_params, cmdline);
}

/* (7) the Linux 32-bit boot protocol entry (entry.S), or for a vmlinux its
 * PVH entry with the zero page's contents as hvm_start_info (pvhkernel.c) */
__attribute__((noreturn)) static void enter_kernel(struct boot_params *boot_params,
						   const struct boot_info *info, int log)
{
	if (log)
		bootlog_enter(boot_params, stub_params.kernel_entry, stub_params.kernel_protocol == STUB_KERNEL_PVH);
	if (stub_params.kernel_protocol == STUB_KERNEL_PVH)
		pvhkernel_enter(boot_params, info, stub_params.kernel_entry);
	stub_enter_kernel(boot_params, stub_params.kernel_entry);
}

void stub_main(void)
{
	enum loader_kind kind;
	struct boot_params *boot_params;
	const char *cmdline;
	int log;

	check_params();
	kind = classify_loader(&stub_entry_state);
	read_boot_info(kind, &stub_entry_state, &stub_boot_info);
	boot_params = build_zero_page();
	fill_e820(boot_params, &stub_boot_info);
	cmdline = build_command_line(&stub_boot_info);
	/* the log word goes before the kernel sees the line (the buffer is the stub's own) */
	log = bootlog_wanted(&stub_params, (char *)cmdline);
	fill_loader_fields(boot_params, &stub_boot_info, cmdline);
	/* --initrd-placement high, then --verify-at-boot on the bytes the kernel gets */
	placement_apply(boot_params, &stub_params, &stub_boot_info);
	if (log)
		bootlog_report(kind, &stub_entry_state, &stub_boot_info, boot_params);
	verify_payloads(boot_params, &stub_params);
	enter_kernel(boot_params, &stub_boot_info, log);
}
