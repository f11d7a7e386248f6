/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bootelf: boot an ELF image from the running Linux kernel through
 * kexec_load(2), as a Multiboot v1 loader. The pipeline: options -> read
 * and validate the image -> memory map, RSDP, architecture -> plan -> print
 * (--dry-run, --json) -> kexec_load -> reboot(LINUX_REBOOT_CMD_KEXEC).
 * Any problem before kexec_load: one line, exit status, nothing loaded.
 * Status 2 (EXIT_IO) here means the machine could not be read or a system
 * call failed.
 */
#include "config.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/report.h"
#include "formats/elfimage.h"
#include "bootelf_options.h"
#include "kexec.h"
#include "kexec_plan.h"
#include "kexec_planprint.h"
#include "memmap.h"
#include "signature.h"
#include "rsdp.h"
#include "trampoline.h"

struct mapped_file {
	const uint8_t *data;
	size_t size;
};

static int map_image(const char *path, struct mapped_file *file)
{
	struct stat st;
	void *data;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return report_error(EXIT_BAD_INPUT, "image '%s': cannot open: %s", path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return report_error(EXIT_BAD_INPUT, "image '%s': not a regular file", path);
	}
	if (st.st_size == 0) {
		close(fd);
		return report_error(EXIT_BAD_INPUT, "image '%s': the file is empty", path);
	}
	data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (data == MAP_FAILED)
		return report_error(EXIT_IO, "image '%s': cannot map: %s", path, strerror(errno));
	file->data = data;
	file->size = (size_t)st.st_size;
	return 0;
}

/* The multiboot command line: the given text, or the running kernel's, plus
 * acpi_rsdp= on EFI machines (multiboot v1 has no RSDP field, and there the
 * next kernel cannot find it by scanning the BIOS area). */
static int make_cmdline(const struct bootelf_options *options, const char *root,
			const struct rsdp *rsdp, char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	if (options->command_line) {
		snprintf(out, size, "%s", options->command_line);
	} else if (options->reuse_cmdline) {
		char path[4096];
		FILE *file;

		snprintf(path, sizeof(path), "%s/proc/cmdline", root);
		file = fopen(path, "r");
		if (!file)
			return report_error(EXIT_IO, "%s: %s", path, strerror(errno));
		if (!fgets(out, (int)size, file))
			out[0] = '\0';
		fclose(file);
		out[strcspn(out, "\n")] = '\0';
	}
	len = strlen(out);
	if (rsdp->from_efi)
		snprintf(out + len, size - len, "%sacpi_rsdp=0x%llx", len ? " " : "",
			 (unsigned long long)rsdp->addr);
	if (strlen(out) >= size - 1)
		return report_error(EXIT_BAD_INPUT, "command line longer than %zu bytes", size - 2);
	return 0;
}

static int execute_loaded(void)
{
	if (kexec_is_loaded() == 0)
		return report_error(EXIT_IO, "-e: no image is loaded (/sys/kernel/kexec_loaded is 0)");
	kexec_execute();
	return report_error(EXIT_IO, "reboot(LINUX_REBOOT_CMD_KEXEC): %s", strerror(errno));
}

static int load(const struct bootelf_options *options, const struct mapped_file *file)
{
	static const uint16_t machines[] = { EM_386, EM_X86_64 };
	static const struct elfimage_rules rules = { machines, 2, KEXEC_PLAN_MAX_IMAGE_LOADS };
	struct elfimage_info info;
	struct memmap map;
	char cmdline[8192];
	const char *root = getenv("BOOTELF_SYSROOT") ? getenv("BOOTELF_SYSROOT") : "";
	struct kexec_plan_input plan_in;
	struct kexec_planprint_input print_in;
	struct kexec_arch arch;
	struct fmt_error err;
	struct rsdp rsdp;
	struct kexec_plan plan;
	char why[4200], machine[80];
	int status;

	const char *ca = NULL;

	if (elfimage_parse(file->data, file->size, &info, &err) != FMT_OK ||
	    elfimage_validate(&info, &rules, &err) != FMT_OK)
		return report_format_error("image", options->image, &err);
	/* the policy first: an image that may not boot is not even planned */
	if ((status = signature_policy(options->require_signature, root, &ca)) != 0)
		return status;
	if (ca && (status = signature_require(options->image, file->data, file->size, &info, ca)) != 0)
		return status;
	if (memmap_read(root, &map, why, sizeof(why)) != 0)
		return report_error(EXIT_IO, "%s", why);
	if (kexec_arch_detect(&arch, machine, sizeof(machine)) != 0)
		return report_error(EXIT_IO, "the running kernel is '%s', not x86_64 or i386", machine);
	rsdp_find(root, &rsdp);
	status = make_cmdline(options, root, &rsdp, cmdline, sizeof(cmdline));
	if (status)
		return status;

	plan_in = (struct kexec_plan_input){ &info, file->data, &map, &arch, cmdline,
					     trampoline_blob, trampoline_blob_size };
	if (kexec_plan_build(&plan_in, &plan, &err) != FMT_OK)
		return report_format_error("image", options->image, &err);

	print_in = (struct kexec_planprint_input){ options->image, &info, &plan, &map, &arch,
						   &rsdp, cmdline };
	if (options->json)
		status = kexec_planprint_json(stdout, &print_in) ? EXIT_IO : 0;
	else if (options->dry_run)
		kexec_planprint_text(stdout, &print_in);
	if (status == 0 && fflush(stdout) != 0)
		status = report_error(EXIT_IO, "writing the plan: %s", strerror(errno));
	if (status == 0 && !options->dry_run) {
		struct kexec_load_segment segments[KEXEC_PLAN_MAX_SEGMENTS];
		size_t i;

		for (i = 0; i < plan.count; i++)
			segments[i] = plan.segment[i].load;
		if (kexec_load_image(&arch, plan.kexec_entry, segments, plan.count) != 0)
			status = report_error(EXIT_IO, "image '%s': kexec_load (%zu segments, %s): %s%s",
				      options->image, plan.count, arch.name, strerror(errno),
				      errno == EPERM ? " (needs root with CAP_SYS_BOOT; refused under lockdown)" : "");
	}
	kexec_plan_free(&plan);
	return status;
}

int main(int argc, char **argv)
{
	struct bootelf_options options;
	struct mapped_file file;
	int status;

	report_program = "bootelf";
	status = bootelf_options_parse(argc, argv, &options);
	if (status)
		return status < 0 ? 0 : EXIT_BAD_INPUT;
	if (options.load) {
		status = map_image(options.image, &file);
		if (status)
			return status;
		status = load(&options, &file);
		munmap((void *)(uintptr_t)file.data, file.size);
		if (status)
			return status;
	}
	if (options.execute && !options.dry_run)
		return execute_loaded();
	return 0;
}
