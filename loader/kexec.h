/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The two system calls bootelf exists for: kexec_load(2) and
 * reboot(LINUX_REBOOT_CMD_KEXEC). Only called outside --dry-run, and only
 * ever run inside test guests.
 */
#ifndef LOADER_KEXEC_H
#define LOADER_KEXEC_H

#include <stddef.h>
#include <stdint.h>

/* The running kernel's architecture, as kexec_load wants it in its flags. */
struct kexec_arch {
	unsigned long flag;    /* KEXEC_ARCH_X86_64 or KEXEC_ARCH_386 */
	const char *name;      /* "x86_64" or "i386" */
	int long_mode;         /* the kernel enters segments in 64-bit mode */
};

/*
 * From uname(2) with the PER_LINUX32 personality cleared for the call, so a
 * 32-bit bootelf under linux32/setarch still sees an x86_64 kernel (which
 * answers EINVAL to any other flag). Returns 0, or -1 for a kernel that is
 * not x86 (its name in *machine).
 */
int kexec_arch_detect(struct kexec_arch *arch, char *machine, size_t machine_size);

struct kexec_load_segment {
	const void *buf;       /* bytes to copy, bufsz of them */
	uint64_t bufsz;
	uint64_t mem;          /* page-aligned physical destination */
	uint64_t memsz;        /* page multiple; the rest after bufsz is zeroed */
};

/* kexec_load(entry, count, segments, arch->flag); -1 with errno on failure. */
int kexec_load_image(const struct kexec_arch *arch, uint64_t entry,
		     const struct kexec_load_segment *segments, size_t count);

/* Whether /sys/kernel/kexec_loaded says an image is loaded (1, 0, -1 unknown). */
int kexec_is_loaded(void);

/* sync(), then reboot(LINUX_REBOOT_CMD_KEXEC); returns only on failure (-1, errno). */
int kexec_execute(void);

#endif
