# SPDX-License-Identifier: GPL-2.0-or-later
# templates/: YAML templates installed under $(pkgdatadir)/templates.
