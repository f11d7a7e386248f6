/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"
#include "verify.h"
int verify_main(int argc, char **argv) { (void)argc; (void)argv; return 1; }
