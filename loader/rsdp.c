/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/bootparams.h"
#include "rsdp.h"

/* systab lines are "NAME=0xADDR"; ACPI20 wins over ACPI (UEFI 2.x, 4.6 "EFI Configuration Table"). */
static uint64_t rsdp_from_systab(const char *path)
{
	FILE *file = fopen(path, "r");
	uint64_t acpi10 = 0, acpi20 = 0;
	char line[128];

	if (!file)
		return 0;
	while (fgets(line, sizeof(line), file)) {
		if (strncmp(line, "ACPI20=", 7) == 0)
			acpi20 = strtoull(line + 7, NULL, 0);
		else if (strncmp(line, "ACPI=", 5) == 0)
			acpi10 = strtoull(line + 5, NULL, 0);
	}
	fclose(file);
	return acpi20 ? acpi20 : acpi10;
}

static uint64_t rsdp_from_boot_params(const char *path)
{
	FILE *file = fopen(path, "rb");
	uint8_t bytes[offsetof(struct boot_params, acpi_rsdp_addr) + 8];
	uint64_t addr = 0;
	size_t i;

	if (!file)
		return 0;
	if (fread(bytes, 1, sizeof(bytes), file) == sizeof(bytes))
		for (i = 0; i < 8; i++)
			addr |= (uint64_t)bytes[offsetof(struct boot_params, acpi_rsdp_addr) + i] << (8 * i);
	fclose(file);
	return addr;
}

void rsdp_find(const char *root, struct rsdp *out)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/sys/firmware/efi/systab", root);
	out->addr = rsdp_from_systab(path);
	out->from_efi = out->addr != 0;
	if (out->addr)
		return;
	snprintf(path, sizeof(path), "%s/sys/kernel/boot_params/data", root);
	out->addr = rsdp_from_boot_params(path);
}
