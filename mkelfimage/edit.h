/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mkelfimage set-command-line IMAGE TEXT and replace-initrd IMAGE FILE...:
 * change one input of an existing image. The kept inputs are checked as
 * extract checks them (against their digests, when recorded), then the
 * image is rebuilt through the normal build from its own bytes, with the
 * same boot headers, policy and flags, and renamed over the old one: notes,
 * digests and the layout are recomputed, and a failure leaves the image as
 * it was. The original kernel file's digest record is kept (a vmlinux image
 * holds only its PT_LOADs): the result is the image a fresh build from the
 * original files gives.
 *
 * The image is locked (imageread_open_locked) from the first read to the
 * rename, so edits of one image serialize; an IMAGE that is a symlink
 * edits the file it names; the new file keeps the old one's mode and, where
 * permitted, owner, and is written durably (OUTPUT_DURABLE). Other hard
 * links keep the old image: the rename replaces the directory entry.
 *
 * Signatures: every edit takes --sign-key/--sign-cert/--sign-pass and
 * --detached-signature; a signed image is edited only with a key (the
 * result is signed) or with --remove-signature. `sign IMAGE` is the edit
 * that changes nothing but the signature.
 */
#ifndef MKELFIMAGE_EDIT_H
#define MKELFIMAGE_EDIT_H


/* argv[0] is the subcommand's name. Return the exit status. */
int edit_set_command_line_main(int argc, char **argv);
int edit_replace_initrd_main(int argc, char **argv);
int edit_sign_main(int argc, char **argv);

#endif
