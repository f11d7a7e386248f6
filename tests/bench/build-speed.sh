#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# build-speed.sh: how long mkelfimage takes to build an image of a real
# kernel with a 64 MiB, 512 MiB and 2 GiB initrd (by default, with
# --digests, signed with an RSA-3072 key, and with --no-elf-notes), against `cat kernel initrd
# > out` on the same files, U-Boot's mkimage (a FIT with kernel + ramdisk)
# and objcopy (an ELF with the kernel and the initrd as sections); and the
# peak RSS of each (/usr/bin/time -v, "Maximum resident set size").
# A benchmark, not a test: it prints a Markdown table and never fails on a
# number. Run by `make bench` (tests/bench/local.mk); README.md, section
# Performance, shows the latest figures.
#
# Environment: MKELFIMAGE (the binary), top_srcdir, top_builddir,
# BENCH_DIR (scratch space, needs 3 x the largest size free; default a
# folder under /var/tmp), BENCH_SIZES (default "64 512 1920", MiB: Debian's
# kernel has initrd_addr_max 0x7fffffff, so a whole 2 GiB initrd cannot be
# placed above the kernel and stub; 1920 MiB is the largest round size that fits),
# BENCH_RUNS (default 3: the median is shown), BENCH_PEERS (default yes; no
# leaves mkimage and objcopy out: at 1920 MiB mkimage alone takes ~10 min a
# run), MKELFIMAGE_KERNEL_CACHE.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
MKELFIMAGE=${MKELFIMAGE:-$top_builddir/mkelfimage/mkelfimage}
sizes=${BENCH_SIZES:-64 512 1920}
runs=${BENCH_RUNS:-3}
dir=${BENCH_DIR:-$(mktemp -d /var/tmp/mkelfimage-bench.XXXXXX)}
mkdir -p "$dir"
trap 'rm -rf "$dir"' EXIT

kernel=$(sh "$top_srcdir/tests/kernel/fetch-debian-kernel.sh" linux-image-cloud-amd64 \
	"${MKELFIMAGE_KERNEL_CACHE:-$top_builddir/tests/kernel/cache}") ||
	{ echo "bench: no real kernel to build with"; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (Debian package time)"; exit 1; }

. "$top_srcdir/tests/bench/bench-lib.sh"
# a signing key and its self-signed certificate (RSA-3072: what mkelfimage(1) recommends)
openssl req -x509 -newkey rsa:3072 -nodes -keyout "$dir/sign.key" -subj /CN=bench -days 2 \
	-out "$dir/sign.crt" 2>/dev/null || { echo "bench: openssl cannot make a key"; exit 1; }
chmod 600 "$dir/sign.key"

echo "kernel: $(basename "$kernel") ($(stat -c %s "$kernel") bytes); $runs run(s) each, median; warm page cache; $(nproc) CPUs, load average $(cut -d" " -f1-3 /proc/loadavg)"
echo "filesystem of the scratch folder: $(stat -f -c %T "$dir")"
echo
echo "| initrd | cat | mkelfimage | ratio to cat | mkelfimage --digests | ratio to cat | mkelfimage signed | ratio to cat | mkelfimage --no-elf-notes | ratio to cat | mkimage (FIT) | ratio to cat | objcopy (ELF sections) | ratio to cat |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for size in $sizes; do
	# Random bytes behind a newc cpio magic: incompressible, and a known kind.
	{ printf '070701'; head -c $((size * 1024 * 1024 - 6)) /dev/urandom; } >"$dir/initrd"
	out=$dir/out
	cat_t=$(measure cat "$out" sh -c 'cat "$1" "$2" >"$3"' cat "$kernel" "$dir/initrd" "$out")
	mk_t=$(measure mkelfimage "$out" "$MKELFIMAGE" --kernel "$kernel" --initrd "$dir/initrd" \
		--command-line console=ttyS0 -o "$out")
	mk_d_t=$(measure mkelfimage-digests "$out" "$MKELFIMAGE" --kernel "$kernel" --initrd "$dir/initrd" \
		--command-line console=ttyS0 --digests -o "$out")
	mk_s_t=$(measure mkelfimage-signed "$out" "$MKELFIMAGE" --kernel "$kernel" --initrd "$dir/initrd" \
		--command-line console=ttyS0 --sign-key "$dir/sign.key" --sign-cert "$dir/sign.crt" -o "$out")
	mk_nn_t=$(measure mkelfimage-nonotes "$out" "$MKELFIMAGE" --kernel "$kernel" --initrd "$dir/initrd" \
		--command-line console=ttyS0 --no-elf-notes -o "$out")
	if [ "${BENCH_PEERS:-yes}" = no ]; then
		fit_t="failed: not run (BENCH_PEERS=no)"
	elif command -v mkimage >/dev/null; then
		fit_t=$(measure mkimage "$out" mkimage -f auto -A x86 -O linux -T kernel -C none \
			-a 0x100000 -e 0x100000 -d "$kernel" -i "$dir/initrd" "$out")
	else
		fit_t="failed: no mkimage (Debian package u-boot-tools)"
	fi
	if [ "${BENCH_PEERS:-yes}" = no ]; then
		objcopy_t="failed: not run (BENCH_PEERS=no)"
	else
		objcopy_t=$(measure objcopy "$out" objcopy -I binary -O elf32-i386 -B i386 \
			--add-section .initrd="$dir/initrd" \
			--set-section-flags .initrd=alloc,load,contents,readonly "$kernel" "$out")
	fi
	echo "| $size MiB | $(cell "$cat_t") | $(cell "$mk_t") | $(ratio "$mk_t" "$cat_t") |" \
		"$(cell "$mk_d_t") | $(ratio "$mk_d_t" "$cat_t") |" \
		"$(cell "$mk_s_t") | $(ratio "$mk_s_t" "$cat_t") |" \
		"$(cell "$mk_nn_t") | $(ratio "$mk_nn_t" "$cat_t") |" \
		"$(cell "$fit_t") | $(ratio "$fit_t" "$cat_t") | $(cell "$objcopy_t") | $(ratio "$objcopy_t" "$cat_t") |"
	rm -f "$dir/initrd" "$out"
done
