/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SHA-256 for the host programs only: sha256_update_host hashes whole
 * blocks with the x86 SHA extensions (Intel 64 and IA-32 Architectures
 * Software Developer's Manual, Vol. 2, SHA256RNDS2, SHA256MSG1, SHA256MSG2)
 * when CPUID says the CPU has them, and with formats/sha256.c otherwise.
 * The context is formats/sha256.h's, so sha256_init and sha256_final work on
 * it as before. Never compiled into a stub (formats/sha256.c stays the one
 * freestanding implementation).
 */
#ifndef FORMATS_SHA256_HOST_H
#define FORMATS_SHA256_HOST_H

#include <stddef.h>

#include "sha256.h"

/* The same result as sha256_update, faster where the CPU can */
void sha256_update_host(struct sha256_ctx *ctx, const void *data, size_t len);

/* The digest of one buffer, through sha256_update_host */
void sha256_digest_host(const void *data, size_t len, uint8_t digest[SHA256_DIGEST_SIZE]);

/* 1 when sha256_update_host uses the SHA extensions on this CPU, else 0 */
int sha256_host_accelerated(void);

#endif
