#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# bootelf-vs-kexec.sh: how long a kexec reboot takes with bootelf and with
# kexec-tools, on the same kernel, initrd and command line (`make bench`).
#
# A Debian cloud kernel boots under QEMU with an initramfs holding the static
# bootelf, Debian's kexec (with its libraries), the same kernel as bzImage,
# a small initrd R and boot.elf (mkelfimage: that bzImage + R + the command
# line). Its /init prints "bench: start" and runs either `bootelf /boot.elf`
# or `kexec -l /bzImage --initrd=/R.cpio --append=... && kexec -e`; the
# second kernel's /init (from R) prints "bench: second init". Each line of
# the serial console is stamped on the host as it arrives; one measurement
# is the time between those two lines in one guest run. BENCH_RUNS runs
# (default 3) per loader alternate; the medians and their ratio are printed.
# Everything named here runs only inside the guest.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/kernel/kernel-tests.sh"
. "$top_srcdir/tests/bootelf/bootelf-guest.sh"

runs=${BENCH_RUNS:-3}
need_qemu_x86_64
need_bootelf_static
kexec_binary=${MKELFIMAGE_KEXEC:-$(PATH=$PATH:/sbin:/usr/sbin command -v kexec)} ||
	unavailable "no kexec (install kexec-tools)"
fetch_kernel "$CLOUD_KERNEL_PACKAGE"
cmdline="console=ttyS0 panic=-1 quiet bench=1"

# R: the second kernel's initrd, an /init that prints the marker.
cat >"$work/second-init" <<'EOF_INIT'
#!/bin/busybox sh
echo "bench: second init"
/bin/busybox poweroff -f
EOF_INIT
sh "$top_srcdir/tests/kernel/make-guest-initramfs.sh" "$work/R.cpio" "$work/second-init" ||
	unavailable "cannot build the second kernel's initrd"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/R.cpio" --command-line "$cmdline" \
	-o "$work/boot.elf" || { echo "Bail out! mkelfimage failed"; exit 1; }

# outer_initrd LOADER: the first kernel's initramfs, running LOADER.
outer_initrd() {
	if [ "$1" = bootelf ]; then
		run='/bootelf /boot.elf'
	else
		run="/sbin/kexec -l /bzImage --initrd=/R.cpio --append='$cmdline' && /sbin/kexec -e"
	fi
	bootelf_guest_init "$work/init-$1" "
echo 'bench: start'
$run
echo 'bench: $1 returned'"
	sh "$top_srcdir/tests/kernel/make-guest-initramfs.sh" "$work/$1.cpio" "$work/init-$1" \
		"$BOOTELF_STATIC=/bootelf" "$kexec_binary=/sbin/kexec" "$kernel=/bzImage" \
		"$work/R.cpio=/R.cpio" "$work/boot.elf=/boot.elf" ||
		unavailable "cannot build the guest initramfs"
}

cr=$(printf '\r')
# measure LOADER: seconds from "bench: start" to "bench: second init", host clock.
measure() {
	timeout 120 "$QEMU_X86_64" -m 512 -display none -monitor none -serial stdio -no-reboot \
		-kernel "$kernel" -initrd "$work/$1.cpio" -append "console=ttyS0 panic=-1 quiet" \
		</dev/null 2>/dev/null | while IFS= read -r line; do
			printf '%s %s\n' "$(date +%s.%N)" "${line%"$cr"}"
		done >"$work/$1.log"
	awk '$2 == "bench:" && $3 == "start" && !start { start = $1 }
	     $2 == "bench:" && $3 == "second" && start { printf "%.3f\n", $1 - start; exit }' "$work/$1.log"
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}

outer_initrd bootelf
outer_initrd kexec
: >"$work/bootelf.times"
: >"$work/kexec.times"
i=0
while [ $i -lt "$runs" ]; do
	for loader in bootelf kexec; do
		t=$(measure $loader)
		if [ -z "$t" ]; then
			echo "Bail out! $loader: no 'bench: second init' on the console; its end:"
			tail -n 5 "$work/$loader.log"
			exit 1
		fi
		echo "# run $((i + 1)): $loader $t s"
		echo "$t" >>"$work/$loader.times"
	done
	i=$((i + 1))
done
b=$(median <"$work/bootelf.times")
k=$(median <"$work/kexec.times")
echo "bootelf:     $b s (median of $runs, from invoking bootelf to the second kernel's /init)"
echo "kexec-tools: $k s (median of $runs, kexec -l bzImage --initrd --append && kexec -e)"
awk -v b="$b" -v k="$k" 'BEGIN { printf "ratio kexec-tools / bootelf: %.2f (%s)\n", k / b,
	(k >= b) ? "bootelf is not slower" : "bootelf is slower" }'
