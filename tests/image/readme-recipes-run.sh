#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every command README.md shows in its ```sh blocks runs as written, in order,
# in one folder where bzImage is the probe kernel and rd.img an initrd:
# the mkelfimage commands must succeed; bootelf runs with --dry-run on a
# fake machine (the command line it would pass is checked); the QEMU lines
# boot the probe kernel, which must receive the built-in text and -append's.
# GRUB, iPXE, cbfstool and kexec-tools run in their own boot tests: every
# test script the README and doc/*.md name must exist.
. "$top_srcdir/tests/lib.sh"

readme=$top_srcdir/README.md
BOOTELF=$top_builddir/loader/bootelf
dir=$work/readme
mkdir -p "$dir" || exit 1
cp "$PROBE_DIR/probe-2.15-reloc.bzImage" "$dir/bzImage" || exit 1
head -c 65536 /dev/urandom >"$dir/rd.img"
ln -s "$top_srcdir/templates" "$dir/templates"
# the riscv64 recipe's Image: the riscv64 probe, when this build has its stub
[ -f "$top_builddir/tests/riscv64/probe.Image" ] && cp "$top_builddir/tests/riscv64/probe.Image" "$dir/Image"
fake_memmap "$work/root"
# the signing recipe's keys: a test PKI (tests/sign/pki.sh)
. "$top_srcdir/tests/sign/pki.sh"
cp "$pki/signer.key" "$pki/signer.crt" "$dir/" && cp "$pki/ca.crt" "$dir/ca.pem" || exit 1
qemu=${QEMU_X86_64:-}

# The lines of the ```sh blocks, comments after two spaces and '#' removed
awk '/^```sh$/ { on = 1; next } /^```/ { on = 0 } on' "$readme" |
	sed 's/ \{2,\}#.*//; /^#/d; /^$/d' >"$work/commands"
check "README.md shows commands in \`\`\`sh blocks" test -s "$work/commands"

