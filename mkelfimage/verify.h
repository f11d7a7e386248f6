/* SPDX-License-Identifier: GPL-2.0-or-later */
/* mkelfimage verify IMAGE --ca FILE|DIR [--cert FILE] [--detached-signature FILE] */
#ifndef MKELFIMAGE_VERIFY_H
#define MKELFIMAGE_VERIFY_H

int verify_main(int argc, char **argv);

#endif
