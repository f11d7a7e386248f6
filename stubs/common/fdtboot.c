/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The device-tree stubs (arm64, riscv64), top to bottom: (1) find the
 * device tree the loader left; (2) check the image lies in the RAM it
 * describes, and with --verify-at-boot that its payloads are intact;
 * (3) build the command line by policy; (4) write a copy of the tree with
 * /chosen set; (5) clean the caches and let the arch enter the kernel with
 * the copy (arm64: x0; riscv64: a1, with the hart id in a0).
 */
#include "fdtstub.h"

/* U-Boot's argc is small; a first argument up to this is argc, not an address */
#define ARGC_MAX       64
/* Longest hex text read from argv[0] ("0x" and 16 digits) */
#define HEX_TEXT_MAX   18

/* The final command line, NUL included */
static char stub_cmdline[FDT_STUB_CMDLINE_SIZE];

/* 8-byte aligned: booting.rst (arm64) and the riscv64 boot protocol */
int fdt_at(uint64_t addr)
{
	return addr && addr % 8 == 0 && fdt_has_magic((const void *)addr);
}

/* Hex text as U-Boot prints an address ("5edb6db0", or "0x..."); 0 when it is not */
static uint64_t parse_hex(const char *text)
{
	uint64_t value = 0;
	int digits = 0;

	if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
		text += 2;
	for (; *text && digits < HEX_TEXT_MAX; text++, digits++) {
		char c = *text;
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
			: c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
			: c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16u;

		if (d == 16)
			return 0;
		value = value << 4 | d;
	}
	return *text ? 0 : value;
}

/*
 * (1) In priority order: the register the boot protocol names (arm64 x0,
 * riscv64 a1), U-Boot's argv[0] (bootelf calls the entry as a C function:
 * first argument argc, second argv), where the loader leaves a tree for an
 * ELF (QEMU virt arm64: the start of RAM), the tree the image carries (--dtb).
 */
static uint64_t find_fdt(uint64_t r0, uint64_t r1)
{
	uint64_t direct = arch_loader_fdt(r0, r1);

	if (direct)
		return direct;
	if (r0 >= 1 && r0 <= ARGC_MAX && r1 && r1 % 8 == 0) {
		uint64_t arg0 = *(const uint64_t *)r1;
		uint64_t addr = arg0 ? parse_hex((const char *)arg0) : 0;

		if (fdt_at(addr))
			return addr;
	}
	if (fdt_at(stub_params.ram_base))
		return stub_params.ram_base;
	if (fdt_at(stub_params.embedded_dtb_addr))
		return stub_params.embedded_dtb_addr;
	stub_fail("no device tree: none in the entry registers, in U-Boot's argv[0] or where the loader leaves one, "
		  "and the image carries none");
}

/* (2) What /memory says, read with the root's #address-cells and #size-cells */
struct memory_check {
	uint32_t address_cells, size_cells;
	uint64_t start, end;         /* the image's span */
	int covered;
	uint64_t highest;            /* end of the highest range seen */
};

static uint64_t read_cells(const uint8_t *p, uint32_t cells)
{
	return cells == 2 ? fdt_be64(p) : fdt_be32(p);
}

static int memory_prop(void *ctx, unsigned depth, const char *node, const char *name,
		       const uint8_t *value, uint32_t len)
{
	struct memory_check *m = ctx;
	uint32_t entry, at;

	if (depth == 0 && name[0] == '#' && len == 4) {
		uint32_t cells = fdt_be32(value);
		const char *a = "#address-cells", *s = "#size-cells";

		if (!memcmp(name, a, 15) && (cells == 1 || cells == 2))
			m->address_cells = cells;
		if (!memcmp(name, s, 12) && (cells == 1 || cells == 2))
			m->size_cells = cells;
		return 0;
	}
	if (depth != 1 || memcmp(node, "memory", 6) || (node[6] != '\0' && node[6] != '@') ||
	    memcmp(name, "reg", 4))
		return 0;
	entry = 4 * (m->address_cells + m->size_cells);
	for (at = 0; len - at >= entry; at += entry) {
		uint64_t start = read_cells(value + at, m->address_cells);
		uint64_t end = start + read_cells(value + at + 4 * m->address_cells, m->size_cells);

		if (end > m->highest)
			m->highest = end;
		if (start <= m->start && end >= m->end)
			m->covered = 1;
	}
	return 0;
}

