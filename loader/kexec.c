/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <linux/kexec.h>
#include <linux/reboot.h>
#include <stdio.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "kexec.h"

int kexec_arch_detect(struct kexec_arch *arch, char *machine, size_t machine_size)
{
	int persona = personality(0xffffffff);
	struct utsname name;
	int status;

	if (persona != -1 && (persona & PER_MASK) == PER_LINUX32)
		personality((unsigned long)((persona & ~PER_MASK) | PER_LINUX));
	status = uname(&name);
	if (persona != -1 && (persona & PER_MASK) == PER_LINUX32)
		personality((unsigned long)persona);
	if (status != 0)
		return -1;
	snprintf(machine, machine_size, "%s", name.machine);
	if (strcmp(name.machine, "x86_64") == 0) {
		arch->flag = KEXEC_ARCH_X86_64;
		arch->name = "x86_64";
		arch->long_mode = 1;
		return 0;
	}
	if (name.machine[0] == 'i' && strcmp(name.machine + 2, "86") == 0) {
		arch->flag = KEXEC_ARCH_386;
		arch->name = "i386";
		arch->long_mode = 0;
		return 0;
	}
	return -1;
}

int kexec_load_image(const struct kexec_arch *arch, uint64_t entry,
		     const struct kexec_load_segment *segments, size_t count)
{
	struct kexec_segment kernel_segments[KEXEC_SEGMENT_MAX];
	size_t i;

	if (count > KEXEC_SEGMENT_MAX) {
		errno = E2BIG;
		return -1;
	}
	for (i = 0; i < count; i++) {
		/* A 32-bit bootelf cannot name an address at or above 4 GiB */
		if (segments[i].mem > UINTPTR_MAX || segments[i].memsz > UINTPTR_MAX - segments[i].mem) {
			errno = EOVERFLOW;
			return -1;
		}
		kernel_segments[i].buf = segments[i].buf;
		kernel_segments[i].bufsz = (size_t)segments[i].bufsz;
		kernel_segments[i].mem = (const void *)(uintptr_t)segments[i].mem;
		kernel_segments[i].memsz = (size_t)segments[i].memsz;
	}
	return (int)syscall(SYS_kexec_load, (unsigned long)entry, (unsigned long)count,
			    kernel_segments, arch->flag);
}

int kexec_is_loaded(void)
{
	FILE *file = fopen("/sys/kernel/kexec_loaded", "r");
	int loaded = -1;

	if (file) {
		if (fscanf(file, "%d", &loaded) != 1)
			loaded = -1;
		fclose(file);
	}
	return loaded;
}

int kexec_execute(void)
{
	sync();
	return (int)syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
			    LINUX_REBOOT_CMD_KEXEC, NULL);
}
