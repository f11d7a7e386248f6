/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkprobe: wraps the probe kernel's flat 32-bit code in a real bzImage, with
 * the boot protocol version and setup header fields a test asks for.
 *
 * Layout (Linux Documentation/arch/x86/boot.rst, "The real-mode kernel header"
 * and "Loading the rest of the kernel"):
 *
 *   0x0000  boot sector: fill pattern, setup header at 0x1f1, 0xaa55 at 0x1fe
 *   0x0200  setup sectors (setup_sects, 0 means 4): jump at 0x200, "HdrS" at
 *           0x202, the rest of the header, then the kernel_version string;
 *           the real-mode code is never run, so it is a fill pattern
 *   (setup_sects + 1) * 512
 *           the protected-mode code (the probe), padded to 16 bytes;
 *           syssize counts it in 16-byte units
 *   then    an optional trailer (--trailer), as a signed distribution kernel
 *           carries, not counted in syssize
 *
 * Fields a protocol version lacks are not written: those header bytes stay 0
 * (or get the fill pattern with --pattern-after-header, as real code would).
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "formats/bootparams.h"
#include "formats/le.h"
#include "probe.h"

#define MKPROBE_CODE_MAX          (16u << 20)
#define MKPROBE_VERSION_OFFSET    0x280      /* kernel_version string, in setup */
#define MKPROBE_JUMP_OPCODE       0xeb       /* jmp rel8 at 0x200 */
#define MKPROBE_FILL_BYTE_TRAILER 0xa5
#define MKPROBE_SETUP_MOVE_SIZE   0x8000     /* what Linux's header.S writes */
#define MKPROBE_VID_MODE_NORMAL   0xffff     /* SVGA_MODE "normal" */
#define MKPROBE_ROOT_DEV          0x1234     /* recognizable markers */
#define MKPROBE_ROOT_FLAGS        0x5678

/* A setup header field, written only if its value was set. */
struct mkprobe_u64 {
	uint64_t value;
	bool set;
};

struct mkprobe_options {
	const char *code_path;
	const char *out_path;
	unsigned protocol;                 /* BOOT_PROTOCOL(major, minor) */
	unsigned setup_sects;              /* as written; 0 means 4 */
	bool relocatable;
	struct mkprobe_u64 pref_address;
	struct mkprobe_u64 kernel_alignment;
	struct mkprobe_u64 min_alignment;
	uint64_t init_size;
	uint64_t cmdline_size;
	uint64_t initrd_addr_max;
	uint64_t xloadflags;
	uint64_t code32_start;
	const char *kernel_version;
	uint64_t trailer;
	struct mkprobe_u64 mem_size;
	bool pattern_after_header;
	/* corruptions for bad-input tests, applied last */
	struct mkprobe_u64 boot_flag;
	struct mkprobe_u64 header_magic;
	struct mkprobe_u64 syssize;
	struct mkprobe_u64 loadflags;
};

