/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The boot log, off by default: asked for at build time (--boot-log,
 * STUB_FLAG_BOOT_LOG) or at boot by the word "mkelfimage.log" on the
 * command line, which the stub takes out before the kernel sees it. Lines
 * on COM1, "mkelfimage stub log: ...": the loader found and why, where each
 * piece of boot information came from, what the zero page got, then the
 * kernel's entry.
 */
#include "stub.h"

#define BOOTLOG_WORD      "mkelfimage.log"
#define BOOTLOG_WORD_LEN  14

/* Take the word out of `line` (with the space before or after it): found or not */
static int take_word(char *line)
{
	char *p = line;

	while (*p) {
		char *end = p;

		while (*end && *end != ' ')
			end++;
		if (end - p == BOOTLOG_WORD_LEN && !memcmp(p, BOOTLOG_WORD, BOOTLOG_WORD_LEN)) {
			char *from = *end ? end + 1 : end;   /* the space after it goes too */

			if (!*end && p > line)
				p--;                          /* last word: the space before it */
			while ((*p++ = *from++))
				;
			return 1;
		}
		p = *end ? end + 1 : end;
	}
	return 0;
}

int bootlog_wanted(const struct stub_params *params, char *cmdline)
{
	int word = cmdline && take_word(cmdline);

	return word || (params->flags & STUB_FLAG_BOOT_LOG);
}

/* Why the stub took the loader for what it is (stub_main.c classify_loader) */
static void log_loader(enum loader_kind kind, const struct stub_entry_state *entry)
{
	switch (kind) {
	case LOADER_PVH:
		console_log("loader: PVH (entered at the PVH entry point of the Xen note), hvm_start_info at ", entry->ebx, "");
		break;
	case LOADER_MULTIBOOT:
		console_log("loader: multiboot (EAX 0x2badb002), the information at EBX ", entry->ebx, "");
		break;
	case LOADER_MULTIBOOT2:
		console_log("loader: multiboot2 (EAX 0x36d76289), the information at EBX ", entry->ebx, "");
		break;
	case LOADER_ELF_NOTES:
		console_log("loader: ELF boot notes (EAX 0x0e1fb007), the notes at EBX ", entry->ebx, "");
		break;
	case LOADER_ELF_NOTES_ARG:
		console_log("loader: ELF boot notes as the first stack argument (kexec-tools elf-x86, Etherboot), ESP ",
			    entry->esp, "");
		break;
	case LOADER_COREBOOT_ARG:
		console_log("loader: coreboot (its table as the first stack argument), ESP ", entry->esp, "");
		break;
	case LOADER_COREBOOT_SCAN:
		console_log("loader: coreboot (nothing passed; its table found by scanning low memory)", 0, NULL);
		break;
	default:
		/*
		 * U-Boot's bootelf calls the entry as a C function with regparm
		 * (EAX argc, EDX argv, argv[argc] NULL) and nothing else: the same
		 * path as no loader, told apart for the log only.
		 */
		if (entry->eax <= 64 && entry->edx && entry->edx % 4 == 0 && entry->edx < 0xfffff000u &&
		    ((const uint32_t *)(uintptr_t)entry->edx)[entry->eax] == 0)
			console_log_u32("loader: a C call with argc in EAX and argv in EDX (U-Boot's bootelf), argc ",
					entry->eax, ": no boot information");
		else
			console_log("loader: none recognised (no multiboot magic, PVH entry, ELF boot notes or coreboot table), EAX ",
				    entry->eax, "");
		break;
	}
}

void bootlog_report(enum loader_kind kind, const struct stub_entry_state *entry,
		    const struct boot_info *info, const struct boot_params *boot_params)
{
	log_loader(kind, entry);
	if (info->cmdline)
		console_log_u32("command line: the loader gave ", info->cmdline_len,
				" bytes, joined with the built-in text by the image's policy");
	else
		console_log("command line: none from the loader; the built-in text", 0, NULL);
	console_log_text("memory map from ", info->memory_source ? info->memory_source : "nowhere");
	console_log_u32("e820: ", boot_params->e820_entries, " entries in the zero page");
	if (boot_params->hdr.ramdisk_size)
		console_log(stub_params.initrd_size && boot_params->hdr.ramdisk_size == stub_params.initrd_size
			    ? "initrd: the image's, at " : "initrd: the loader's module, at ",
			    boot_params->hdr.ramdisk_image, "");
	else
		console_log("initrd: none", 0, NULL);
	if (boot_params->acpi_rsdp_addr)
		console_log("ACPI RSDP from the loader's information: ", boot_params->acpi_rsdp_addr, "");
	else
		console_log("ACPI RSDP: none passed; Linux searches for it", 0, NULL);
	if (boot_params->efi_info.efi_loader_signature)
		console_log("EFI: system table at ", boot_params->efi_info.efi_systab, " (efi_info filled)");
	console_log("command line for the kernel at ", boot_params->hdr.cmd_line_ptr, "");
}

void bootlog_enter(const struct boot_params *boot_params, uint32_t entry, int pvh)
{
	console_log(pvh ? "entering the kernel's PVH entry at " : "entering the kernel (32-bit boot protocol) at ",
		    entry, "");
	console_log("zero page at ", (uint32_t)(uintptr_t)boot_params, "");
}
