# SPDX-License-Identifier: GPL-2.0-or-later
# templates/: YAML templates installed under $(pkgdatadir)/templates
# (doc/mkelfimage-template.5); tests/pipeline/shipped-templates.sh uses each.
templatesdir = $(pkgdatadir)/templates
dist_templates_DATA = \
	%D%/qemu.yaml \
	%D%/grub-multiboot.yaml \
	%D%/ipxe.yaml \
	%D%/kexec.yaml \
	%D%/coreboot-payload.yaml
