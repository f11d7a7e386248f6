/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The manifest holds only facts of the build (paths normalised, relative
 * to --manifest-base when given: manifest_path.h; sizes, digests,
 * addresses): no time or host, so the same build gives the same manifest.
 */
#include "config.h"

#include <elf.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "digest.h"
#include "formats/sha256_host.h"
#include "common/json.h"
#include "manifest.h"
#include "manifest_path.h"
#include "plan_json.h"
#include "common/report.h"

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

/* A path as manifest_path.h normalises it (as given if it cannot: longer than PATH_MAX) */
static void write_path(struct json *json, const char *key, const char *path, const char *base)
{
	char normal[PATH_MAX];

	json_string(json, key, manifest_path(path, base, normal, sizeof(normal)) == 0 ? normal : path);
}

static void write_file(struct json *json, const char *key, const char *path, const char *base,
		       uint64_t size, const uint8_t *digest)
{
	json_object_begin(json, key);
	write_path(json, "path", path, base);
	json_uint(json, "size", size);
	write_digest(json, digest);
	json_object_end(json);
}

/* The written image, read back: its SHA-256 */
static int hash_image(int fd, const char *path, uint64_t size, uint8_t digest[SHA256_DIGEST_SIZE])
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	if (digest_fd_range(&ctx, fd, 0, size) != 0)
		return report_errno(EXIT_IO, "output", path, "cannot read back");
	sha256_final(&ctx, digest);
	return EXIT_OK;
}

static void write_inputs(struct json *json, const struct image_spec *spec, const struct inputs *in,
			 const struct initrd_prep *prep, const struct plan *plan,
			 const struct digest_set *digests)
{
	uint64_t offset = 0;
	size_t i;

	json_object_begin(json, "inputs");
	write_file(json, "kernel", in->kernel_file.path, spec->manifest_base, in->kernel_file.size,
		   digest_set_find(digests, DIGEST_KERNEL_FILE, 0));
	json_array_begin(json, "initrds");
	for (i = 0; i < in->initrd_count; i++) {
		json_object_begin(json, NULL);
		write_path(json, "path", in->initrds[i].path, spec->manifest_base);
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
		write_path(json, "file", spec->cmdline_file, spec->manifest_base);
	else
		json_null(json, "file");
	json_object_end(json);
	json_object_end(json);
}

int manifest_write(int fd, const struct image_spec *spec, const struct inputs *in,
		   const struct initrd_prep *prep, const struct plan *plan,
		   const struct digest_set *digests, int image_fd, const uint8_t *image_sha256)
{
	uint8_t image_digest[SHA256_DIGEST_SIZE];
	struct json json;
	struct stat st;
	FILE *out;
	int copy, status;

	if (fstat(image_fd, &st) < 0)
		return report_errno(EXIT_IO, "output", spec->output_path, "cannot stat");
	if (image_sha256)
		memcpy(image_digest, image_sha256, sizeof(image_digest));
	else if ((status = hash_image(image_fd, spec->output_path, (uint64_t)st.st_size, image_digest)) != EXIT_OK)
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
	write_file(&json, "output", spec->output_path, spec->manifest_base, (uint64_t)st.st_size, image_digest);
	write_inputs(&json, spec, in, prep, plan, digests);
	plan_json_segments(&json, plan);
	plan_json_boot(&json, in, plan);
	json_uint(&json, "elf_class", plan->elf_class == ELFCLASS64 ? 64 : 32);
	json_object_end(&json);
	if (json_end(&json) < 0 || fclose(out) != 0)
		return report_errno(EXIT_IO, "manifest", spec->manifest_path, "cannot write");
	return EXIT_OK;
}
