/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel's real-mode part, kept in the image so `mkelfimage extract`
 * gives the kernel file back byte for byte (and the edit subcommands can
 * rebuild the image from it).
 *
 * Our own format, in the image's PT_NOTE (never loaded):
 *   name "mkelfimage" (MKELFIMAGE_NOTE_NAME, formats/digestnote.h),
 *   type MKELFIMAGE_NOTE_KERNEL_SETUP, desc = the kernel file's bytes from 0
 *   up to the protected-mode code: (setup_sects + 1) * 512 bytes (boot.rst,
 *   "Loading the rest of the kernel"), at most 65 * 512.
 * The kernel file is this desc followed by the kernel PT_LOAD's file bytes.
 */
#ifndef FORMATS_SETUPNOTE_H
#define FORMATS_SETUPNOTE_H

#define MKELFIMAGE_NOTE_KERNEL_SETUP  2
#define SETUPNOTE_MAX_BYTES           (65u * 512u)   /* setup_sects is at most 64 */

#endif
