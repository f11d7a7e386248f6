/* SPDX-License-Identifier: GPL-2.0-or-later */
/* mkelfimage inspect IMAGE [--json]: what an image holds and who can boot it. */
#ifndef MKELFIMAGE_INSPECT_H
#define MKELFIMAGE_INSPECT_H

/* argv[0] is "inspect". Returns the exit status. */
int inspect_main(int argc, char **argv);

#endif
