# SPDX-License-Identifier: GPL-2.0-or-later
# doc/: hand-written man pages (bootelf.8 is in loader/local.mk) and the
# pages for readers: ARCHITECTURE (the code), HACKING (tests, CI, where a
# change goes), loaders (each loader and its test), performance (figures).
dist_man_MANS += %D%/mkelfimage.1 %D%/mkelfimage-template.5
EXTRA_DIST += %D%/ARCHITECTURE.md %D%/HACKING.md %D%/loaders.md %D%/performance.md
