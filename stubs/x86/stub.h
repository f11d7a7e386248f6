/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Private declarations of the 32-bit x86 stub. The constants before the
 * __ASSEMBLER__ guard are shared with entry.S, which cannot include the C
 * headers of formats/; the _Static_asserts below tie them to those headers.
 */
#ifndef STUBS_X86_STUB_H
#define STUBS_X86_STUB_H

/* Linux x86 boot protocol, "32-bit boot protocol": __BOOT_CS and __BOOT_DS */
#define STUB_BOOT_CS               0x10
#define STUB_BOOT_DS               0x18

#define STUB_STACK_SIZE            8192
#define STUB_HEADER_SIZE_ASM       0x30
#define STUB_HEADER_VERSION_ASM    2
#define STUB_PARAMS_SIZE_ASM       0x178

/* Which entry point the loader jumped to (struct stub_entry_state.path) */
#define STUB_ENTRY_PATH_ELF        0         /* e_entry: every loader but PVH */
#define STUB_ENTRY_PATH_PVH        1         /* the Xen note's PVH entry */

/* Multiboot 0.6.96 section 3.1.2: page-aligned modules and memory info only */
#define STUB_MULTIBOOT_MAGIC       0x1badb002
#define STUB_MULTIBOOT_FLAGS       0x00000003
/* Multiboot2 2.0 section 3.1.1 */
#define STUB_MULTIBOOT2_MAGIC        0xe85250d6
#define STUB_MULTIBOOT2_ARCHITECTURE 0
#define STUB_MULTIBOOT2_TAG_FRAMEBUFFER 5
#define STUB_MULTIBOOT2_TAG_OPTIONAL    1

#ifndef __ASSEMBLER__

#include <stddef.h>
#include <stdint.h>
#include "formats/bootparams.h"
#include "formats/elfnote.h"
#include "formats/efi.h"
#include "formats/multiboot.h"
#include "formats/multiboot2.h"
#include "formats/pvh.h"
#include "formats/stubparam.h"

_Static_assert(STUB_HEADER_SIZE_ASM == sizeof(struct stub_header), "entry.S header size");
_Static_assert(STUB_HEADER_VERSION_ASM == STUB_HEADER_VERSION, "entry.S header version");
_Static_assert(STUB_PARAMS_SIZE_ASM == sizeof(struct stub_params), "entry.S params size");
_Static_assert(STUB_MULTIBOOT_MAGIC == MULTIBOOT_HEADER_MAGIC, "entry.S multiboot magic");
_Static_assert(STUB_MULTIBOOT_FLAGS == (MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO),
	       "entry.S multiboot flags: page align and memory info, never the a.out kludge");
_Static_assert(STUB_MULTIBOOT2_MAGIC == MULTIBOOT2_HEADER_MAGIC, "entry.S multiboot2 magic");
_Static_assert(STUB_MULTIBOOT2_ARCHITECTURE == MULTIBOOT2_ARCHITECTURE_I386, "entry.S multiboot2 architecture");
_Static_assert(STUB_MULTIBOOT2_TAG_FRAMEBUFFER == MULTIBOOT2_HEADER_TAG_FRAMEBUFFER, "entry.S framebuffer tag");
_Static_assert(STUB_MULTIBOOT2_TAG_OPTIONAL == MULTIBOOT2_HEADER_TAG_OPTIONAL, "entry.S optional tag flag");

/* Longest string read from a loader (command line, loader name) */
#define STUB_LOADER_STRING_MAX     4096
/* Memory ranges kept from a loader: 128 in the zero page, the rest in SETUP_E820_EXT */
#define STUB_MEMORY_RANGES_MAX     512

