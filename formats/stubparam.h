/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The contract between mkelfimage and the stub it embeds in every image.
 *
 * This is our own format (no outside specification). The stub blob starts with
 * struct stub_header; the header gives the offset of struct stub_params, which
 * mkelfimage fills at build time. Nothing is found "at the end of the blob"
 * (the original mkelfImage did that and broke when binutils changed).
 *
 *   blob offset 0   +--------------------------+
 *                   | struct stub_header       |  offsets, never relocated
 *   multiboot_offset| struct multiboot_header  |  4-byte aligned, first 8 KiB
 *  multiboot2_offset| struct multiboot2_header |  8-byte aligned, first 32 KiB
 *   entry_offset    | 32-bit entry code ...    |
 *   params_offset   | struct stub_params       |  filled by mkelfimage
 *   file_size       +--------------------------+
 *                   | bss: stack, GDT copy,    |  zeroed by the loader
 *                   | boot_params, cmdline buf |  (p_memsz = mem_size)
 *   mem_size        +--------------------------+
 *
 * The stub is linked at address 0. mkelfimage places it at an address chosen
 * by the plan and adds that address to every 32-bit word listed in the
 * relocation table generated with the blob (mkelfimage/stub_blob.h).
 *
 * Versions: header 2 and params 4 (this file). Header 2 named
 * multiboot2_offset (0x28, reserved and 0 in header 1: "none"). A later field is appended,
 * `version` and `size` grow, and a reader uses only what `size` covers.
 * Params 2 added flags bit STUB_FLAG_VERIFY_AT_BOOT, initrd_placement and
 * the three SHA-256 digests (0xd4 .. 0x138); params 3 kernel_protocol
 * (0x138): a vmlinux entered through its PVH entry; params 4 the kernel's
 * loaded ranges (0x13c .. 0x178), the PT_LOADs of a vmlinux that
 * kernel_sha256 covers.
 */
#ifndef FORMATS_STUBPARAM_H
#define FORMATS_STUBPARAM_H

#include <stdint.h>
#include <string.h>
#include "bootparams.h"
#include "sha256.h"

#define STUB_HEADER_MAGIC          "MKELFSTB"   /* 8 bytes, no NUL stored */
#define STUB_HEADER_MAGIC_LEN      8
#define STUB_HEADER_VERSION        2
#define STUB_LOAD_ALIGN            0x1000       /* the stub's load address alignment */
/*
 * A stub that firmware may enter at its first byte (riscv64: OpenSBI
 * fw_jump and QEMU 7.2's -kernel enter a payload at its lowest address,
 * not at e_entry) opens with an 8-byte jump to its entry, and the header
 * follows. The header's offsets stay relative to the blob's first byte.
 */
#define STUB_HEADER_JUMP_SIZE      8

struct stub_header {
	char     magic[STUB_HEADER_MAGIC_LEN]; /* 0x00 */
	uint16_t version;                      /* 0x08 */
	uint16_t header_size;                  /* 0x0a  sizeof(struct stub_header) */
	uint32_t file_size;                    /* 0x0c  blob bytes (text + data) */
	uint32_t mem_size;                     /* 0x10  with bss and stack: p_memsz */
	uint32_t entry_offset;                 /* 0x14  32-bit entry of every loader */
	uint32_t params_offset;                /* 0x18  struct stub_params */
	uint32_t params_size;                  /* 0x1c  sizeof(struct stub_params) */
	uint32_t multiboot_offset;             /* 0x20  struct multiboot_header, 0 = none */
	uint32_t pvh_entry_offset;             /* 0x24  0 = none */
	/* version 2 */
	uint32_t multiboot2_offset;            /* 0x28  struct multiboot2_header, 0 = none */
	uint32_t reserved;                     /* 0x2c */
};                                             /* 0x30 */

#define STUB_PARAMS_MAGIC          0x50534b4du  /* "MKSP" little endian */
#define STUB_PARAMS_VERSION        4

/*
 * The stub's own buffer for the final command line, NUL included. The plan
 * limits a command line to min(kernel cmdline_size, STUB_CMDLINE_BUFFER - 1).
 */
#define STUB_CMDLINE_BUFFER        4096

/* How the built-in command line and the loader's text combine */
enum stub_cmdline_policy {
	STUB_CMDLINE_APPEND  = 0,  /* built-in, a space, then the loader's text */
	STUB_CMDLINE_FIXED   = 1,  /* built-in only; the loader's text is ignored */
	STUB_CMDLINE_REPLACE = 2,  /* the loader's text if it gave any, else built-in */
};

/* stub_params.flags */
#define STUB_FLAG_VERIFY_AT_BOOT   0x1u  /* check the three digests before the kernel runs */
#define STUB_FLAG_BOOT_LOG         0x2u  /* say on COM1 what the stub found and did (params 4) */

/* Where the kernel finds the image's initrd (--initrd-placement) */
enum stub_initrd_placement {
	STUB_INITRD_PLANNED = 0,   /* where the plan put it, just above the stub */
	STUB_INITRD_HIGH    = 1,   /* moved at boot to the top of usable RAM below
				      initrd_addr_max and 4 GiB (stubs/x86/placement.c) */
};

/* How the stub enters the kernel (stub_params.kernel_protocol, version 3) */
enum stub_kernel_protocol {
	STUB_KERNEL_LINUX32 = 0,   /* bzImage: boot.rst "32-bit Boot Protocol", ESI = zero page */
	STUB_KERNEL_PVH     = 1,   /* vmlinux: the PVH entry (pvh.pandoc), EBX = hvm_start_info
				      built from the zero page; kernel_entry = the note's address,
				      kernel_load_addr = the lowest PT_LOAD, setup_header made
				      up by mkelfimage (mkelfimage/vmlinux.h) */
};