static void check_memory(const struct fdt *fdt)
{
	struct memory_check m = { 2, 1, stub_params.kernel_addr, stub_params.image_end, 0, 0 };

	if (fdt_walk(fdt, memory_prop, &m) != FDT_OK)
		stub_fail("the loader's device tree is damaged (structure block)");
	if (!m.covered)
		stub_fail_hex("the image needs RAM up to ", stub_params.image_end);
}

/* The loader's /chosen/bootargs, when it is NUL-terminated text; else none */
static uint32_t loader_bootargs(const struct fdt *fdt, const char **text)
{
	uint32_t len, i;
	const uint8_t *value = fdt_top_prop(fdt, "chosen", "bootargs", &len);

	*text = "";
	if (!value || len == 0 || value[len - 1] != '\0')
		return 0;
	for (i = 0; i + 1 < len; i++)
		if (value[i] < 0x20 && value[i] != '\t')
			return 0;
	*text = (const char *)value;
	return len - 1;
}

void stub_main(uint64_t r0, uint64_t r1)
{
	struct fdt fdt;
	uint8_t initrd_start[8], initrd_end[8];
	const char *loader;
	uint32_t loader_len, cmdline_len, size;
	unsigned count = 1;
	uint64_t src = find_fdt(r0, r1);
	struct fdt_set set[3];

	/* booting.rst: "must not exceed 2 megabytes in size" */
	if (fdt_open(&fdt, (const void *)src, FDT_STUB_DTB_MAX) != FDT_OK)
		stub_fail_hex("the device tree is not valid (header, version or size above 2 MiB) at ", src);
	/* the copy is written in one pass from the source: they must not meet */
	if (src < stub_params.dtb_addr + stub_params.dtb_room && stub_params.dtb_addr < src + fdt.totalsize)
		stub_fail_hex("the loader's device tree lies in the 2 MiB the image keeps for the kernel's, at ", src);
	check_memory(&fdt);
	verify_payloads();
	/* (3) the command line */
	loader_len = loader_bootargs(&fdt, &loader);
	cmdline_len = cmdline_build(stub_cmdline, loader, loader_len);
	set[0] = (struct fdt_set){ "bootargs", stub_cmdline, cmdline_len + 1 };
	/* the image's initrd; none: the loader's stays as it was */
	if (stub_params.initrd_size) {
		fdt_put_be64(initrd_start, stub_params.initrd_start);
		fdt_put_be64(initrd_end, stub_params.initrd_start + stub_params.initrd_size);
		set[1] = (struct fdt_set){ "linux,initrd-start", initrd_start, 8 };
		set[2] = (struct fdt_set){ "linux,initrd-end", initrd_end, 8 };
		count = 3;
	}
	/*
	 * (4) the copy the kernel gets, in its own 2 MiB. No reservation is
	 * added: the kernel reserves its Image, the initrd and the tree itself
	 * (arm64 setup_arch, riscv64 setup_bootmem: early_init_fdt_reserve_self),
	 * and nothing of the stub is needed once the kernel runs.
	 */
	if (fdt_edit(&fdt, (uint8_t *)stub_params.dtb_addr, stub_params.dtb_room, "chosen",
		     set, count, NULL, 0, &size) != FDT_OK)
		stub_fail("the edited device tree does not fit in its 2 MiB, or the loader's is damaged");
	/* (5) arm64 booting.rst: kernel, tree and initrd cleaned to the PoC */
	cache_clean_range(stub_params.kernel_addr, stub_params.kernel_mem_size);
	cache_clean_range(stub_params.dtb_addr, size);
	if (stub_params.initrd_size)
		cache_clean_range(stub_params.initrd_start, stub_params.initrd_size);
	if (fdt_open(&fdt, (const void *)stub_params.dtb_addr, size) != FDT_OK)
		stub_fail("the edited device tree does not read back");
	arch_enter_kernel(&fdt);
}