/* Who started the stub; decided once, from the entry registers */
enum loader_kind {
	LOADER_UNKNOWN = 0,
	LOADER_MULTIBOOT,
	LOADER_MULTIBOOT2,             /* EAX = 0x36d76289, EBX = the information block */
	LOADER_PVH,
	LOADER_ELF_NOTES,              /* EAX = 0x0E1FB007, EBX = the notes */
	LOADER_ELF_NOTES_ARG,          /* the notes as the first stack argument */
	LOADER_COREBOOT_ARG,           /* the coreboot table as the first stack argument */
	LOADER_COREBOOT_SCAN,          /* nothing passed; a coreboot table found by scanning */
};

/* The loader's registers as entry.S saved them, before anything else ran */
struct stub_entry_state {
	uint32_t eax;
	uint32_t ebx;
	uint32_t esp;                  /* undefined for multiboot and PVH */
	uint32_t path;                 /* STUB_ENTRY_PATH_* */
	uint32_t edx;                  /* U-Boot's bootelf (a regparm call): argv */
};

/* One range of physical memory; type uses the e820 numbering (1..5) */
struct boot_memory_range {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
};

/* What a loader told us, in a form independent of the loader */
struct boot_info {
	const char *cmdline;           /* NULL: none given */
	uint32_t cmdline_len;          /* bytes, bounded by STUB_LOADER_STRING_MAX */
	const char *loader_name;       /* NULL: none given */
	uint32_t loader_name_len;
	uint64_t rsdp_addr;            /* ACPI RSDP, 0 = unknown */
	uint32_t module_count;         /* modules the loader passed */
	uint64_t module_addr;          /* the first one: an initrd candidate */
	uint64_t module_size;
	/* EFI handoff (Multiboot2 tags 11/12 and 17); efi_systab_bits 0: none */
	uint32_t efi_systab_bits;      /* 32 (tag 11, "EL32") or 64 (tag 12, "EL64") */
	uint64_t efi_systab;
	uint64_t efi_memmap;           /* the descriptors, 0 = none */
	uint32_t efi_memmap_size;      /* bytes */
	uint32_t efi_memdesc_size;
	uint32_t efi_memdesc_version;
	/* A linear framebuffer the loader set up (Multiboot2 tag 8, RGB), 0 = none */
	uint64_t fb_addr;
	uint32_t fb_pitch, fb_width, fb_height;
	uint8_t  fb_bpp;
	uint8_t  fb_red_pos, fb_red_size, fb_green_pos, fb_green_size, fb_blue_pos, fb_blue_size;
	const char *memory_source;     /* where the memory map came from, for the boot log */
	uint32_t range_count;          /* <= STUB_MEMORY_RANGES_MAX */
	struct boot_memory_range ranges[STUB_MEMORY_RANGES_MAX];
};

/* entry.S */
extern struct stub_entry_state stub_entry_state;
extern char stub_header[];             /* the stub's first byte: its load address */
void stub_main(void) __attribute__((noreturn));
void stub_enter_kernel(struct boot_params *boot_params, uint32_t entry)
	__attribute__((noreturn));
void stub_enter_pvh(struct hvm_start_info *start_info, uint32_t entry)
	__attribute__((noreturn));

/* params.c: the block mkelfimage fills (formats/stubparam.h) */
extern struct stub_params stub_params;
int params_valid(const struct stub_params *params);

/* bootinfo.c: helpers for every boot-info reader */
uint32_t bootinfo_span(uint64_t addr, uint32_t max);
const char *bootinfo_string(uint64_t addr, uint32_t *len);
void bootinfo_add_range(struct boot_info *info, uint64_t addr, uint64_t size, uint32_t type);

/* multiboot.c */
int multiboot_read(uint32_t info_addr, struct boot_info *info);

/* multiboot2.c */
int multiboot2_read(uint32_t info_addr, struct boot_info *info);

/* efi.c: the RSDP from the EFI system table's configuration table, 0 = none */
uint64_t efi_find_rsdp(const struct boot_info *info);

/* pvh.c */
int pvh_read(uint32_t start_info_addr, struct boot_info *info);