/* One range of physical memory the stub hashes (stub_params.kernel_ranges) */
struct stub_range {
	uint32_t addr;                         /* 0x00 */
	uint32_t size;                         /* 0x04  bytes */
};                                             /* 0x08 */

/* A vmlinux has at most 7 PT_LOADs beside the stub, command line and initrd (plan.c) */
#define STUB_KERNEL_RANGES_MAX     7

struct stub_params {
	uint32_t magic;                        /* 0x00  STUB_PARAMS_MAGIC */
	uint16_t version;                      /* 0x04 */
	uint16_t size;                         /* 0x06  sizeof(struct stub_params) */
	uint32_t flags;                        /* 0x08  STUB_FLAG_* */
	uint32_t kernel_entry;                 /* 0x0c  32-bit entry: the load address
						         of the protected-mode code */
	uint32_t kernel_load_addr;             /* 0x10 */
	uint32_t kernel_file_size;             /* 0x14  protected-mode bytes loaded */
	uint32_t cmdline_addr;                 /* 0x18  built-in text, NUL-terminated;
						         never 0 (an empty image text is "") */
	uint32_t cmdline_len;                  /* 0x1c  without the NUL */
	uint32_t cmdline_max;                  /* 0x20  longest final text, without NUL */
	uint32_t cmdline_policy;               /* 0x24  enum stub_cmdline_policy */
	uint32_t initrd_addr;                  /* 0x28  region of all initrds, 0 = none */
	uint32_t initrd_size;                  /* 0x2c  bytes, 0 = none */
	uint32_t setup_header_len;             /* 0x30  valid bytes in setup_header[] */
	uint8_t  setup_header[SETUP_HEADER_COPY_LIMIT - SETUP_HEADER_OFFSET];
					       /* 0x34  kernel file bytes from 0x1f1 */
	uint8_t  _pad[1];                      /* 0xd3 */
	/* version 2 */
	uint32_t initrd_placement;             /* 0xd4  enum stub_initrd_placement */
	uint8_t  kernel_sha256[SHA256_DIGEST_SIZE];  /* 0xd8  the kernel PT_LOAD's file bytes */
	uint8_t  initrd_sha256[SHA256_DIGEST_SIZE];  /* 0xf8  the initrd region, initrd_size bytes */
	uint8_t  cmdline_sha256[SHA256_DIGEST_SIZE]; /* 0x118 built-in text, cmdline_len bytes */
	/* version 3 */
	uint32_t kernel_protocol;              /* 0x138 enum stub_kernel_protocol */
	/* version 4 */
	uint32_t kernel_range_count;           /* 0x13c  0: kernel_sha256 covers
						         [kernel_load_addr, +kernel_file_size) */
	struct stub_range kernel_ranges[STUB_KERNEL_RANGES_MAX];
					       /* 0x140  else these, in order, as one
						         stream: a vmlinux's PT_LOAD file bytes */
};                                             /* 0x178 */

_Static_assert(__builtin_offsetof(struct stub_header, multiboot_offset) == 0x20, "stub_header.multiboot_offset");
_Static_assert(__builtin_offsetof(struct stub_header, pvh_entry_offset) == 0x24, "stub_header.pvh_entry_offset");
_Static_assert(__builtin_offsetof(struct stub_header, multiboot2_offset) == 0x28, "stub_header.multiboot2_offset");
_Static_assert(sizeof(struct stub_header) == 0x30, "stub_header layout");
_Static_assert(__builtin_offsetof(struct stub_params, cmdline_addr) == 0x18, "stub_params.cmdline_addr");
_Static_assert(__builtin_offsetof(struct stub_params, initrd_addr) == 0x28, "stub_params.initrd_addr");
_Static_assert(__builtin_offsetof(struct stub_params, setup_header) == 0x34, "stub_params.setup_header");
_Static_assert(__builtin_offsetof(struct stub_params, initrd_placement) == 0xd4, "stub_params.initrd_placement");
_Static_assert(__builtin_offsetof(struct stub_params, kernel_sha256) == 0xd8, "stub_params.kernel_sha256");
_Static_assert(__builtin_offsetof(struct stub_params, initrd_sha256) == 0xf8, "stub_params.initrd_sha256");
_Static_assert(__builtin_offsetof(struct stub_params, cmdline_sha256) == 0x118, "stub_params.cmdline_sha256");
_Static_assert(__builtin_offsetof(struct stub_params, kernel_protocol) == 0x138, "stub_params.kernel_protocol");
_Static_assert(__builtin_offsetof(struct stub_params, kernel_range_count) == 0x13c, "stub_params.kernel_range_count");
_Static_assert(__builtin_offsetof(struct stub_params, kernel_ranges) == 0x140, "stub_params.kernel_ranges");
_Static_assert(sizeof(struct stub_range) == 8, "stub_range layout");
_Static_assert(sizeof(struct stub_params) == 0x178, "stub_params layout");

/* Where the header of a blob of `size` bytes at `b` is: 0, after the jump, or -1: none */
static inline long stub_header_at(const uint8_t *b, uint64_t size)
{
	if (size >= sizeof(struct stub_header) && memcmp(b, STUB_HEADER_MAGIC, STUB_HEADER_MAGIC_LEN) == 0)
		return 0;
	if (size >= STUB_HEADER_JUMP_SIZE + sizeof(struct stub_header) &&
	    memcmp(b + STUB_HEADER_JUMP_SIZE, STUB_HEADER_MAGIC, STUB_HEADER_MAGIC_LEN) == 0)
		return STUB_HEADER_JUMP_SIZE;
	return -1;
}

#endif
