#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# mkelfimage is valgrind-clean: no invalid access, no use of uninitialised
# memory, no definite leak, on a full build, on the error paths and on the
# other subcommands (valgrind --error-exitcode).
. "$top_srcdir/tests/lib.sh"

command -v valgrind >/dev/null || skip_all "valgrind not found (Debian package valgrind)"
# ASan and valgrind cannot share a process: the sanitizer build is checked by ASan itself.
if ldd "$MKELFIMAGE" 2>/dev/null | grep -q 'libasan\|libubsan'; then
	skip_all "mkelfimage is built with --enable-sanitizers; ASan checks it instead"
fi
good=$PROBE_DIR/probe-2.15-reloc.bzImage
printf '070701 first initrd\n' >"$work/rd1.img"
printf '070701 second initrd, longer\n' >"$work/rd2.img"

# clean NAME EXPECTED_STATUS ARGS...: mkelfimage ARGS under valgrind exits
# with EXPECTED_STATUS and valgrind reports nothing (its own status is 99).
clean() {
	name=$1 want=$2
	shift 2
	status=0
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--log-file="$work/valgrind.log" "$MKELFIMAGE" "$@" >/dev/null 2>"$work/stderr" || status=$?
	if [ "$status" = "$want" ] && [ ! -s "$work/valgrind.log" ]; then
		tap_ok "valgrind-clean: $name"
	else
		tap_not_ok "valgrind-clean: $name" "exit status $status (want $want)" \
			"$(head -n 30 "$work/valgrind.log")" "$(head -n 3 "$work/stderr")"
	fi
}

clean "a build with two initrds, a command line and -v" 0 -v --kernel "$good" \
	--initrd "$work/rd1.img" --initrd "$work/rd2.img" --command-line "console=ttyS0 x=1" -o "$work/boot.elf"
clean "--plan" 0 --plan --kernel "$good" --initrd "$work/rd1.img"
clean "a build with --manifest and --verify-at-boot" 0 --kernel "$good" --initrd "$work/rd1.img" \
	--verify-at-boot --manifest "$work/boot.json" -o "$work/boot2.elf"
clean "inspect" 0 inspect "$work/boot.elf"
clean "inspect --json" 0 inspect "$work/boot.elf" --json
clean "a bad kernel (error path)" 1 --kernel "$work/rd1.img" -o "$work/bad.elf"
clean "a missing initrd (error path)" 1 --kernel "$good" --initrd "$work/none.img" -o "$work/bad.elf"
clean "an unknown option (usage error)" 1 --kernel "$good" --bogus
clean "--help" 0 --help
vmlinux=$PROBE_DIR/probe-vmlinux-i386
xz -T1 --check=crc32 -c "$vmlinux" >"$work/vmlinux.xz"
clean "a vmlinux, xz-compressed, with --digests and --manifest" 0 --kernel "$work/vmlinux.xz" \
	--initrd "$work/rd1.img" --digests --manifest "$work/vmlinux.json" -o "$work/vmlinux.elf"
clean "inspect of a vmlinux image" 0 inspect "$work/vmlinux.elf"
head -c 200 "$work/vmlinux.xz" >"$work/cut.xz"
clean "a cut xz vmlinux (error path)" 1 --kernel "$work/cut.xz" -o "$work/bad.elf"
clean "extract of a vmlinux image's kernel (refused)" 1 extract "$work/vmlinux.elf" --kernel "$work/k.out"
tap_done
