/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Where the running machine's ACPI RSDP is: the EFI system table's ACPI 2.0
 * (else 1.0) entry in /sys/firmware/efi/systab, else acpi_rsdp_addr (0x070)
 * of the boot_params the running kernel got (/sys/kernel/boot_params/data,
 * Linux zero-page.rst). A BIOS machine usually has neither: its RSDP is
 * found by scanning 0xE0000-0xFFFFF, which the next kernel does itself.
 */
#ifndef LOADER_RSDP_H
#define LOADER_RSDP_H

#include <stdint.h>

struct rsdp {
	uint64_t addr;         /* 0: not known */
	int from_efi;          /* found in the EFI system table */
};

/* Never fails: an unreadable source leaves addr 0. ROOT "" is the real machine. */
void rsdp_find(const char *root, struct rsdp *out);

#endif
