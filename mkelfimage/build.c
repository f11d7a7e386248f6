/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One build, step by step (build.h). */
#include "config.h"

#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "bootnotes.h"
#include "build.h"
#include "common/report.h"
#include "digest.h"
#include "elfboot_sum.h"
#include "elfwrite.h"
#include "formats/le.h"
#include "initrdprep.h"
#include "inputs.h"
#include "manifest.h"
#include "output.h"
#include "plan.h"
#include "plan_json.h"
#include "plan_print.h"
#include "plan_rules.h"
#include "records.h"
#include "setupnote.h"
#include "signature.h"
#include "signer.h"
#include "stub.h"

/* What one build holds between its steps */
struct build {
	const struct image_spec *spec;
	const struct arch *arch;
	struct stub_header stub;
	struct inputs *in;           /* opened by the caller */
	struct initrd_prep *prep;
	struct plan plan;
	const struct build_check *check;
	struct signer *signer;       /* --sign-key: loaded before any output exists */
	uint8_t whole_digest[32];    /* the signed image's SHA-256, for a detached signature */
};

/* The digests go into the image: asked for, or needed by the stub */
static int records_digests(const struct image_spec *spec)
{
	return spec->digests || spec->verify_at_boot;
}

/* The loaders' notes first (old loaders read only the first), then the kernel's setup, then the digests */
static int add_notes(struct build *b)
{
	int status = bootnotes_add(&b->plan, b->spec, &b->stub);

	if (status == EXIT_OK)
		status = setupnote_add(&b->plan, b->in);
	if (status == EXIT_OK)
		status = digest_note_add(&b->plan, b->in);
	return status;
}

/* The initrds prepared, the plan, notes and file layout; nothing written yet. */
static int plan_image(struct build *b)
{
	const struct image_spec *spec = b->spec;
	int status = EXIT_OK;

	if (b->in->initrd_count &&
	    !(b->prep = calloc(b->in->initrd_count, sizeof(*b->prep))))
		status = report_error(EXIT_IO, "out of memory");
	if (status == EXIT_OK)
		status = initrdprep_run(spec, b->in, b->prep);
	if (status == EXIT_OK)
		status = stub_read_header(b->arch->stub, b->arch->params_min, &b->stub);
	if (status == EXIT_OK)
		status = plan_begin(&b->plan, b->in, &b->arch->limits,
				    spec->elf_class == 64 ? ELFCLASS64 : ELFCLASS32);
	if (status == EXIT_OK)
		status = b->arch->place(&b->plan, &b->stub, b->in);
	if (status == EXIT_OK && b->arch->notes)
		status = add_notes(b);
	if (status == EXIT_OK && b->arch->notes)
		status = records_add(&b->plan);
	if (status == EXIT_OK) {
		b->plan.signature = spec->sign.key_path && !spec->sign.no_embedded;
		plan_layout(&b->plan);
		b->plan.max_file_size = spec->max_size;
		b->plan.output_path = spec->output_path;
		if (b->arch->check_layout)
			status = b->arch->check_layout(&b->plan, &b->stub);
	}
	/* --plan shows every rule, broken ones too; a build stops at the first */
	if (status == EXIT_OK && !spec->plan_only)
		status = plan_rules_check(&b->plan);
	return status;
}

/*
 * Where the outputs may go: not over an input, the manifest not over the
 * image (by any name: a hard link, a symlink, another spelling).
 */
static int check_outputs(const struct build *b)
{
	const struct image_spec *spec = b->spec;
	int status = output_check(spec->output_path, spec, b->in);

	const char *detached = spec->sign.detached_path;

	if (status == EXIT_OK && spec->manifest_path &&
	    (status = output_check(spec->manifest_path, spec, b->in)) == EXIT_OK &&
	    output_same(spec->manifest_path, spec->output_path))
		status = report_error(EXIT_BAD_INPUT, "manifest '%s': is the image output%s",
				      spec->manifest_path, output_is_stdout(spec->manifest_path)
				      ? " (standard output holds one of them)" : "");
	if (status == EXIT_OK && detached && (status = output_check(detached, spec, b->in)) == EXIT_OK &&
	    (output_same(detached, spec->output_path) ||
	     (spec->manifest_path && output_same(detached, spec->manifest_path))))
		status = report_error(EXIT_BAD_INPUT, "--detached-signature '%s': is another output of this build",
				      detached);
	return status;
}

/* The stub relocated, its parameters filled with the plan and the digests */
static int prepare_stub(struct build *b, const struct digest_set *digests, uint8_t **bytes)
{
	const struct arch *arch = b->arch;
	uint8_t *params;

	*bytes = stub_relocated(arch->stub, (uint32_t)b->plan.stub_addr);
	if (!*bytes)
		return report_error(EXIT_IO, "out of memory");
	params = *bytes + b->stub.params_offset;
	if (le32_get(params) != arch->params_magic || le16_get(params + 4) != arch->params_version)
		return report_error(EXIT_IO, "internal error: the embedded stub has no parameter block");
	arch->fill_params(*bytes, &b->stub, &b->plan, b->in, b->spec, digests);
	plan_find_segment(&b->plan, SEG_STUB)->single.bytes = *bytes;
	return EXIT_OK;
}

/*
 * The payloads first, each in one pass that feeds the digests and the
 * ELFBoot checksum (their sinks hang on the plan); then what depends on
 * them: the digest note, the stub's parameters, the records segment (our
 * notes, loaded), the notes; last the checksum, patched in.
 */
