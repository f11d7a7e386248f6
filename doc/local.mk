# SPDX-License-Identifier: GPL-2.0-or-later
# doc/: hand-written man pages and the architecture notes.
dist_man_MANS += %D%/mkelfimage.1 %D%/mkelfimage-template.5
