/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Everything is read from the image alone: segments and notes from the ELF,
 * kernel, command line and initrd region from the stub's parameter block,
 * initrd file sizes and digests from the "mkelfimage" digest note; each
 * digest is recomputed over the image's bytes. The same facts are printed
 * as "key: value" text or as JSON (schema "mkelfimage-inspect/1").
 */
#include "config.h"

#include <elf.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "formats/arm64.h"
#include "formats/le.h"
#include "formats/digestnote.h"
#include "imagesum.h"
#include "kernel.h"
#include "formats/elfnote.h"
#include "formats/initrd_kind.h"
#include "formats/records.h"
#include "formats/sha256.h"
#include "formats/sha256_host.h"
#include "imageread.h"
#include "inspect.h"
#include "common/json.h"
#include "common/sigcheck.h"
#include "common/report.h"

#define INSPECT_SCHEMA "mkelfimage-inspect/1"
#define INSPECT_KEXEC_MAX_LOADS 10   /* kexec_load takes 16 segments; its loaders add up to 6 */

/* Output as text ("indent key: value") or JSON, from the same calls. */
struct out {
	struct json *json;
	int depth;
};

static void out_begin(struct out *o, const char *key, int array)
{
	if (o->json) {
		if (array)
			json_array_begin(o->json, key);
		else
			json_object_begin(o->json, key);
	} else if (key) {
		printf("%*s%s:\n", 2 * o->depth, "", key);
	}
	o->depth++;
}

static void out_end(struct out *o, int array)
{
	o->depth--;
	if (o->json)
		(array ? json_array_end : json_object_end)(o->json);
}

static void out_str(struct out *o, const char *key, const char *value)
{
	if (o->json)
		value ? json_string(o->json, key, value) : json_null(o->json, key);
	else
		printf("%*s%s: %s\n", 2 * o->depth, "", key, value ? value : "-");
}

static void out_uint(struct out *o, const char *key, uint64_t value, int as_hex)
{
	if (o->json)
		json_uint(o->json, key, value);
	else
		printf(as_hex ? "%*s%s: 0x%llx\n" : "%*s%s: %llu\n", 2 * o->depth, "", key,
		       (unsigned long long)value);
}

static void out_bool(struct out *o, const char *key, int value)
{
	if (o->json)
		json_bool(o->json, key, value);
	else
		printf("%*s%s: %s\n", 2 * o->depth, "", key, value ? "yes" : "no");
}

