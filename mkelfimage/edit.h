/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkelfimage set-command-line IMAGE TEXT and replace-initrd IMAGE FILE...:
 * change one input of an existing image. The inputs are extracted (each
 * checked against its digest), then the image is rebuilt through the normal
 * build with the same boot headers, policy and flags, and renamed over the
 * old one: notes, digests and the layout are recomputed, and a failure
 * leaves the image as it was. An image of a vmlinux is rebuilt from the
 * minimal vmlinux of its PT_LOADs (minvmlinux.h), keeping the original
 * file's digest record: the result is the image a fresh build from the
 * original vmlinux gives.
 */
#ifndef MKELFIMAGE_EDIT_H
#define MKELFIMAGE_EDIT_H


/* argv[0] is the subcommand's name. Return the exit status. */
int edit_set_command_line_main(int argc, char **argv);
int edit_replace_initrd_main(int argc, char **argv);

#endif
