/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What to build: the image spec that options, templates and the edits fill. */
#ifndef MKELFIMAGE_SPEC_H
#define MKELFIMAGE_SPEC_H

#include <stddef.h>
#include <stdint.h>

struct template;

/* Boot headers in the image: --[no-]multiboot, --[no-]pvh, --[no-]elf-notes, --[no-]multiboot2 */
#define IMAGE_HEADER_MULTIBOOT   0x1u   /* multiboot v1 header in the stub */
#define IMAGE_HEADER_PVH         0x2u   /* Xen note XEN_ELFNOTE_PHYS32_ENTRY */
#define IMAGE_HEADER_ELF_NOTES   0x4u   /* "ELFBoot" notes: name, version, checksum */
#define IMAGE_HEADER_MULTIBOOT2  0x8u   /* multiboot2 header in the stub (GRUB EFI) */
#define IMAGE_HEADERS_DEFAULT    0xfu

/* --arch: which stub and ELF class (x86: ELF32 EM_386; alpha: ELF64 EM_ALPHA; arm64: ELF64 EM_AARCH64) */
enum image_arch {
	IMAGE_ARCH_X86 = 0,
	IMAGE_ARCH_ALPHA,
	IMAGE_ARCH_ARM64,
	IMAGE_ARCH_RISCV64,
};

/* A digest note record carried over from an image (formats/digestnote.h) */
struct kept_digest {
	uint64_t size;
	uint8_t sha256[32];          /* all zero: not recorded */
};

/* How to sign: --sign-key, --sign-cert, --sign-pass, --detached-signature (signer.h) */
struct sign_spec {
	const char *key_path;        /* PEM private key: RSA or EC P-256 */
	const char *cert_path;       /* PEM certificate of that key */
	const char *pass;            /* passphrase source, OpenSSL -passin syntax, or NULL */
	const char *detached_path;   /* also a detached DER signature of the whole file, or NULL */
	int no_embedded;             /* --no-embedded-signature: only the detached one */
};

struct image_spec {
	const char *kernel_path;
	const char **initrd_paths;   /* in command-line order, joined into one region */
	size_t initrd_count;
	const char *cmdline;         /* built-in command line text, or NULL */
	const char *cmdline_file;    /* or a file holding it, or NULL */
	const char *output_path;
	unsigned arch;               /* enum image_arch, --arch */
	unsigned elf_class;          /* --elf-class: 32 or 64 (x86; alpha is always 64) */
	int multiboot_asked;         /* --multiboot given (command line or template) */
	int multiboot2_asked;        /* --multiboot2 given (command line or template) */
	int verbose;
	unsigned headers;            /* IMAGE_HEADER_* bits the image carries */
	unsigned headers_asked;      /* IMAGE_HEADER_* bits named by --X or --no-X */
	const char *dtb_path;        /* --dtb FILE: a device tree carried in the image, or NULL */
	uint32_t cmdline_policy;     /* enum stub_cmdline_policy (formats/stubparam.h) */
	int plan_only;               /* --plan/--dry-run: print the plan, write nothing */
	int plan_json;               /* --json: that plan as JSON */
	const char *manifest_path;   /* --manifest FILE.json, or NULL */
	const char *manifest_base;   /* --manifest-base DIR: its paths relative to DIR, or NULL */
	unsigned output_flags;       /* OUTPUT_* (output.h): --sync, and what an edit keeps */
	const char *template_path;   /* --template FILE.yaml, or NULL */
	struct template *template;   /* its values, owned (the spec points into it) */
	uint64_t max_size;           /* --max-size in bytes, 0 = no limit */
	unsigned compress_initrd;    /* enum initrd_compression (initrdprep.h), 0 = keep */
	const char *kernel_config;   /* --kernel-config FILE: warn about initrds it cannot unpack, or NULL */
	int verify_at_boot;          /* --verify-at-boot: STUB_FLAG_VERIFY_AT_BOOT (implies digests) */
	int boot_log;                /* --boot-log: STUB_FLAG_BOOT_LOG */
	int digests;                 /* --digests: SHA-256s in the "mkelfimage" note */
	uint32_t initrd_placement;   /* enum stub_initrd_placement, --initrd-placement */
	struct sign_spec sign;       /* key_path NULL: unsigned */
	/* An edit of a vmlinux image (edit.c): the kernel is a minimal vmlinux
	 * (minvmlinux.h) and the `kernel file` record stays the original's. NULL: none. */
	const struct kept_digest *kernel_file_kept;
};

#endif