n=0
while IFS= read -r line; do
	n=$((n + 1))
	case $line in
	"mkelfimage --arch riscv64 "*)
		if [ ! -f "$dir/Image" ]; then
			tap_skip "README command $n runs: $line" "no riscv64 stub (configure: riscv64 support: no)"
			continue
		fi
		check "README command $n runs: $line" \
			sh -c "cd '$dir' && eval \"'$MKELFIMAGE' \${1#mkelfimage }\" >'$work/out.$n' 2>&1" sh "$line"
		;;
	"qemu-system-riscv64 "*)
		if [ -z "${QEMU_RISCV64:-}" ] || [ ! -x "$QEMU_RISCV64" ] || [ ! -f "$dir/Image" ]; then
			tap_skip "README command $n boots the riscv64 probe: $line" "no qemu-system-riscv64 or no riscv64 stub"
			continue
		fi
		# the serial console to a file instead of -nographic; the probe powers off
		eval "set -- ${line#qemu-system-riscv64 }"
		args=
		for arg in "$@"; do
			case $arg in
			-nographic) ;;
			*.elf) args="$args $dir/$arg" ;;
			*) args="$args $arg" ;;
			esac
		done
		# shellcheck disable=SC2086
		timeout "${BOOT_TIMEOUT:-60}" "$QEMU_RISCV64" $args -display none -monitor none \
			-serial "file:$work/boot.$n" -no-reboot </dev/null >/dev/null 2>&1
		tr -d '\r' <"$work/boot.$n" >"$work/boot.$n.txt"
		check_eq "README command $n boots the riscv64 probe with the built-in text: $line" \
			"console=ttyS0" "$(report_value cmdline "$work/boot.$n")"
		;;
	"mkelfimage --kernel /boot/vmlinuz-"*)
		# this machine's kernel is not the test's business: the probe and rd.img stand in
		line=$(printf '%s\n' "$line" | sed 's|/boot/vmlinuz-$(uname -r)|bzImage|; s|/boot/initrd.img-$(uname -r)|rd.img|')
		check "README command $n runs (bzImage and rd.img for /boot's files): $line" \
			sh -c "cd '$dir' && eval \"'$MKELFIMAGE' \${1#mkelfimage }\" >'$work/out.$n' 2>&1" sh "$line"
		;;
	"mkelfimage "*)
		check "README command $n runs: $line" \
			sh -c "cd '$dir' && eval \"'$MKELFIMAGE' \${1#mkelfimage }\" >'$work/out.$n' 2>&1" sh "$line"
		;;
	"bootelf "*)
		# Never a real kexec: the same arguments with --dry-run, on a fake machine.
		if (cd "$dir" && eval "set -- ${line#bootelf }" &&
			BOOTELF_SYSROOT=$work/root "$BOOTELF" --dry-run "$@" >"$work/out.$n" 2>&1); then
			tap_ok "README command $n runs (with --dry-run): $line"
		else
			tap_not_ok "README command $n runs (with --dry-run): $line" "$(cat "$work/out.$n")"
		fi
		want=$(printf '%s\n' "$line" | sed -n 's/.*--command-line "\([^"]*\)".*/\1/p')
		check_eq "README command $n: bootelf passes the command line given" \
			"command line \"$want\"" \
			"$(sed -n 's/^multiboot info [^:]*: \(command line "[^"]*"\).*/\1/p' "$work/out.$n")"
		;;
	"qemu-system-x86_64 "*)
		if [ -z "$qemu" ] || [ ! -x "$qemu" ]; then
			tap_skip "README command $n boots the probe: $line" "no qemu-system-x86_64 (install qemu-system-x86)"
			continue
		fi
		# -nographic and -m are boot_qemu's business (serial to a file, BOOT_MEMORY).
		eval "set -- ${line#qemu-system-x86_64 }"
		args=
		append=
		while [ $# -gt 0 ]; do
			case $1 in
			-nographic) ;;
			-m) shift ;;
			-kernel) shift; args="$args -kernel $dir/$1" ;;
			-append) shift; append=$1 ;;
			*) args="$args $1" ;;
			esac
			shift
		done
		# shellcheck disable=SC2086
		if [ -n "$append" ]; then
			boot_qemu "$qemu" "$work/boot.$n" $args -append "$append"
		else
			boot_qemu "$qemu" "$work/boot.$n" $args
		fi
		got=$(report_value cmdline "$work/boot.$n")
		expected="console=ttyS0${append:+ $append}"
		check_eq "README command $n boots the probe, built-in text then -append: $line" "$expected" "$got"
		;;
	"./quickstart.sh"*)
		tap_ok "README command $n is run by CI (.ci/run): $line"
		;;
	*)
		# cbfstool, kexec-tools: run by the tests doc/loaders.md names
		tap_ok "README command $n is run by a loader test: $line"
		;;
	esac
done <"$work/commands"

check "the extracted kernel is the kernel given" cmp -s "$dir/bzImage" "$dir/bzImage.out"
check "the extracted initrd is the last one given" sh -c \
	"'$MKELFIMAGE' extract '$dir/boot.elf' --initrd '$work/rd.again' >/dev/null 2>&1 && cmp -s '$dir/rd.img' '$work/rd.again'"
check_eq "set-command-line changed the built-in text" "console=ttyS0 quiet" \
	"$("$MKELFIMAGE" inspect "$dir/boot.elf" | sed -n 's/^  text: //p')"

# Every test script the README and doc/*.md name (as proof) exists.
missing=
for file in $(cat "$readme" "$top_srcdir"/doc/*.md | grep -o 'tests/[A-Za-z0-9_./*-]*\.sh' | sort -u); do
	# shellcheck disable=SC2086
	set -- $top_srcdir/$file
	[ -e "$1" ] || missing="$missing $file"
done
check_eq "every test script the README and doc/*.md name exists" "" "$missing"
tap_done
