# SPDX-License-Identifier: GPL-2.0-or-later
# hooks/: keep one image per template and kernel in /boot/mkelfimage, from
# Debian's kernel hooks and kernel-install (kernel-hook.sh has the rules).
# The four entry points are one template (entry.in) with the mode filled in.
dist_pkgdata_SCRIPTS += %D%/kernel-hook.sh
EXTRA_DIST += %D%/entry.in

kernelpostinstdir = $(sysconfdir)/kernel/postinst.d
kernelpostrmdir = $(sysconfdir)/kernel/postrm.d
initramfsupdatedir = $(sysconfdir)/initramfs/post-update.d
kernelinstalldir = $(prefix)/lib/kernel/install.d

# install_hook MODE DIR NAME
install_hook = $(MKDIR_P) "$(DESTDIR)$(2)" && \
	$(SED) -e 's|@pkgdatadir@|$(pkgdatadir)|g' -e 's|@mode@|$(1)|g' $(srcdir)/hooks/entry.in \
		>"$(DESTDIR)$(2)/$(3)" && chmod 755 "$(DESTDIR)$(2)/$(3)"

install-exec-local: install-kernel-hooks
install-kernel-hooks:
	$(call install_hook,postinst,$(kernelpostinstdir),zz-mkelfimage)
	$(call install_hook,postrm,$(kernelpostrmdir),zz-mkelfimage)
	$(call install_hook,post-update,$(initramfsupdatedir),mkelfimage)
	$(call install_hook,kernel-install,$(kernelinstalldir),90-mkelfimage.install)
uninstall-local: uninstall-kernel-hooks
uninstall-kernel-hooks:
	rm -f "$(DESTDIR)$(kernelpostinstdir)/zz-mkelfimage" "$(DESTDIR)$(kernelpostrmdir)/zz-mkelfimage" \
		"$(DESTDIR)$(initramfsupdatedir)/mkelfimage" "$(DESTDIR)$(kernelinstalldir)/90-mkelfimage.install"
.PHONY: install-kernel-hooks uninstall-kernel-hooks
