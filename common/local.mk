# SPDX-License-Identifier: GPL-2.0-or-later
# common/: what both programs share: reporting, JSON, whole reads and writes
# at an offset, alignment. No file here includes one of another folder but
# formats/.
noinst_LIBRARIES += %D%/libcommon.a
%C%_libcommon_a_SOURCES = \
	%D%/report.c %D%/report.h \
	%D%/json.c %D%/json.h \
	%D%/fdio.c %D%/fdio.h \
	%D%/sigcheck.c %D%/sigcheck.h \
	%D%/align.h
