/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The probe kernel: a fake Linux kernel that reports on COM1 what the loader
 * handed it through the Linux 32-bit boot protocol (boot.rst), then exits
 * QEMU through isa-debug-exit. The report format is in README.md; change both
 * together and bump PROBE_REPORT_ID.
 *
 * Freestanding, -m32, no libgcc: no 64-bit division (numbers are printed by
 * shifting), and the few library functions gcc may call are defined here.
 */
#include <stddef.h>
#include <stdint.h>

#include "formats/bootparams.h"
#include "formats/pvh.h"
#include "probe.h"

/* Saved by probe-entry.S before anything else ran. */
extern uint32_t probe_entry_esi, probe_entry_ebx, probe_entry_ebp, probe_entry_edi;
extern uint32_t probe_entry_eflags;
extern uint16_t probe_entry_cs, probe_entry_ds, probe_entry_es, probe_entry_ss;
extern uint32_t probe_entry_pvh;
extern char probe_load_addr[];

void probe_main(void) __attribute__((noreturn));
void *memset(void *dest, int value, size_t len);
void *memcpy(void *dest, const void *src, size_t len);

#define COM1_BASE        0x3f8
#define COM1_LSR         (COM1_BASE + 5)
#define LSR_THRE         0x20          /* transmit holding register empty */
#define EFLAGS_IF        0x200
#define CMDLINE_MAX      0x10000       /* bound on the command line scan */

