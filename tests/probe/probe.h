/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The probe kernel's own header, shared by probe-entry.S (which emits it) and
 * mkprobe (which reads it). Our own format, no outside specification.
 *
 * The flat binary starts with a short jump over this header, so code32_start
 * still points at code:
 *
 *   0x00  jmp over the header (2 bytes), padding to 4
 *   0x04  magic "MKPB"                   PROBE_IMAGE_MAGIC
 *   0x08  link (and load) address        the probe runs only there
 *   0x0c  memory size, BSS and stack included (mkprobe checks init_size)
 *   0x10  first instruction after the header
 */
#ifndef TESTS_PROBE_PROBE_H
#define TESTS_PROBE_PROBE_H

#define PROBE_IMAGE_MAGIC          0x42504b4d   /* "MKPB" little endian */
#define PROBE_IMAGE_MAGIC_OFFSET   0x04
#define PROBE_IMAGE_LOAD_OFFSET    0x08
#define PROBE_IMAGE_MEMSZ_OFFSET   0x0c
#define PROBE_IMAGE_HEADER_END     0x10

/* First line of the report; bump the number when the report format changes. */
#define PROBE_REPORT_ID            "mkelfimage-probe 1"

/* isa-debug-exit: QEMU exits with status (value << 1) | 1 */
#define PROBE_DEBUG_EXIT_PORT      0xf4

#endif