static int write_image(struct build *b, int fd, struct digest_set *digests, int compute)
{
	const char *path = b->spec->output_path;
	struct plan *plan = &b->plan;
	int record = records_digests(b->spec);
	struct elfboot_sum pieces = { .pieces = { { .sink = { NULL, NULL } } } };
	struct elfboot_sum *sum = bootnotes_has_checksum(plan) ? &pieces : NULL;
	struct digest_run run;
	uint8_t *stub_bytes = NULL;
	unsigned i;
	int status;

	if (sum)
		elfboot_sum_begin(sum, plan);
	status = compute ? digest_run_begin(&run, plan, b->in) : EXIT_OK;
	if (status == EXIT_OK)
		status = elfwrite_headers(fd, path, plan, plan->elf_class == ELFCLASS64
					  ? b->arch->machine64 : b->arch->machine32);
	for (i = 0; status == EXIT_OK && i < plan->segment_count; i++)
		if (plan->segments[i].kind != SEG_STUB && plan->segments[i].kind != SEG_RECORDS)
			status = elfwrite_segment(fd, path, &plan->segments[i]);
	if (status == EXIT_OK && compute)
		status = digest_run_finish(&run, b->in, digests);
	if (compute)
		digest_run_free(&run);
	if (status == EXIT_OK && record)
		digest_note_fill(plan, b->in, digests);
	if (status == EXIT_OK)
		status = prepare_stub(b, record ? digests : NULL, &stub_bytes);
	if (status == EXIT_OK)
		status = elfwrite_segment(fd, path, plan_find_segment(plan, SEG_STUB));
	/* the loaded copy of our notes, with the digests now in them */
	if (status == EXIT_OK && plan_find_segment(plan, SEG_RECORDS) &&
	    (status = records_fill(plan)) == EXIT_OK)
		status = elfwrite_segment(fd, path, plan_find_segment(plan, SEG_RECORDS));
	if (status == EXIT_OK)
		status = elfwrite_notes(fd, path, plan);
	/* last: the ELFBoot checksum covers every PT_LOAD written above */
	if (status == EXIT_OK)
		status = bootnotes_finish(fd, path, plan, sum);
	/* after that, every byte the signature covers is final */
	if (status == EXIT_OK && plan->signature)
		status = signature_embed(fd, path, plan, b->signer, b->whole_digest);
	free(stub_bytes);
	return status;
}

/*
 * The image and, with --manifest, its manifest; both go to temporary
 * files and are renamed into place only when both are complete, all or
 * nothing (output.h says how).
 */
static int write_outputs(struct build *b)
{
	const struct image_spec *spec = b->spec;
	struct output outs[3] = { { .fd = -1 }, { .fd = -1 }, { .fd = -1 } };
	struct digest_set digests = { .initrd_count = 0 };
	int compute = records_digests(spec) || spec->manifest_path;
	int status = output_begin(&outs[0], spec->output_path, spec->output_flags);

	if (status == EXIT_OK)
		status = write_image(b, outs[0].fd, &digests, compute);
	if (status == EXIT_OK && b->check)
		status = b->check->fn(b->check->ctx, compute ? &digests : NULL);
	/* the whole file's SHA-256: from the embedded signature's pass, else one pass for a detached one */
	if (status == EXIT_OK && spec->sign.detached_path && !b->plan.signature)
		status = signature_digest_file(outs[0].fd, spec->output_path, b->plan.file_size, b->whole_digest);
	if (status == EXIT_OK && spec->manifest_path &&
	    (status = output_begin(&outs[1], spec->manifest_path, spec->output_flags)) == EXIT_OK)
		status = manifest_write(outs[1].fd, spec, b->in, b->prep, &b->plan,
					compute ? &digests : NULL, outs[0].fd,
					spec->sign.key_path ? b->whole_digest : NULL);
	if (status == EXIT_OK && spec->sign.detached_path &&
	    (status = output_begin(&outs[2], spec->sign.detached_path, spec->output_flags & ~OUTPUT_KEEP_OWNER)) == EXIT_OK)
		status = signature_write_detached(b->signer, b->whole_digest, outs[2].fd, spec->sign.detached_path);
	if (status == EXIT_OK)
		status = output_commit_all(outs, 3);
	output_abort(&outs[0]);
	output_abort(&outs[1]);
	output_abort(&outs[2]);
	digest_set_free(&digests);
	return status;
}

int build_image_from(const struct image_spec *spec, struct inputs *in,
		     const struct build_check *check)
{
	struct build b = { .spec = spec, .arch = arch_find(spec->arch), .in = in, .check = check };
	int status = spec->sign.key_path && !spec->plan_only ? signer_open(&spec->sign, &b.signer) : EXIT_OK;

	if (status == EXIT_OK)
		status = plan_image(&b);

	if (status == EXIT_OK && spec->plan_only && spec->plan_json) {
		status = plan_json_print(&b.plan, in, stdout);
	} else if (status == EXIT_OK && spec->plan_only) {
		plan_print(&b.plan, b.arch->print, stdout);
		status = plan_rules_print(&b.plan, stdout);
	} else if (status == EXIT_OK) {
		status = check_outputs(&b);
		/* with -o -, standard output holds the image */
		if (status == EXIT_OK && spec->verbose)
			plan_print(&b.plan, b.arch->print, output_is_stdout(spec->output_path) ? stderr : stdout);
		if (status == EXIT_OK)
			status = write_outputs(&b);
	}
	free(b.prep);
	plan_free(&b.plan);
	signer_free(b.signer);
	return status;
}

int build_image(const struct image_spec *spec)
{
	const struct arch *arch = arch_find(spec->arch);
	struct inputs in;
	int status = arch->check_spec ? arch->check_spec(spec) : EXIT_OK;

	if (status != EXIT_OK)
		return status;
	status = inputs_open(spec, &in);
	if (status == EXIT_OK)
		status = build_image_from(spec, &in, NULL);
	inputs_close(&in);
	return status;
}
