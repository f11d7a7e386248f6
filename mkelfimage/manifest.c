/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The manifest holds only facts of the build (paths as given, sizes,
 * digests, addresses): no time, host or absolute directory, so the same
 * build gives the same manifest.
 */
#include "config.h"

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "digest.h"
#include "formats/sha256_host.h"
#include "common/json.h"
#include "manifest.h"
#include "common/report.h"

#define MANIFEST_READ_CHUNK (1u << 20)

/* "sha256": lowercase hex as sha256sum prints it, or null when unknown */
static void write_digest(struct json *json, const uint8_t *digest)
{
	char hex[2 * SHA256_DIGEST_SIZE + 1];
	size_t i;

	if (!digest) {
		json_null(json, "sha256");
		return;
	}
	for (i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	json_string(json, "sha256", hex);
}

static void write_file(struct json *json, const char *key, const char *path, uint64_t size,
		       const uint8_t *digest)
{
	json_object_begin(json, key);
	json_string(json, "path", path);
	json_uint(json, "size", size);
	write_digest(json, digest);
	json_object_end(json);
}

/* The written image, read back in pieces: its SHA-256 */
static int hash_image(int fd, const char *path, uint64_t size, uint8_t digest[SHA256_DIGEST_SIZE])
{
	struct sha256_ctx ctx;
	uint8_t *buf = malloc(MANIFEST_READ_CHUNK);
	uint64_t offset = 0;

	if (!buf)
		return report_error(EXIT_IO, "out of memory");
	sha256_init(&ctx);
	while (offset < size) {
		ssize_t got = pread(fd, buf, MANIFEST_READ_CHUNK, (off_t)offset);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			free(buf);
			return report_errno(EXIT_IO, "output", path, "cannot read back");
		}
		sha256_update_host(&ctx, buf, (size_t)got);
		offset += (uint64_t)got;
	}
	sha256_final(&ctx, digest);
	free(buf);
	return EXIT_OK;
}

static void write_inputs(struct json *json, const struct image_spec *spec, const struct inputs *in,
			 const struct initrd_prep *prep, const struct plan *plan,
			 const struct digest_set *digests)
{
	uint64_t offset = 0;
	size_t i;

	json_object_begin(json, "inputs");
	write_file(json, "kernel", in->kernel_file.path, in->kernel_file.size,
		   digest_set_find(digests, DIGEST_KERNEL_FILE, 0));
	json_array_begin(json, "initrds");
	for (i = 0; i < in->initrd_count; i++) {
		json_object_begin(json, NULL);
		json_string(json, "path", in->initrds[i].path);
		json_uint(json, "size", in->initrds[i].size);
		write_digest(json, digest_set_find(digests, DIGEST_INITRD_FILE, (uint32_t)i));
		json_uint(json, "address", plan->initrd_addr + offset);
		json_string(json, "kind", initrd_kind_name(prep[i].stored.kind));
		if (prep[i].stored.kernel_problem)
			json_string(json, "kernel_problem", prep[i].stored.kernel_problem);
		else
			json_null(json, "kernel_problem");
		if (prep[i].recompressed) {
			json_object_begin(json, "source");
			json_uint(json, "size", prep[i].source_size);
			json_string(json, "kind", initrd_kind_name(prep[i].source.kind));
			json_object_end(json);
		} else {
			json_null(json, "source");
		}
		json_object_end(json);
		offset += inputs_initrd_span(in, i);
	}
	json_array_end(json);
	json_object_begin(json, "command_line");
	json_string(json, "text", in->cmdline);
	json_uint(json, "length", plan->cmdline_len);
	write_digest(json, digest_set_find(digests, DIGEST_CMDLINE, 0));
	if (spec->cmdline_file)
		json_string(json, "file", spec->cmdline_file);
	else
		json_null(json, "file");
	json_object_end(json);
	json_object_end(json);
}

static void write_segments(struct json *json, const struct plan *plan)
{
	unsigned i;

	json_array_begin(json, "segments");
	for (i = 0; i < plan->segment_count; i++) {
		const struct plan_segment *seg = &plan->segments[i];

		json_object_begin(json, NULL);
		json_string(json, "name", seg->name);
		json_uint(json, "address", seg->addr);
		json_uint(json, "file_offset", seg->file_offset);
		json_uint(json, "file_size", seg->file_size);
		json_uint(json, "memory_size", seg->mem_size);
		json_object_end(json);
	}
	json_array_end(json);
}

/* The boot protocol fields the plan chose (boot.rst names where there is one). */
static void write_boot(struct json *json, const struct inputs *in, const struct plan *plan)
{
	json_object_begin(json, "boot");
	/* kernel_kind, the format's own fields, protocol, relocatable */
	in->kernel.format->describe_json(&in->kernel, json);
	json_uint(json, "kernel_load", plan->kernel_load);
	json_uint(json, "kernel_runtime", plan->kernel_runtime);
	json_uint(json, "init_size", plan->init_size);
	json_bool(json, "init_size_estimated", plan->init_size_estimated);
	json_uint(json, "reserve_start", plan->reserve_start);
	json_uint(json, "reserve_end", plan->reserve_end);
	json_uint(json, "stub_address", plan->stub_addr);
	json_uint(json, "entry", plan->entry);
	json_uint(json, "cmd_line_ptr", plan->cmdline_addr);
	json_uint(json, "cmdline_size", plan->cmdline_max);
	json_uint(json, "ramdisk_image", plan->initrd_addr);
	json_uint(json, "ramdisk_size", plan->initrd_size);
	json_uint(json, "initrd_addr_max", in->kernel.initrd_addr_max);
	json_uint(json, "minimum_ram", plan->min_ram);
	json_object_end(json);
}

int manifest_write(int fd, const struct image_spec *spec, const struct inputs *in,
		   const struct initrd_prep *prep, const struct plan *plan,
		   const struct digest_set *digests, int image_fd)
{
	uint8_t image_digest[SHA256_DIGEST_SIZE];
	struct json json;
	struct stat st;
	FILE *out;
	int copy, status;

	if (fstat(image_fd, &st) < 0)
		return report_errno(EXIT_IO, "output", spec->output_path, "cannot stat");
	status = hash_image(image_fd, spec->output_path, (uint64_t)st.st_size, image_digest);
	if (status != EXIT_OK)
		return status;
	copy = dup(fd);
	if (copy < 0 || !(out = fdopen(copy, "w"))) {
		if (copy >= 0)
			close(copy);
		return report_errno(EXIT_IO, "manifest", spec->manifest_path, "cannot open");
	}
	json_begin(&json, out);
	json_object_begin(&json, NULL);
	json_string(&json, "schema", MANIFEST_SCHEMA);
	json_string(&json, "generator", PACKAGE_NAME " " PACKAGE_VERSION);
	write_file(&json, "output", spec->output_path, (uint64_t)st.st_size, image_digest);
	write_inputs(&json, spec, in, prep, plan, digests);
	write_segments(&json, plan);
	write_boot(&json, in, plan);
	json_uint(&json, "elf_class", plan->elf_class == ELFCLASS64 ? 64 : 32);
	json_object_end(&json);
	if (json_end(&json) < 0 || fclose(out) != 0)
		return report_errno(EXIT_IO, "manifest", spec->manifest_path, "cannot write");
	return EXIT_OK;
}