static inline void outb(uint16_t port, uint8_t value)
{
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline void outl(uint16_t port, uint32_t value)
{
	__asm__ volatile("outl %0, %1" : : "a"(value), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t value;

	__asm__ volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

void *memset(void *dest, int value, size_t len)
{
	uint8_t *d = dest;

	while (len--)
		*d++ = (uint8_t)value;
	return dest;
}

void *memcpy(void *dest, const void *src, size_t len)
{
	uint8_t *d = dest;
	const uint8_t *s = src;

	while (len--)
		*d++ = *s++;
	return dest;
}

/* The UART is used as the firmware left it: QEMU's COM1 needs no setup. */
static void serial_putc(char c)
{
	while (!(inb(COM1_LSR) & LSR_THRE))
		;
	outb(COM1_BASE, (uint8_t)c);
}

static void serial_puts(const char *s)
{
	while (*s)
		serial_putc(*s++);
}

static const char hex_digits[] = "0123456789abcdef";

/* 0x prefix, lowercase, no leading zeros, 0x0 for zero. */
static void print_hex(uint64_t value)
{
	int shift = 60;

	serial_puts("0x");
	while (shift > 0 && ((value >> shift) & 0xf) == 0)
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		serial_putc(hex_digits[(value >> shift) & 0xf]);
}

static void print_key_hex(const char *key, uint64_t value)
{
	serial_puts(key);
	serial_putc('=');
	print_hex(value);
	serial_putc('\n');
}

/* Printable ASCII except the backslash as is; everything else as \xNN. */
static void print_escaped(const volatile uint8_t *text, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++) {
		uint8_t c = text[i];

		if (c < 0x20 || c > 0x7e || c == '\\') {
			serial_puts("\\x");
			serial_putc(hex_digits[c >> 4]);
			serial_putc(hex_digits[c & 0xf]);
		} else {
			serial_putc((char)c);
		}
	}
}

/* Entry registers and the sentinel (boot.rst: a loader must leave it 0). */
static void report_entry(const volatile struct boot_params *bp)
{
	print_key_hex("esi", probe_entry_esi);
	print_key_hex("ebx", probe_entry_ebx);
	print_key_hex("ebp", probe_entry_ebp);
	print_key_hex("edi", probe_entry_edi);
	print_key_hex("cs", probe_entry_cs);
	print_key_hex("ds", probe_entry_ds);
	print_key_hex("es", probe_entry_es);
	print_key_hex("ss", probe_entry_ss);
	print_key_hex("eflags_if", (probe_entry_eflags & EFLAGS_IF) ? 1 : 0);
	print_key_hex("sentinel", bp->sentinel);
}

/* The setup header as the kernel sees it, field names as in boot.rst. */
static void report_setup_header(const volatile struct setup_header *hdr)
{
	print_key_hex("hdr.setup_sects", hdr->setup_sects);
	print_key_hex("hdr.root_flags", hdr->root_flags);
	print_key_hex("hdr.syssize", hdr->syssize);
	print_key_hex("hdr.vid_mode", hdr->vid_mode);
	print_key_hex("hdr.root_dev", hdr->root_dev);
	print_key_hex("hdr.boot_flag", hdr->boot_flag);
	print_key_hex("hdr.header", hdr->header);
	print_key_hex("hdr.version", hdr->version);
	print_key_hex("hdr.kernel_version", hdr->kernel_version);
	print_key_hex("hdr.type_of_loader", hdr->type_of_loader);
	print_key_hex("hdr.loadflags", hdr->loadflags);
	print_key_hex("hdr.code32_start", hdr->code32_start);
	print_key_hex("hdr.ramdisk_image", hdr->ramdisk_image);
	print_key_hex("hdr.ramdisk_size", hdr->ramdisk_size);
	print_key_hex("hdr.cmd_line_ptr", hdr->cmd_line_ptr);
	print_key_hex("hdr.initrd_addr_max", hdr->initrd_addr_max);
	print_key_hex("hdr.kernel_alignment", hdr->kernel_alignment);
	print_key_hex("hdr.relocatable_kernel", hdr->relocatable_kernel);
	print_key_hex("hdr.min_alignment", hdr->min_alignment);
	print_key_hex("hdr.xloadflags", hdr->xloadflags);
	print_key_hex("hdr.cmdline_size", hdr->cmdline_size);
	print_key_hex("hdr.hardware_subarch", hdr->hardware_subarch);
	print_key_hex("hdr.payload_offset", hdr->payload_offset);
	print_key_hex("hdr.payload_length", hdr->payload_length);
	print_key_hex("hdr.setup_data", hdr->setup_data);
	print_key_hex("hdr.pref_address", hdr->pref_address);
	print_key_hex("hdr.init_size", hdr->init_size);
	print_key_hex("hdr.handover_offset", hdr->handover_offset);
	print_key_hex("hdr.kernel_info_offset", hdr->kernel_info_offset);
}

/* Fields outside the setup header (zero-page.rst). */
static void report_extended(const volatile struct boot_params *bp)
{
	print_key_hex("ext_ramdisk_image", bp->ext_ramdisk_image);
	print_key_hex("ext_ramdisk_size", bp->ext_ramdisk_size);
	print_key_hex("ext_cmd_line_ptr", bp->ext_cmd_line_ptr);
	print_key_hex("acpi_rsdp_addr", bp->acpi_rsdp_addr);
	print_key_hex("efi_info.efi_loader_signature", bp->efi_info.efi_loader_signature);
	print_key_hex("efi_info.efi_systab", bp->efi_info.efi_systab);
	print_key_hex("efi_info.efi_memdesc_size", bp->efi_info.efi_memdesc_size);
	print_key_hex("efi_info.efi_memdesc_version", bp->efi_info.efi_memdesc_version);
	print_key_hex("efi_info.efi_memmap", bp->efi_info.efi_memmap);
	print_key_hex("efi_info.efi_memmap_size", bp->efi_info.efi_memmap_size);
	print_key_hex("efi_info.efi_systab_hi", bp->efi_info.efi_systab_hi);
	print_key_hex("efi_info.efi_memmap_hi", bp->efi_info.efi_memmap_hi);
	print_key_hex("screen_info.orig_video_isVGA", bp->screen_info.orig_video_isVGA);
	print_key_hex("screen_info.lfb_base", bp->screen_info.lfb_base);
	print_key_hex("screen_info.ext_lfb_base", bp->screen_info.ext_lfb_base);
	print_key_hex("screen_info.lfb_size", bp->screen_info.lfb_size);
	print_key_hex("screen_info.lfb_width", bp->screen_info.lfb_width);
	print_key_hex("screen_info.lfb_height", bp->screen_info.lfb_height);
	print_key_hex("screen_info.lfb_depth", bp->screen_info.lfb_depth);
	print_key_hex("screen_info.lfb_linelength", bp->screen_info.lfb_linelength);
	print_key_hex("screen_info.red", (uint32_t)bp->screen_info.red_size << 8 | bp->screen_info.red_pos);
	print_key_hex("screen_info.green", (uint32_t)bp->screen_info.green_size << 8 | bp->screen_info.green_pos);
	print_key_hex("screen_info.blue", (uint32_t)bp->screen_info.blue_size << 8 | bp->screen_info.blue_pos);
	print_key_hex("screen_info.capabilities", bp->screen_info.capabilities);
}

/* The text at cmd_line_ptr, up to its NUL or CMDLINE_MAX bytes. */
static void report_cmdline(uint32_t cmd_line_ptr)
{
	const volatile uint8_t *text = (const volatile uint8_t *)(uintptr_t)cmd_line_ptr;
	uint32_t len = 0;

	if (cmd_line_ptr == 0) {
		/* boot.rst: cmd_line_ptr is never 0 once a loader set it. */
		print_key_hex("cmdline_len", 0);
		serial_puts("cmdline=\n");
		serial_puts("cmdline_ptr_zero=1\n");
		return;
	}
	while (len < CMDLINE_MAX && text[len] != 0)
		len++;
	print_key_hex("cmdline_len", len);
	serial_puts("cmdline=");
	print_escaped(text, len);
	serial_putc('\n');
}

/* CRC-32 as zlib's crc32(): reflected polynomial 0xedb88320, ~0 in and out. */
static uint32_t crc_table[256];

static void crc32_init(void)
{
	for (uint32_t n = 0; n < 256; n++) {
		uint32_t c = n;

		for (int k = 0; k < 8; k++)
			c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
		crc_table[n] = c;
	}
}

static uint32_t crc32_region(uint32_t start, uint32_t size)
{
	const volatile uint8_t *p = (const volatile uint8_t *)(uintptr_t)start;
	uint32_t crc = 0xffffffffu;

	for (uint32_t i = 0; i < size; i++)
		crc = crc_table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
	return crc ^ 0xffffffffu;
}

static void report_initrd(const volatile struct setup_header *hdr)
{
	if (hdr->ramdisk_size == 0)
		return;
	crc32_init();
	print_key_hex("initrd_crc32", crc32_region(hdr->ramdisk_image, hdr->ramdisk_size));
}

/* PREFIX.<index in hex>=ADDR SIZE TYPE (e820.<i>, memmap.<i>) */
static void print_range(const char *prefix, uint32_t index, uint64_t addr, uint64_t size,
			uint32_t type)
{
	serial_puts(prefix);
	serial_putc('.');
	if (index >= 0x10)
		serial_putc(hex_digits[(index >> 4) & 0xf]);
	serial_putc(hex_digits[index & 0xf]);
	serial_putc('=');
	print_hex(addr);
	serial_putc(' ');
	print_hex(size);
	serial_putc(' ');
	print_hex(type);
	serial_putc('\n');
}

/* e820.<index in hex>=ADDR SIZE TYPE, at most the zero page's 128 entries. */
static void report_e820(const volatile struct boot_params *bp)
{
	uint32_t count = bp->e820_entries;

	print_key_hex("e820_entries", count);
	if (count > E820_MAX_ENTRIES_ZEROPAGE)
		count = E820_MAX_ENTRIES_ZEROPAGE;
	for (uint32_t i = 0; i < count; i++)
		print_range("e820", i, bp->e820_table[i].addr, bp->e820_table[i].size,
			    bp->e820_table[i].type);
}

/* A PVH start (README.md, "The PVH report"): struct hvm_start_info at EBX. */
static void report_pvh(void)
{
	const volatile struct hvm_start_info *start =
		(const volatile struct hvm_start_info *)(uintptr_t)probe_entry_ebx;
	const volatile struct hvm_modlist_entry *module =
		(const volatile struct hvm_modlist_entry *)(uintptr_t)start->modlist_paddr;
	const volatile struct hvm_memmap_table_entry *map =
		(const volatile struct hvm_memmap_table_entry *)(uintptr_t)start->memmap_paddr;
	uint32_t count = start->memmap_entries;

	print_key_hex("start_info.magic", start->magic);
	print_key_hex("start_info.version", start->version);
	print_key_hex("start_info.flags", start->flags);
	print_key_hex("start_info.nr_modules", start->nr_modules);
	print_key_hex("start_info.modlist_paddr", start->modlist_paddr);
	print_key_hex("start_info.cmdline_paddr", start->cmdline_paddr);
	print_key_hex("start_info.rsdp_paddr", start->rsdp_paddr);
	print_key_hex("start_info.memmap_paddr", start->memmap_paddr);
	print_key_hex("start_info.memmap_entries", count);
	report_cmdline((uint32_t)start->cmdline_paddr);
	if (start->nr_modules && start->modlist_paddr) {
		print_key_hex("module.0.paddr", module->paddr);
		print_key_hex("module.0.size", module->size);
		crc32_init();
		print_key_hex("initrd_crc32", crc32_region((uint32_t)module->paddr, (uint32_t)module->size));
	}
	if (count > E820_MAX_ENTRIES_ZEROPAGE)
		count = E820_MAX_ENTRIES_ZEROPAGE;
	for (uint32_t i = 0; map && i < count; i++)
		print_range("memmap", i, map[i].addr, map[i].size, map[i].type);
}

/* QEMU with -device isa-debug-exit,iobase=0xf4 exits here; elsewhere, halt. */
static void __attribute__((noreturn)) probe_exit(void)
{
	outl(PROBE_DEBUG_EXIT_PORT, 0);
	for (;;)
		__asm__ volatile("cli; hlt");
}

void probe_main(void)
{
	const volatile struct boot_params *bp =
		(const volatile struct boot_params *)(uintptr_t)probe_entry_esi;

	serial_puts("probe=" PROBE_REPORT_ID "\n");
	print_key_hex("load_addr", (uint32_t)(uintptr_t)probe_load_addr);
	if (probe_entry_pvh) {
		serial_puts("entry=pvh\n");
		print_key_hex("ebx", probe_entry_ebx);
		print_key_hex("cs", probe_entry_cs);
		print_key_hex("ds", probe_entry_ds);
		print_key_hex("eflags_if", (probe_entry_eflags & EFLAGS_IF) ? 1 : 0);
		report_pvh();
		serial_puts("probe_end=ok\n");
		probe_exit();
	}
	report_entry(bp);
	report_setup_header(&bp->hdr);
	report_extended(bp);
	report_cmdline(bp->hdr.cmd_line_ptr);
	report_initrd(&bp->hdr);
	report_e820(bp);
	serial_puts("probe_end=ok\n");
	probe_exit();
}