/* elfnotes.c */
int elfnotes_valid(uint32_t addr);
int elfnotes_read(uint32_t addr, struct boot_info *info);

/* coreboot.c: addresses of validated tables (one forward followed), 0 = none */
uint32_t coreboot_table_at(uint32_t addr);
uint32_t coreboot_find(void);
void coreboot_read(uint32_t addr, struct boot_info *info);

/* cmos.c: the last resort on a PC, with no map from the loader */
int cmos_read_memory(struct boot_info *info);

/* bootparams.c */
struct boot_params *bootparams_init(const struct stub_params *params);
void bootparams_set_e820(struct boot_params *boot_params, const struct boot_info *info);
void bootparams_set_loader_fields(struct boot_params *boot_params,
				  const struct stub_params *params, const char *cmdline);
void bootparams_set_initrd(struct boot_params *boot_params, uint64_t addr, uint64_t size);
void bootparams_set_rsdp(struct boot_params *boot_params, const struct boot_info *info);
void bootparams_set_efi(struct boot_params *boot_params, const struct boot_info *info);
void bootparams_set_screen(struct boot_params *boot_params, const struct boot_info *info);

/* initrd.c: which initrd the kernel gets (the image's, or a loader module) */
void initrd_choose(struct boot_params *boot_params, const struct stub_params *params,
		   const struct boot_info *info);

/* placement.c: --initrd-placement high moves the initrd to the top of RAM */
void placement_apply(struct boot_params *boot_params, const struct stub_params *params,
		     const struct boot_info *map);

/* verify.c: --verify-at-boot checks the payloads' SHA-256 or halts */
void verify_payloads(const struct boot_params *boot_params, const struct stub_params *params);

/* pvhkernel.c: a vmlinux gets the zero page as a PVH hvm_start_info */
void pvhkernel_enter(const struct boot_params *boot_params, const struct boot_info *info,
		     uint32_t entry) __attribute__((noreturn));

/* bootlog.c: --boot-log, or the word "mkelfimage.log" (taken out of `cmdline`) */
int bootlog_wanted(const struct stub_params *params, char *cmdline);
void bootlog_report(enum loader_kind kind, const struct stub_entry_state *entry,
		    const struct boot_info *info, const struct boot_params *boot_params);
void bootlog_enter(const struct boot_params *boot_params, uint32_t entry, int pvh);

/* cmdline.c */
const char *cmdline_build(const struct stub_params *params, const struct boot_info *info);

/* console.c: COM1, lines prefixed "mkelfimage stub: " */
void console_line(const char *text);
void console_line_u32(const char *before, uint32_t value, const char *after);
void console_fail(const char *reason) __attribute__((noreturn));
/* A boot log line, "mkelfimage stub log: BEFORE", then VALUE in hex and AFTER unless AFTER is NULL */
void console_log(const char *before, uint64_t value, const char *after);
/* The same with VALUE in decimal (AFTER may be text ending the line) */
void console_log_u32(const char *before, uint32_t value, const char *after);
void console_log_text(const char *first, const char *second);

/*
 * On a function whose byte loops must stay loops: gcc may turn a fill or
 * copy loop into a call to memset, memcpy or memmove even with
 * -ffreestanding -fno-builtin (loop distribution), so lib.c's memset would
 * call itself and placement.c a memmove the stub does not have. clang has
 * no optimize attribute (it would warn) and with -fno-builtin emits no such
 * calls.
 */
#ifdef __has_attribute
#if __has_attribute(optimize)
#define STUB_KEEP_LOOPS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#endif
#endif
#ifndef STUB_KEEP_LOOPS
#define STUB_KEEP_LOOPS
#endif

/* lib.c */
void *memset(void *dest, int value, size_t len);
void *memcpy(void *dest, const void *src, size_t len);
int memcmp(const void *left, const void *right, size_t len);
size_t strlen(const char *text);
size_t strnlen(const char *text, size_t max);

#endif /* __ASSEMBLER__ */
#endif