static void hex_digest(const uint8_t *digest, char hex[65])
{
	size_t i;

	for (i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
}

/*
 * An Alpha image: the Alpha stub's header found (its parameters are not
 * the x86 ones that img->params reads). Alpha's layout (arch_alpha.c): the
 * kernel's PT_LOADs below the stub, the initrd region above it.
 */
static int is_alpha_image(const struct image_read *img)
{
	return img->elf.machine == EM_ALPHA && img->stub_segment >= 0;
}

static const char *segment_name(const struct image_read *img, size_t i)
{
	uint64_t addr = img->elf.load[i].paddr;

	if ((int)i == img->stub_segment)
		return "stub";
	if (is_alpha_image(img))
		return addr < img->elf.load[img->stub_segment].paddr ? "kernel" : "initrd";
	if (!img->has_params)
		return "unknown";
	/* a bzImage is one segment there; a vmlinux's PT_LOADs all lie below the stub */
	if (addr == img->params.kernel_load_addr ||
	    (img->stub_segment >= 0 && addr > img->params.kernel_load_addr &&
	     addr < img->elf.load[img->stub_segment].paddr))
		return "kernel";
	if (addr == img->params.cmdline_addr)
		return "command line";
	if (img->params.initrd_size && addr == img->params.initrd_addr)
		return "initrd";
	if (img->elf.load[i].filesz >= RECORDS_MAGIC_LEN &&
	    !memcmp(img->map + img->elf.load[i].offset, RECORDS_MAGIC, RECORDS_MAGIC_LEN))
		return "records";
	return "unknown";
}

static void print_segments(struct out *o, const struct image_read *img)
{
	size_t i;

	out_begin(o, "segments", 1);
	for (i = 0; i < img->elf.load_count; i++) {
		const struct elfimage_segment *seg = &img->elf.load[i];

		if (!o->json) {
			printf("  %-13s address 0x%08llx file 0x%08llx at 0x%llx memory 0x%08llx\n",
			       segment_name(img, i), (unsigned long long)seg->paddr,
			       (unsigned long long)seg->filesz, (unsigned long long)seg->offset,
			       (unsigned long long)seg->memsz);
			continue;
		}
		out_begin(o, NULL, 0);
		out_str(o, "name", segment_name(img, i));
		out_uint(o, "address", seg->paddr, 1);
		out_uint(o, "file_offset", seg->offset, 1);
		out_uint(o, "file_size", seg->filesz, 1);
		out_uint(o, "memory_size", seg->memsz, 1);
		out_bool(o, "vaddr_is_paddr", seg->vaddr == seg->paddr);
		out_end(o, 0);
	}
	out_end(o, 1);
}

/* A note desc that is a string: printable up to its NUL, else NULL. */
static const char *note_string(const struct notewalk_note *note, char *buf, size_t size)
{
	size_t len;

	if (!note || !note->descsz)
		return NULL;
	len = strnlen((const char *)note->desc, note->descsz);
	if (len >= size)
		len = size - 1;
	memcpy(buf, note->desc, len);
	buf[len] = '\0';
	return buf;
}

static void print_notes(struct out *o, const struct image_read *img)
{
	char name[64];
	size_t i;

	out_begin(o, "notes", 1);
	for (i = 0; i < img->note_count; i++) {
		const struct notewalk_note *note = &img->notes[i];

		snprintf(name, sizeof(name), "%.*s", note->namesz ? (int)note->namesz - 1 : 0,
			 (const char *)note->name);
		if (!o->json) {
			printf("  %-10s type %-3u %u bytes\n", name, note->type, note->descsz);
			continue;
		}
		out_begin(o, NULL, 0);
		out_str(o, "name", name);
		out_uint(o, "type", note->type, 0);
		out_uint(o, "size", note->descsz, 0);
		out_end(o, 0);
	}
	out_end(o, 1);
}

static void print_kernel(struct out *o, const struct image_read *img)
{
	const struct notewalk_note *version = imageread_note(img, ELF_NOTE_BOOT, EIN_PROGRAM_VERSION);
	const struct stub_params *p = &img->params;
	char protocol[16], text[256];

	int vmlinux = p->kernel_protocol == STUB_KERNEL_PVH;
	const char *kind = kernel_image_format_name(img);

	out_begin(o, "kernel", 0);
	out_str(o, "kind", kind ? kind : "unknown");
	out_str(o, "entered_through", img->fdt_stub ? "its first byte, the device tree in a register (device-tree stub)"
		: vmlinux ? "PVH entry (XEN_ELFNOTE_PHYS32_ENTRY)" : "Linux 32-bit boot protocol");
	out_uint(o, "load_address", p->kernel_load_addr, 1);
	out_uint(o, "size", p->kernel_file_size, 0);
	out_uint(o, "entry", p->kernel_entry, 1);
	/* boot.rst: the protocol version is the setup header's field at 0x206;
	 * a vmlinux has none (mkelfimage made one up for the stub) */
	if (!vmlinux && p->setup_header_len >= 0x208 - SETUP_HEADER_OFFSET) {
		uint16_t v = le16_get(p->setup_header + (0x206 - SETUP_HEADER_OFFSET));

		snprintf(protocol, sizeof(protocol), "%u.%02u", v >> 8u, v & 0xffu);
		out_str(o, "protocol", protocol);
	} else {
		out_str(o, "protocol", NULL);
	}
	out_str(o, "version", note_string(version, text, sizeof(text)));
	out_end(o, 0);
}

static void print_cmdline(struct out *o, const struct image_read *img)
{
	const struct stub_params *p = &img->params;
	const uint8_t *text = imageread_bytes(img, p->cmdline_addr, p->cmdline_len);
	static const char *const policies[] = { "append", "fixed", "replace" };

	out_begin(o, "command_line", 0);
	if (o->json && text)
		json_string_len(o->json, "text", (const char *)text, p->cmdline_len);
	else if (text)
		printf("%*stext: %.*s\n", 2 * o->depth, "", (int)p->cmdline_len, (const char *)text);
	else
		out_str(o, "text", NULL);
	out_uint(o, "length", p->cmdline_len, 0);
	out_uint(o, "limit", p->cmdline_max, 0);
	out_str(o, "policy", p->cmdline_policy < 3 ? policies[p->cmdline_policy] : "unknown");
	out_end(o, 0);
}

/* Whether the stub's code is this mkelfimage's, parameters aside */
static void print_stub_code(struct out *o, const struct image_read *img)
{
	char text[96];
	uint64_t first = 0;
	long differ = imagesum_stub_differs(img, &first);

	if (differ < 0)
		snprintf(text, sizeof(text), "not this mkelfimage's stub (another size or kind)");
	else if (differ == 0)
		snprintf(text, sizeof(text), "same as this mkelfimage writes");
	else
		snprintf(text, sizeof(text), "DIFFERS in %ld bytes, the first at stub offset 0x%llx",
			 differ, (unsigned long long)first);
	out_str(o, "code", text);
}

static void print_stub(struct out *o, const struct image_read *img)
{
	out_begin(o, "stub", 0);
	out_uint(o, "address", img->elf.load[img->stub_segment].paddr, 1);
	out_uint(o, "params_version", img->params.version, 0);
	out_bool(o, "verify_at_boot", (img->params.flags & STUB_FLAG_VERIFY_AT_BOOT) != 0);
	out_bool(o, "boot_log", (img->params.flags & STUB_FLAG_BOOT_LOG) != 0);
	out_str(o, "initrd_placement", img->params.initrd_placement == STUB_INITRD_HIGH ? "high" : "planned");
	print_stub_code(o, img);
	out_end(o, 0);
}

static void print_initrds(struct out *o, const struct image_read *img)
{
	const struct stub_params *p = &img->params;
	uint64_t offset = 0, size;
	uint8_t sha[32];
	uint32_t i;

	out_begin(o, "initrds", 1);
	for (i = 0; p->initrd_size && imageread_digest(img, DIGEST_INITRD_FILE, i, &size, sha) == 0; i++) {
		const uint8_t *bytes = imageread_bytes(img, p->initrd_addr + offset, size);
		struct initrd_kind_info kind;

		initrd_kind_detect(bytes ? bytes : (const uint8_t *)"", bytes ? (size_t)(size < INITRD_KIND_PROBE_BYTES ? size : INITRD_KIND_PROBE_BYTES) : 0, &kind);
		if (!o->json)
			printf("  initrd %u: address 0x%llx, %llu bytes, %s%s%s\n", i,
			       (unsigned long long)(p->initrd_addr + offset), (unsigned long long)size,
			       initrd_kind_name(kind.kind), kind.kernel_problem ? "; warning: " : "",
			       kind.kernel_problem ? kind.kernel_problem : "");
		if (o->json) {
			out_begin(o, NULL, 0);
			out_uint(o, "address", p->initrd_addr + offset, 1);
			out_uint(o, "size", size, 0);
			out_str(o, "kind", initrd_kind_name(kind.kind));
			out_str(o, "kernel_problem", kind.kernel_problem);
			out_end(o, 0);
		}
		offset += (size + 3) & ~(uint64_t)3;   /* every part but the last is padded to 4 */
	}
	out_end(o, 1);
}

static const char *const digest_names[] = {
	[DIGEST_KERNEL_FILE] = "kernel file",
	[DIGEST_KERNEL_LOADED] = "kernel loaded",
	[DIGEST_INITRD_FILE] = "initrd file",
	[DIGEST_INITRD_REGION] = "initrd region",
	[DIGEST_CMDLINE] = "command line",
};

/* The image bytes a digest record covers, or NULL (the kernel file is not all in the image). */
static const uint8_t *digest_bytes(const struct image_read *img, uint32_t kind, uint32_t index,
				   uint64_t size)
{
	const struct stub_params *p = &img->params;
	uint64_t offset = 0, part;
	uint8_t sha[32];
	uint32_t i;

	switch (kind) {
	case DIGEST_KERNEL_LOADED:
		return imageread_bytes(img, p->kernel_load_addr, size);
	case DIGEST_INITRD_REGION:
		return imageread_bytes(img, p->initrd_addr, size);
	case DIGEST_CMDLINE:
		return imageread_bytes(img, p->cmdline_addr, size);
	case DIGEST_INITRD_FILE:
		for (i = 0; i < index; i++) {
			if (imageread_digest(img, DIGEST_INITRD_FILE, i, &part, sha) != 0)
				return NULL;
			offset += (part + 3) & ~(uint64_t)3;
		}
		return imageread_bytes(img, p->initrd_addr + offset, size);
	default:
		return NULL;
	}
}

/*
 * The digest of what a record covers, from the image's bytes: 1 when
 * computed. A vmlinux's loaded part is its PT_LOADs (stub_params
 * kernel_ranges) hashed as one stream.
 */
static int digest_actual(const struct image_read *img, uint32_t kind, uint32_t index, uint64_t size,
			 uint8_t actual[32])
{
	const struct stub_params *p = &img->params;
	const uint8_t *bytes;
	struct sha256_ctx ctx;
	uint64_t total = 0;
	uint32_t i;

	if (kind != DIGEST_KERNEL_LOADED || p->kernel_range_count == 0) {
		if (!(bytes = digest_bytes(img, kind, index, size)))
			return 0;
		sha256_digest_host(bytes, (size_t)size, actual);
		return 1;
	}
	if (p->kernel_range_count > STUB_KERNEL_RANGES_MAX)
		return 0;
	sha256_init(&ctx);
	for (i = 0; i < p->kernel_range_count; i++) {
		if (!(bytes = imageread_bytes(img, p->kernel_ranges[i].addr, p->kernel_ranges[i].size)))
			return 0;
		sha256_update_host(&ctx, bytes, p->kernel_ranges[i].size);
		total += p->kernel_ranges[i].size;
	}
	sha256_final(&ctx, actual);
	return total == size;
}

static void print_digests(struct out *o, const struct image_read *img)
{
	const struct notewalk_note *note = imageread_note(img, MKELFIMAGE_NOTE_NAME, MKELFIMAGE_NOTE_DIGESTS);
	uint32_t count = note && note->descsz >= 8 ? le32_get(note->desc + 4) : 0, i;
	char hex[65];

	out_begin(o, "digests", 1);
	for (i = 0; i < count && 8 + (uint64_t)(i + 1) * sizeof(struct digest_record) <= note->descsz; i++) {
		const uint8_t *record = note->desc + 8 + (size_t)i * sizeof(struct digest_record);
		uint32_t kind = le32_get(record + offsetof(struct digest_record, kind));
		uint32_t index = le32_get(record + offsetof(struct digest_record, index));
		uint64_t size = le64_get(record + offsetof(struct digest_record, size));
		const char *name = kind < sizeof(digest_names) / sizeof(digest_names[0]) && digest_names[kind]
			? digest_names[kind] : "unknown";
		const uint8_t *recorded = record + offsetof(struct digest_record, sha256);
		const char *verdict = "not in the image";
		uint8_t actual[32];

		hex_digest(recorded, hex);
		if (!digest_is_recorded(recorded)) {
			/* built without --digests: the record gives the size only */
			snprintf(hex, sizeof(hex), "-");
			verdict = "not recorded";
		} else if (digest_actual(img, kind, index, size, actual)) {
			verdict = memcmp(actual, recorded, 32) ? "MISMATCH" : "ok";
		}
		if (!o->json) {
			printf("  %-13s %u %10llu %s %s\n", name, index, (unsigned long long)size, hex, verdict);
			continue;
		}
		out_begin(o, NULL, 0);
		out_str(o, "what", name);
		out_uint(o, "index", index, 0);
		out_uint(o, "size", size, 0);
		out_str(o, "sha256", digest_is_recorded(recorded) ? hex : NULL);
		out_str(o, "check", verdict);
		out_end(o, 0);
	}
	out_end(o, 1);
}

static void loader(struct out *o, const char *name, const char *problem)
{
	if (!o->json) {
		printf("  %-26s %s%s\n", name, problem ? "no: " : "yes", problem ? problem : "");
		return;
	}
	out_begin(o, NULL, 0);
	out_str(o, "loader", name);
	out_bool(o, "accepts", !problem);
	out_str(o, "why_not", problem);
	out_end(o, 0);
}

/*
 * rust-vmm linux-loader (Firecracker, Cloud Hypervisor) reads an ELF64
 * header and Elf64_Phdr records, and each PT_NOTE replaces the previous
 * PT_NOTE's PVH answer: the Xen note must be in the last one, with a desc of
 * at least 4 bytes (x86_64/elf/mod.rs, parse_elf_note).
 */
static const char *elf64_vmm_problem(const struct image_read *img)
{
	size_t i;

	if (img->elf.elf_class != ELFCLASS64 || img->elf.machine != EM_X86_64)
		return "Firecracker and Cloud Hypervisor load ELF64 only; this is ELF32 (mkelfimage --elf-class 64)";
	if (!imageread_note(img, XEN_ELFNOTE_NAME, XEN_ELFNOTE_PHYS32_ENTRY))
		return "no Xen note of type 18 (XEN_ELFNOTE_PHYS32_ENTRY)";
	for (i = img->last_pt_note_first; i < img->note_count; i++)
		if (notewalk_is(&img->notes[i], XEN_ELFNOTE_NAME, XEN_ELFNOTE_PHYS32_ENTRY))
			return img->notes[i].descsz >= 4 ? NULL : "the Xen PVH note's desc is shorter than 4 bytes";
	return "the Xen PVH note is not in the last PT_NOTE (linux-loader keeps only the last PT_NOTE's answer)";
}

/*
 * An arm64 image (arch_arm64.c): QEMU virt puts its device tree at the
 * start of RAM for an ELF, and U-Boot 2023.01's bootelf -p copies every
 * program header, PT_NOTE included, to its p_paddr.
 */
static void print_arm64_loaders(struct out *o, const struct image_read *img)
{
	uint64_t low = UINT64_MAX;
	int notes = img->elf.phnum != img->elf.load_count;
	size_t i;

	for (i = 0; i < img->elf.load_count; i++)
		if (img->elf.load[i].paddr < low)
			low = img->elf.load[i].paddr;
	out_begin(o, "loaders", 1);
	loader(o, "QEMU virt -kernel", low >= ARM64_KERNEL_BASE ? NULL
	       : "a segment lies in the first 2 MiB of RAM, where QEMU puts its device tree");
	loader(o, "U-Boot bootelf -p", notes ? "a program header other than PT_LOAD: U-Boot 2023.01 copies it to its p_paddr"
	       : NULL);
	loader(o, "kexec (segment count)", img->elf.load_count <= INSPECT_KEXEC_MAX_LOADS ? NULL
	       : "more PT_LOAD than kexec_load takes with its loaders' own");
	out_end(o, 1);
}

/*
 * A riscv64 image (arch_riscv64.c): QEMU 7.2's -kernel hands OpenSBI the
 * lowest segment's address, fw_jump enters 0x80200000 whatever the ELF
 * says, and U-Boot 2023.01's bootelf -p copies every program header.
 */
static void print_riscv64_loaders(struct out *o, const struct image_read *img)
{
	const struct elfimage_segment *low = NULL;
	int notes = img->elf.phnum != img->elf.load_count;
	size_t i;
	const char *stub_first;

	for (i = 0; i < img->elf.load_count; i++)
		if (!low || img->elf.load[i].paddr < low->paddr)
			low = &img->elf.load[i];
	stub_first = !low || img->stub_segment < 0 || low != &img->elf.load[img->stub_segment] ||
		stub_header_at(img->map + low->offset, low->filesz) != STUB_HEADER_JUMP_SIZE
		? "the lowest segment does not open with the stub's jump: QEMU 7.2 enters there, not at e_entry" : NULL;
	out_begin(o, "loaders", 1);
	loader(o, "QEMU virt -kernel (OpenSBI fw_dynamic)", stub_first);
	loader(o, "OpenSBI fw_jump (enters 0x80200000)", stub_first ? stub_first
	       : low->paddr != 0x80200000 ? "the stub is not at 0x80200000" : NULL);
	loader(o, "U-Boot bootelf -p", notes ? "a program header other than PT_LOAD: U-Boot 2023.01 copies it to its p_paddr"
	       : NULL);
	loader(o, "kexec (segment count)", img->elf.load_count <= INSPECT_KEXEC_MAX_LOADS ? NULL
	       : "more PT_LOAD than kexec_load takes with its loaders' own");
	out_end(o, 1);
}

/*
 * An Alpha image: QEMU's clipper loads it and puts its command line at
 * PARAM, below the lowest segment, which must therefore be the kernel's.
 */
static void print_alpha_loaders(struct out *o, const struct image_read *img)
{
	uint64_t low = UINT64_MAX;
	size_t i;

	for (i = 0; i < img->elf.load_count; i++)
		if (img->elf.load[i].paddr < low)
			low = img->elf.load[i].paddr;
	out_begin(o, "loaders", 1);
	loader(o, "QEMU clipper -kernel", !is_alpha_image(img) ? "no mkelfimage Alpha stub in the image"
	       : img->stub_segment >= 0 && img->elf.load[img->stub_segment].paddr == low
	       ? "the stub is the lowest segment: QEMU would write PARAM below it, not below the kernel" : NULL);
	out_end(o, 1);
}

static void print_loaders(struct out *o, const struct image_read *img)
{
	int is64 = img->elf.elf_class == ELFCLASS64;
	uint64_t low = UINT64_MAX;
	const char *mb = imageread_multiboot_problem(img);
	const char *pvh = imageread_note(img, XEN_ELFNOTE_NAME, XEN_ELFNOTE_PHYS32_ENTRY) ? NULL
		: "no Xen note of type 18 (XEN_ELFNOTE_PHYS32_ENTRY)";
	const char *elfboot = imageread_note(img, ELF_NOTE_BOOT, EIN_PROGRAM_NAME) ? NULL
		: "no ELFBoot notes: the image cannot receive the loader's boot notes";
	int same = 1;
	char kexec[128];
	size_t i;

	if (img->elf.machine == EM_AARCH64) {
		print_arm64_loaders(o, img);
		return;
	}
	if (img->elf.machine == EM_ALPHA) {
		print_alpha_loaders(o, img);
		return;
	}
	if (img->elf.machine == EM_RISCV) {
		print_riscv64_loaders(o, img);
		return;
	}

	for (i = 0; i < img->elf.load_count; i++) {
		if (img->elf.load[i].paddr < low)
			low = img->elf.load[i].paddr;
		if (img->elf.load[i].vaddr != img->elf.load[i].paddr)
			same = 0;
	}
	snprintf(kexec, sizeof(kexec), "%zu PT_LOAD; kexec_load takes 16 segments and its loaders add their own",
		 img->elf.load_count);
	out_begin(o, "loaders", 1);
	loader(o, "multiboot (QEMU, GRUB, iPXE)", mb);
	loader(o, "multiboot2 (GRUB EFI and BIOS)", imageread_multiboot2_problem(img));
	loader(o, "PVH (QEMU -kernel, Xen)", pvh);
	loader(o, "PVH ELF64-only VMMs", elf64_vmm_problem(img));
	loader(o, "ELF boot notes", elfboot);
	loader(o, "kexec (segment count)", img->elf.load_count <= INSPECT_KEXEC_MAX_LOADS ? NULL : kexec);
	loader(o, "kexec-tools elf-x86", is64 ? "kexec-tools' elf-x86 takes EM_386 only; its elf-x86_64 "
	       "enters in long mode, the stub is 32-bit code (bootelf works)" : NULL);
	loader(o, "iPXE ELF (p_vaddr == p_paddr)", is64 ? "iPXE's x86 ELF loader (ipxe.lkrn, i386) reads ELF32 only"
	       : same ? NULL : "a PT_LOAD has p_vaddr != p_paddr");
	loader(o, "low memory (all >= 1 MiB)", low >= 0x100000 ? NULL
	       : "a segment lies below 1 MiB: loaders copying the whole span clobber the BIOS area");
	out_end(o, 1);
}

/* What ELFBoot loaders (coreboot, Etherboot) check after loading: the note against the image */
static void print_elfboot_checksum(struct out *o, const struct image_read *img)
{
	uint16_t sum, noted;
	int present = imagesum_elfboot(img, &sum, &noted);

	out_begin(o, "elfboot_checksum", 0);
	out_str(o, "verdict", !present ? "none" : sum == noted ? "ok" : "MISMATCH");
	if (present) {
		out_uint(o, "noted", noted, 1);
		out_uint(o, "image", sum, 1);
	}
	out_end(o, 0);
}

/*
 * The signature: who signed, with what, and whether it matches its own
 * certificate (common/sigcheck.h with no trust anchors); whether that
 * certificate chains to one the user trusts is `mkelfimage verify`'s.
 */
static void print_signature(struct out *o, const struct image_read *img)
{
	struct sigcheck_signer signer;
	enum sigcheck_result result;
	char why[256], problem[320];

	out_begin(o, "signature", 0);
	out_bool(o, "signed", img->sig_status != FMT_NOT_THIS_FORMAT);
	if (img->sig_status == FMT_OK) {
		result = sigcheck_verify(img->sig.der, img->sig.der_size, img->map, img->sig.slot_offset, NULL,
					 &signer, why, sizeof(why));
		out_str(o, "signer", signer.subject[0] ? signer.subject : NULL);
		out_str(o, "issuer", signer.issuer[0] ? signer.issuer : NULL);
		out_str(o, "algorithm", signer.algorithm[0] ? signer.algorithm : NULL);
		out_str(o, "not_after", signer.not_after[0] ? signer.not_after : NULL);
		out_uint(o, "covered_bytes", img->sig.slot_offset, 0);
		out_bool(o, "matches_its_certificate", result == SIGCHECK_OK);
		out_str(o, "problem", result == SIGCHECK_OK ? NULL : why);
	} else if (img->sig_status != FMT_NOT_THIS_FORMAT) {
		snprintf(problem, sizeof(problem), "%s 0x%llx: %s", img->sig_err.where ? img->sig_err.where : "file",
			 (unsigned long long)img->sig_err.offset, img->sig_err.why);
		out_str(o, "problem", problem);
	}
	out_end(o, 0);
}

static void print_image(struct out *o, const struct image_read *img)
{
	char machine[32];
	const char *name = elfimage_machine_name(img->elf.machine);

	snprintf(machine, sizeof(machine), "%s", name ? name : "unknown");
	if (o->json) {
		json_object_begin(o->json, NULL);
		out_str(o, "schema", INSPECT_SCHEMA);
	}
	out_begin(o, "file", 0);
	out_str(o, "path", img->path);
	out_uint(o, "size", img->size, 0);
	out_str(o, "class", img->elf.elf_class == ELFCLASS64 ? "ELF64" : "ELF32");
	out_str(o, "machine", machine);
	out_uint(o, "entry", img->elf.entry, 1);
	out_end(o, 0);
	print_segments(o, img);
	print_notes(o, img);
	out_str(o, "notes_source", img->notes_from_records
		? "the records segment: the image has lost its PT_NOTEs (a payload taken back out of a ROM?)"
		: img->note_count ? "PT_NOTE" : NULL);
	out_bool(o, "made_by_mkelfimage", img->has_params || is_alpha_image(img));
	if (img->has_params) {
		print_stub(o, img);
		print_kernel(o, img);
		print_cmdline(o, img);
		print_initrds(o, img);
	}
	print_digests(o, img);
	print_elfboot_checksum(o, img);
	print_signature(o, img);
	print_loaders(o, img);
	if (o->json)
		json_object_end(o->json);
}

int inspect_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct image_read img;
	struct json json;
	struct out o = { NULL, 0 };
	int id, as_json = 0, status;

	opterr = 0;
	while ((id = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		if (id == 'j') {
			as_json = 1;
		} else if (id == 'h') {
			printf("Usage: mkelfimage inspect IMAGE [--json]\n");
			return EXIT_OK;
		} else {
			return report_error(EXIT_BAD_INPUT, "inspect: unknown option '%s'; try 'mkelfimage inspect --help'",
					    argv[optind - 1]);
		}
	}
	if (optind + 1 != argc)
		return report_error(EXIT_BAD_INPUT, "inspect: give one image (mkelfimage inspect IMAGE [--json])");
	if ((status = imageread_open(argv[optind], &img)) != EXIT_OK) {
		imageread_close(&img);
		return status;
	}
	if (as_json) {
		json_begin(&json, stdout);
		o.json = &json;
	}
	print_image(&o, &img);
	if (as_json && json_end(&json) < 0)
		status = report_error(EXIT_IO, "inspect: cannot write the output");
	imageread_close(&img);
	return status;
}