static void __attribute__((noreturn, format(printf, 1, 2))) fail(const char *fmt, ...)
{
	va_list ap;

	fputs("mkprobe: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void usage(FILE *out)
{
	fputs("Usage: mkprobe --code FILE.bin -o OUT [options]\n"
	      "Wrap the probe kernel's flat 32-bit code in a bzImage.\n"
	      "  --code FILE            flat binary of the probe (probe-<addr>.bin)\n"
	      "  -o, --output OUT       bzImage to write\n"
	      "  --protocol M.m         boot protocol version (default 2.15)\n"
	      "  --setup-sects N        setup sectors (default 4; 0 is written as 0, means 4)\n"
	      "  --relocatable 0|1      relocatable_kernel (2.05+, default 0)\n"
	      "  --pref-address A       pref_address (2.10+, default code32_start)\n"
	      "  --kernel-alignment A   kernel_alignment (2.05+, default 0x200000 if relocatable, else 0)\n"
	      "  --min-alignment N      min_alignment, log2 (2.10+, default log2 of kernel_alignment)\n"
	      "  --init-size N          init_size (2.10+, default 0x400000, >= the probe's memory size)\n"
	      "  --cmdline-size N       cmdline_size (2.06+, default 2047)\n"
	      "  --initrd-addr-max A    initrd_addr_max (2.03+, default 0x7fffffff)\n"
	      "  --xloadflags N         xloadflags (2.12+, default 0)\n"
	      "  --code32-start A       code32_start (default 0x100000)\n"
	      "  --kernel-version STR   kernel_version string (default \"probe " PACKAGE_VERSION "\")\n"
	      "  --trailer N            append N bytes of 0xa5 after the code, outside syssize\n"
	      "  --mem-size N           the probe's memory size (default: from the probe header)\n"
	      "  --pattern-after-header fill the bytes from the header end to 0x26c as code would\n"
	      "Corruptions (written last, unchecked):\n"
	      "  --boot-flag N  --header-magic N  --syssize N  --loadflags N\n"
	      "Numbers are decimal or 0x hex.\n", out);
}

static uint64_t parse_number(const char *option, const char *text, uint64_t max)
{
	const char *digits = text;
	int base = 10;
	char *end;
	unsigned long long value;

	if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
		digits = text + 2;
		base = 16;
	}
	if (*digits == '\0' || *digits == '-' || *digits == '+' || *digits == ' ')
		fail("--%s '%s': not a number", option, text);
	errno = 0;
	value = strtoull(digits, &end, base);
	if (errno != 0 || *end != '\0')
		fail("--%s '%s': not a number", option, text);
	if (value > max)
		fail("--%s %s: above the maximum 0x%llx", option, text, (unsigned long long)max);
	return value;
}

static unsigned parse_protocol(const char *text)
{
	unsigned major, minor;
	char extra;

	if (sscanf(text, "%u.%u%c", &major, &minor, &extra) != 2 || major != 2 || minor > 0xff)
		fail("--protocol '%s': expected 2.N with N from 0 to 255", text);
	return BOOT_PROTOCOL(major, minor);
}

static void set_u64(struct mkprobe_u64 *field, const char *option, const char *text, uint64_t max)
{
	field->value = parse_number(option, text, max);
	field->set = true;
}

enum {
	OPT_CODE = 256, OPT_PROTOCOL, OPT_SETUP_SECTS, OPT_RELOCATABLE, OPT_PREF_ADDRESS,
	OPT_KERNEL_ALIGNMENT, OPT_MIN_ALIGNMENT, OPT_INIT_SIZE, OPT_CMDLINE_SIZE,
	OPT_INITRD_ADDR_MAX, OPT_XLOADFLAGS, OPT_CODE32_START, OPT_KERNEL_VERSION,
	OPT_TRAILER, OPT_MEM_SIZE, OPT_PATTERN_AFTER_HEADER, OPT_BOOT_FLAG,
	OPT_HEADER_MAGIC, OPT_SYSSIZE, OPT_LOADFLAGS, OPT_HELP,
};

static const struct option long_options[] = {
	{ "code",                 required_argument, NULL, OPT_CODE },
	{ "output",               required_argument, NULL, 'o' },
	{ "protocol",             required_argument, NULL, OPT_PROTOCOL },
	{ "setup-sects",          required_argument, NULL, OPT_SETUP_SECTS },
	{ "relocatable",          required_argument, NULL, OPT_RELOCATABLE },
	{ "pref-address",         required_argument, NULL, OPT_PREF_ADDRESS },
	{ "kernel-alignment",     required_argument, NULL, OPT_KERNEL_ALIGNMENT },
	{ "min-alignment",        required_argument, NULL, OPT_MIN_ALIGNMENT },
	{ "init-size",            required_argument, NULL, OPT_INIT_SIZE },
	{ "cmdline-size",         required_argument, NULL, OPT_CMDLINE_SIZE },
	{ "initrd-addr-max",      required_argument, NULL, OPT_INITRD_ADDR_MAX },
	{ "xloadflags",           required_argument, NULL, OPT_XLOADFLAGS },
	{ "code32-start",         required_argument, NULL, OPT_CODE32_START },
	{ "kernel-version",       required_argument, NULL, OPT_KERNEL_VERSION },
	{ "trailer",              required_argument, NULL, OPT_TRAILER },
	{ "mem-size",             required_argument, NULL, OPT_MEM_SIZE },
	{ "pattern-after-header", no_argument,       NULL, OPT_PATTERN_AFTER_HEADER },
	{ "boot-flag",            required_argument, NULL, OPT_BOOT_FLAG },
	{ "header-magic",         required_argument, NULL, OPT_HEADER_MAGIC },
	{ "syssize",              required_argument, NULL, OPT_SYSSIZE },
	{ "loadflags",            required_argument, NULL, OPT_LOADFLAGS },
	{ "help",                 no_argument,       NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 },
};

static void parse_options(int argc, char **argv, struct mkprobe_options *opt)
{
	int c;

	*opt = (struct mkprobe_options){
		.protocol = BOOT_PROTOCOL(2, 15),
		.setup_sects = SETUP_SECTS_DEFAULT,
		.init_size = 0x400000,
		.cmdline_size = 2047,
		.initrd_addr_max = 0x7fffffff,
		.code32_start = 0x100000,
		.kernel_version = "probe " PACKAGE_VERSION,
	};
	opterr = 0;   /* one error line, ours */
	while ((c = getopt_long(argc, argv, ":o:", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_CODE:             opt->code_path = optarg; break;
		case 'o':                  opt->out_path = optarg; break;
		case OPT_PROTOCOL:         opt->protocol = parse_protocol(optarg); break;
		case OPT_SETUP_SECTS:      opt->setup_sects = parse_number("setup-sects", optarg, 0xff); break;
		case OPT_RELOCATABLE:      opt->relocatable = parse_number("relocatable", optarg, 1); break;
		case OPT_PREF_ADDRESS:     set_u64(&opt->pref_address, "pref-address", optarg, UINT64_MAX); break;
		case OPT_KERNEL_ALIGNMENT: set_u64(&opt->kernel_alignment, "kernel-alignment", optarg, UINT32_MAX); break;
		case OPT_MIN_ALIGNMENT:    set_u64(&opt->min_alignment, "min-alignment", optarg, 0xff); break;
		case OPT_INIT_SIZE:        opt->init_size = parse_number("init-size", optarg, UINT32_MAX); break;
		case OPT_CMDLINE_SIZE:     opt->cmdline_size = parse_number("cmdline-size", optarg, UINT32_MAX); break;
		case OPT_INITRD_ADDR_MAX:  opt->initrd_addr_max = parse_number("initrd-addr-max", optarg, UINT32_MAX); break;
		case OPT_XLOADFLAGS:       opt->xloadflags = parse_number("xloadflags", optarg, UINT16_MAX); break;
		case OPT_CODE32_START:     opt->code32_start = parse_number("code32-start", optarg, UINT32_MAX); break;
		case OPT_KERNEL_VERSION:   opt->kernel_version = optarg; break;
		case OPT_TRAILER:          opt->trailer = parse_number("trailer", optarg, UINT32_MAX); break;
		case OPT_MEM_SIZE:         set_u64(&opt->mem_size, "mem-size", optarg, UINT32_MAX); break;
		case OPT_PATTERN_AFTER_HEADER: opt->pattern_after_header = true; break;
		case OPT_BOOT_FLAG:        set_u64(&opt->boot_flag, "boot-flag", optarg, UINT16_MAX); break;
		case OPT_HEADER_MAGIC:     set_u64(&opt->header_magic, "header-magic", optarg, UINT32_MAX); break;
		case OPT_SYSSIZE:          set_u64(&opt->syssize, "syssize", optarg, UINT32_MAX); break;
		case OPT_LOADFLAGS:        set_u64(&opt->loadflags, "loadflags", optarg, UINT8_MAX); break;
		case OPT_HELP:             usage(stdout); exit(0);
		case ':':
			fail("%s needs a value; try --help", argv[optind - 1]);
		default:
			fail("unknown option '%s'; try --help", argv[optind - 1]);
		}
	}
	if (optind != argc)
		fail("unexpected argument '%s'; try --help", argv[optind]);
	if (!opt->code_path || !opt->out_path)
		fail("--code and -o are required; try --help");
}

/* boot.rst: the header ends where the last field of the version ends. */
static uint32_t header_end(unsigned protocol)
{
	static const struct { unsigned protocol; uint32_t end; } table[] = {
		{ BOOT_PROTOCOL(2, 15), 0x26c },   /* kernel_info_offset */
		{ BOOT_PROTOCOL(2, 11), 0x268 },   /* handover_offset */
		{ BOOT_PROTOCOL(2, 10), 0x264 },   /* pref_address, init_size */
		{ BOOT_PROTOCOL(2, 9),  0x258 },   /* setup_data */
		{ BOOT_PROTOCOL(2, 8),  0x250 },   /* payload_offset, payload_length */
		{ BOOT_PROTOCOL(2, 7),  0x248 },   /* hardware_subarch(_data) */
		{ BOOT_PROTOCOL(2, 6),  0x23c },   /* cmdline_size */
		{ BOOT_PROTOCOL(2, 5),  0x238 },   /* kernel_alignment, relocatable_kernel */
		{ BOOT_PROTOCOL(2, 3),  0x230 },   /* initrd_addr_max */
		{ BOOT_PROTOCOL(2, 2),  0x22c },   /* cmd_line_ptr */
		{ BOOT_PROTOCOL(2, 1),  0x226 },   /* heap_end_ptr */
		{ BOOT_PROTOCOL(2, 0),  0x224 },
	};

	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (protocol >= table[i].protocol)
			return table[i].end;
	return 0x224;
}

#define HDR_OFFSET(field) offsetof(struct boot_params, hdr.field)

#define PUT(buf, field, value) \
	le_put((buf) + HDR_OFFSET(field), (value), sizeof(((struct boot_params *)0)->hdr.field))

/* Deterministic bytes for the never-run real-mode part. */
static uint8_t fill_pattern(size_t offset)
{
	return (uint8_t)(offset * 7 + 0x3b);
}

static unsigned log2_if_power_of_two(uint64_t value)
{
	unsigned bits = 0;

	if (value == 0 || (value & (value - 1)) != 0)
		return 0;
	while ((value >> bits) != 1)
		bits++;
	return bits;
}

/* The flat code, whole: a probe is a few KiB. */
static uint8_t *read_code(const char *path, size_t *len_out)
{
	FILE *file = fopen(path, "rb");
	uint8_t *buf;
	size_t len;

	if (!file)
		fail("%s: %s", path, strerror(errno));
	buf = malloc(MKPROBE_CODE_MAX + 1);
	if (!buf)
		fail("out of memory");
	len = fread(buf, 1, MKPROBE_CODE_MAX + 1, file);
	if (ferror(file))
		fail("%s: %s", path, strerror(errno));
	fclose(file);
	if (len == 0)
		fail("%s: empty file", path);
	if (len > MKPROBE_CODE_MAX)
		fail("%s: larger than %u bytes", path, MKPROBE_CODE_MAX);
	*len_out = len;
	return buf;
}

/* The memory the probe needs from its load address: from its header. */
static uint64_t code_mem_size(const struct mkprobe_options *opt, const uint8_t *code,
			      size_t code_len)
{
	if (opt->mem_size.set)
		return opt->mem_size.value;
	if (code_len >= PROBE_IMAGE_HEADER_END &&
	    le32_get(code + PROBE_IMAGE_MAGIC_OFFSET) == PROBE_IMAGE_MAGIC)
		return le32_get(code + PROBE_IMAGE_MEMSZ_OFFSET);
	return code_len;
}

/* Boot sector and setup sectors with the setup header of opt->protocol. */
static void build_setup(const struct mkprobe_options *opt, uint8_t *setup, size_t setup_len,
			uint32_t syssize)
{
	unsigned v = opt->protocol;
	uint32_t end = header_end(v);
	size_t version_len = strlen(opt->kernel_version) + 1;
	uint64_t kernel_alignment = opt->kernel_alignment.set ? opt->kernel_alignment.value :
				    opt->relocatable ? 0x200000 : 0;

	for (size_t i = 0; i < setup_len; i++)
		setup[i] = fill_pattern(i);
	memset(setup + SETUP_HEADER_OFFSET, 0,
	       (opt->pattern_after_header ? end : 0x26c) - SETUP_HEADER_OFFSET);

	if (MKPROBE_VERSION_OFFSET > setup_len || version_len > setup_len - MKPROBE_VERSION_OFFSET)
		fail("--kernel-version: %zu bytes do not fit in the setup sectors (%zu bytes "
		     "from 0x%x)", version_len,
		     setup_len > MKPROBE_VERSION_OFFSET ? setup_len - MKPROBE_VERSION_OFFSET : 0,
		     MKPROBE_VERSION_OFFSET);
	memcpy(setup + MKPROBE_VERSION_OFFSET, opt->kernel_version, version_len);

	PUT(setup, setup_sects, opt->setup_sects);
	PUT(setup, root_flags, MKPROBE_ROOT_FLAGS);
	PUT(setup, syssize, syssize);
	PUT(setup, vid_mode, MKPROBE_VID_MODE_NORMAL);
	PUT(setup, root_dev, MKPROBE_ROOT_DEV);
	PUT(setup, boot_flag, BOOT_FLAG_MAGIC);
	setup[SETUP_HEADER_JUMP_OFFSET] = MKPROBE_JUMP_OPCODE;
	setup[SETUP_HEADER_JUMP_OFFSET + 1] = (uint8_t)(end - (SETUP_HEADER_JUMP_OFFSET + 2));
	PUT(setup, header, HEADER_MAGIC);
	PUT(setup, version, v);
	PUT(setup, kernel_version, MKPROBE_VERSION_OFFSET - SETUP_HEADER_JUMP_OFFSET);
	PUT(setup, loadflags, LOADED_HIGH);
	PUT(setup, setup_move_size, MKPROBE_SETUP_MOVE_SIZE);
	PUT(setup, code32_start, opt->code32_start);
	if (v >= BOOT_PROTOCOL(2, 3))
		PUT(setup, initrd_addr_max, opt->initrd_addr_max);
	if (v >= BOOT_PROTOCOL(2, 5)) {
		PUT(setup, kernel_alignment, kernel_alignment);
		PUT(setup, relocatable_kernel, opt->relocatable);
	}
	if (v >= BOOT_PROTOCOL(2, 6))
		PUT(setup, cmdline_size, opt->cmdline_size);
	/* hardware_subarch (2.07) 0 = PC; payload (2.08), setup_data (2.09),
	 * handover_offset (2.11) and kernel_info_offset (2.15) stay 0. */
	if (v >= BOOT_PROTOCOL(2, 10)) {
		PUT(setup, pref_address, opt->pref_address.set ? opt->pref_address.value :
					 opt->code32_start);
		PUT(setup, init_size, opt->init_size);
		PUT(setup, min_alignment, opt->min_alignment.set ? opt->min_alignment.value :
					  log2_if_power_of_two(kernel_alignment));
	}
	if (v >= BOOT_PROTOCOL(2, 12))
		PUT(setup, xloadflags, opt->xloadflags);

	if (opt->boot_flag.set)
		PUT(setup, boot_flag, opt->boot_flag.value);
	if (opt->header_magic.set)
		PUT(setup, header, opt->header_magic.value);
	if (opt->syssize.set)
		PUT(setup, syssize, opt->syssize.value);
	if (opt->loadflags.set)
		PUT(setup, loadflags, opt->loadflags.value);
}

/* Written to OUT.XXXXXX next to OUT, then renamed: no partial output. */
static void write_image(const char *out_path, const uint8_t *setup, size_t setup_len,
			const uint8_t *code, size_t code_padded_len, uint64_t trailer)
{
	size_t temp_len = strlen(out_path) + sizeof(".XXXXXX");
	char *temp_path = malloc(temp_len);
	uint8_t trailer_chunk[4096];
	FILE *file;
	int fd;

	if (!temp_path)
		fail("out of memory");
	snprintf(temp_path, temp_len, "%s.XXXXXX", out_path);
	fd = mkstemp(temp_path);
	if (fd < 0)
		fail("%s: %s", out_path, strerror(errno));
	if (fchmod(fd, 0644) != 0 || !(file = fdopen(fd, "wb"))) {
		unlink(temp_path);
		fail("%s: %s", out_path, strerror(errno));
	}
	memset(trailer_chunk, MKPROBE_FILL_BYTE_TRAILER, sizeof(trailer_chunk));
	errno = 0;
	if (fwrite(setup, 1, setup_len, file) != setup_len ||
	    fwrite(code, 1, code_padded_len, file) != code_padded_len)
		goto io_error;
	while (trailer > 0) {
		size_t chunk = trailer < sizeof(trailer_chunk) ? trailer : sizeof(trailer_chunk);

		if (fwrite(trailer_chunk, 1, chunk, file) != chunk)
			goto io_error;
		trailer -= chunk;
	}
	if (fclose(file) != 0) {
		file = NULL;
		goto io_error;
	}
	if (rename(temp_path, out_path) != 0) {
		unlink(temp_path);
		fail("%s: %s", out_path, strerror(errno));
	}
	free(temp_path);
	return;

io_error:
	{
		int saved = errno ? errno : EIO;

		if (file)
			fclose(file);
		unlink(temp_path);
		fail("%s: %s", out_path, strerror(saved));
	}
}

int main(int argc, char **argv)
{
	struct mkprobe_options opt;
	size_t code_len, code_padded_len, setup_len;
	uint64_t mem_size;
	uint8_t *code, *setup;
	unsigned setup_sects_real;

	parse_options(argc, argv, &opt);
	code = read_code(opt.code_path, &code_len);
	code_padded_len = (code_len + 15) & ~(size_t)15;
	memset(code + code_len, 0, code_padded_len - code_len);

	/* boot.rst: the loader must reserve init_size bytes from the load address. */
	mem_size = code_mem_size(&opt, code, code_len);
	if (mem_size < code_padded_len)
		mem_size = code_padded_len;
	if (opt.protocol >= BOOT_PROTOCOL(2, 10) && opt.init_size < mem_size)
		fail("--init-size 0x%llx is below the probe's memory size 0x%llx",
		     (unsigned long long)opt.init_size, (unsigned long long)mem_size);
	/* Before 2.10 there is no init_size: loaders reserve about 3 x the code
	 * (GRUB; mkelfimage's plan too), and the probe's BSS must stay inside. */
	if (opt.protocol < BOOT_PROTOCOL(2, 10) && mem_size > 3 * (uint64_t)code_padded_len)
		fail("the probe's memory size 0x%llx is above 3 x its code size 0x%zx, what "
		     "loaders reserve before protocol 2.10", (unsigned long long)mem_size,
		     code_padded_len);

	setup_sects_real = opt.setup_sects ? opt.setup_sects : SETUP_SECTS_DEFAULT;
	setup_len = (size_t)(setup_sects_real + 1) * SETUP_SECTOR_SIZE;
	setup = malloc(setup_len);
	if (!setup)
		fail("out of memory");
	build_setup(&opt, setup, setup_len, (uint32_t)(code_padded_len / 16));
	write_image(opt.out_path, setup, setup_len, code, code_padded_len, opt.trailer);
	free(setup);
	free(code);
	return 0;
}
