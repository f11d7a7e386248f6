#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# kernel-hook.sh MODE ARGS...: one mkelfimage image per target and kernel,
# kept in step with the kernels a Debian system installs. The entry points
# installed by `make install` (doc/distributions.md) call it:
#   postinst      /etc/kernel/postinst.d/zz-mkelfimage VERSION [KERNEL]
#                 (run-parts; zz- sorts after initramfs-tools' hook)
#   postrm        /etc/kernel/postrm.d/zz-mkelfimage VERSION [KERNEL]
#   post-update   /etc/initramfs/post-update.d/mkelfimage VERSION INITRD
#                 (update-initramfs -u runs no postinst.d hook)
#   kernel-install /usr/lib/kernel/install.d/90-mkelfimage.install
#                 add|remove VERSION ENTRY_DIR [KERNEL [INITRD...]]
# For each template /etc/mkelfimage/TARGET.yaml, an install builds
# /boot/mkelfimage/VERSION/TARGET.elf and TARGET.json (the manifest, paths
# relative to the root) from /boot/vmlinuz-VERSION and, when it exists,
# /boot/initrd.img-VERSION (or the files given), checked against
# /boot/config-VERSION when it is there (--kernel-config); a removal deletes
# /boot/mkelfimage/VERSION. No template: nothing to do.
# A target whose image and manifest would not change is left alone (its
# files keep their time); a failed build leaves the previous image and
# prints one line; the exit status is 1 when any target failed.
# Environment: MKELFIMAGE_ROOT (the directory /etc/mkelfimage, /boot and
# /boot/mkelfimage are under, for tests and image builders; default /;
# the files given as arguments are taken as they are), MKELFIMAGE (the
# program; default mkelfimage from PATH).
set -u
root=${MKELFIMAGE_ROOT:-}
root=${root%/}
mkelfimage=${MKELFIMAGE:-mkelfimage}
me="mkelfimage kernel hook"

say() { echo "$me: $*" >&2; }

[ $# -ge 2 ] || { say "usage: $0 postinst|postrm|post-update|kernel-install ARGS..."; exit 2; }
mode=$1
shift
case $mode in
postinst | postrm) action=$([ "$mode" = postinst ] && echo add || echo remove) version=$1 kernel= initrds= ;;
post-update) action=add version=$1 kernel= initrds=${2:-} ;;
kernel-install)
	action=$1 version=$2
	shift 2
	[ $# -gt 0 ] && shift   # ENTRY_DIR: the boot loader's, not ours
	kernel=${1:-}
	[ $# -gt 0 ] && shift
	initrds="$*" ;;
*) say "unknown mode '$mode'"; exit 2 ;;
esac
case $version in
"" | */* | .*) say "'$version' is not a kernel version"; exit 2 ;;
esac
out=$root/boot/mkelfimage/$version

case $action in
remove)
	rm -rf "$out"
	exit 0 ;;
add) ;;
*) exit 0 ;;   # kernel-install has other verbs; none concern us
esac

set -- "$root"/etc/mkelfimage/*.yaml
[ -e "$1" ] || exit 0
kernel=${kernel:-$root/boot/vmlinuz-$version}
if [ -z "$initrds" ] && [ -e "$root/boot/initrd.img-$version" ]; then
	initrds=$root/boot/initrd.img-$version
fi
mkdir -p "$out" || { say "$version: cannot create $out"; exit 1; }

status=0
for template in "$@"; do
	target=$(basename "$template" .yaml)
	new=$out/.$target.new
	set --
	for initrd in $initrds; do
		set -- "$@" --initrd "$initrd"
	done
	# the kernel's config, when the package installed it: a warning for an initrd it cannot unpack
	[ -f "$root/boot/config-$version" ] && set -- "$@" --kernel-config "$root/boot/config-$version"
	if ! err=$("$mkelfimage" --template "$template" --kernel "$kernel" "$@" -o "$new.elf" \
		--manifest "$new.json" --manifest-base "${root:-/}" 2>&1 >/dev/null); then
		say "$version $target: $(printf '%s\n' "$err" | grep -v '^mkelfimage: warning' | tail -n 1)"
		rm -f "$new.elf" "$new.json"
		status=1
		continue
	fi
	printf '%s\n' "$err" | grep '^mkelfimage: warning' | sed "s/^/$me: $version $target: /" >&2
	# the same bytes: keep the files that are there (and their times)
	if cmp -s "$new.elf" "$out/$target.elf" && cmp -s "$new.json" "$out/$target.json"; then
		rm -f "$new.elf" "$new.json"
	else
		mv -f "$new.elf" "$out/$target.elf" && mv -f "$new.json" "$out/$target.json" || status=1
	fi
done
exit $status
