#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# compare-builds.sh OLD_MKELFIMAGE NEW_MKELFIMAGE [PROBE_DIR]
#
# The "same bytes" check of a refactor that must not change behaviour
# (issue 12): build the images the test suite builds, and Debian's kernels
# if they are in the kernel cache, with two mkelfimage binaries, and compare
# the results byte for byte. Each case compares every file the two runs
# wrote and what they printed: the image, -v/--plan, --manifest, warnings
# and errors, exit statuses; then inspect and inspect --json, extract, and
# set-command-line and replace-initrd, which both binaries run on copies of
# the image the old binary built. Run by hand, never by make check; it
# stores no hashes, so issues that change the bytes on purpose need no
# update here.
#
#   make -C OLD_BUILD check_DATA          # the probe kernels and mkprobe
#   sh tests/tools/compare-builds.sh OLD_BUILD/mkelfimage/mkelfimage \
#       NEW_BUILD/mkelfimage/mkelfimage [OLD_BUILD/tests/probe]
#
# PROBE_DIR is a build tree's tests/probe (default: ../tests/probe next to
# OLD_MKELFIMAGE's folder). The Alpha probes come from PROBE_DIR/../alpha,
# Debian's kernels (cloud, generic amd64, 686) from $MKELFIMAGE_KERNEL_CACHE
# (default PROBE_DIR/../kernel/cache, as make check fills it); nothing is
# fetched. The data is fixed (seeded random bytes, cpio archives written
# here), so every run builds the same set. Both binaries run side by side
# with the same inputs, arguments and environment, each in a folder of its
# own with relative output names, so what they print does not differ by
# path. One thing is not compared: the random part of the scratch folder
# (mkelfimage-edit.XXXXXX) that today's edits name in their warnings.
#
# Output, one line per case: "same NAME", or "DIFFERENT NAME (FILE: first
# differing byte N; in cK)" (with both sizes when they differ), or
# "DIFFERENT NAME (exit status of STEP: old A, new B; in cK)"; "skip GROUP:
# reason" for a group that cannot run here; then the total and the time
# (about 1350 cases in 2.5 to 4 minutes on two busy cores). Exit status 0
# only if every case is the same, 1 if one differs, 2 if the check cannot
# run. The folders of the cases that differ (old/cK and new/cK: each
# step's .stdout, .stderr, .status and every file written) are kept with
# the inputs for a closer look; KEEP=1 keeps everything.
set -eu

fail() {
	echo "compare-builds: $*" >&2
	exit 2
}

[ $# -ge 2 ] && [ $# -le 3 ] || fail "usage: $0 OLD_MKELFIMAGE NEW_MKELFIMAGE [PROBE_DIR]"
# absolute FILE: FILE's path from /
absolute() {
	case $1 in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s/%s\n' "$(pwd)" "$1" ;;
	esac
}
OLD=$(absolute "$1")
NEW=$(absolute "$2")
for bin in "$OLD" "$NEW"; do
	[ -f "$bin" ] && [ -x "$bin" ] || fail "$bin: not an executable file"
done
PROBE=$(cd "${3:-$(dirname "$OLD")/../tests/probe}" 2>/dev/null && pwd) ||
	fail "no probe folder ${3:-$(dirname "$OLD")/../tests/probe}; give PROBE_DIR"
for f in probe-2.15-reloc.bzImage probe-2.02.bzImage probe-vmlinux-i386 probe-0x100000.bin \
	 probe-0x1000000.bin probe-0x100000.elf mkprobe; do
	[ -f "$PROBE/$f" ] || fail "$PROBE/$f is missing: make check_DATA in its build tree"
done
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
[ -f "$srcdir/templates/qemu.yaml" ] || fail "cannot find the source tree (templates/) from $0"
command -v python3 >/dev/null 2>&1 || fail "python3 is needed to write the test data"

LC_ALL=C
TZ=UTC
export LC_ALL TZ
started=$(date +%s)
work=$(mktemp -d "${TMPDIR:-/tmp}/compare-builds.XXXXXX")
IN=$work/in        # the inputs, shared by both binaries
IMG=$work/images   # images the old binary built, read by the subcommand cases
mkdir "$IN" "$IMG" "$work/old" "$work/new"
total=0 differ=0 skipped=0
cleanup() {
	if [ "${KEEP:-0}" = 1 ] || [ "$differ" -gt 0 ]; then
		echo "kept $work (old/ and new/: the cases that differ; in/: the inputs)"
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- The case machinery ----------------------------------------------------

# begin NAME: start a case. Its steps run in $work/old/cN and $work/new/cN.
begin() {
	case_name=$1
	case_dir=c$((total + 1))
	mkdir "$work/old/$case_dir" "$work/new/$case_dir"
}

# prep COMMAND...: run COMMAND in both folders of the case (copy an image to edit).
prep() {
	for _side in old new; do
		(cd "$work/$_side/$case_dir" && "$@") || fail "$case_name: '$*' failed"
	done
}

# run LABEL ARGS...: run the two binaries side by side, each with ARGS in
# its folder of the case (or in its subfolder $subdir); stdout, stderr and
# exit status go to LABEL.stdout, .stderr and .status in the case folder.
subdir=.
run() {
	_label=$1
	shift
	_o=$work/old/$case_dir _n=$work/new/$case_dir
	(cd "$_o/$subdir" && exec "$OLD" "$@" >"$_o/$_label.stdout" 2>"$_o/$_label.stderr" </dev/null) &
	_old_pid=$!
	(cd "$_n/$subdir" && exec "$NEW" "$@" >"$_n/$_label.stdout" 2>"$_n/$_label.stderr" </dev/null) &
	_new_pid=$!
	_status=0
	wait "$_old_pid" || _status=$?
	echo "$_status" >"$_o/$_label.status"
	_status=0
	wait "$_new_pid" || _status=$?
	echo "$_status" >"$_n/$_label.status"
}

# first_byte A B: the first byte (from 1) where files A and B differ, with
# their sizes when those differ.
first_byte() {
	_at=$(cmp "$1" "$2" 2>/dev/null | sed -n 's/.* differ: [a-z]* \([0-9]*\),.*/\1/p')
	_old_size=$(wc -c <"$1" | tr -d ' ')
	_new_size=$(wc -c <"$2" | tr -d ' ')
	if [ -z "$_at" ]; then
		# one is a prefix of the other
		_at=$((_old_size < _new_size ? _old_size + 1 : _new_size + 1))
	fi
	if [ "$_old_size" = "$_new_size" ]; then
		echo "$_at"
	else
		echo "$_at; old $_old_size bytes, new $_new_size"
	fi
}

# differs OLD_DIR NEW_DIR: nothing if both hold the same files with the same
# bytes; else the first difference (exit statuses first).
differs() {
	diff -r -q "$1" "$2" >/dev/null 2>&1 && return
	# Today's edits warn about an initrd under the name of its scratch copy,
	# TMPDIR/mkelfimage-edit.XXXXXX/initrd.N: the random part is not compared.
	for _f in "$1"/*.stderr "$2"/*.stderr; do
		if [ -f "$_f" ]; then
			sed 's|/mkelfimage-edit\.[A-Za-z0-9]\{6\}/|/mkelfimage-edit.XXXXXX/|g' "$_f" >"$_f.tmp"
			mv "$_f.tmp" "$_f"
		fi
	done
	diff -r -q "$1" "$2" >/dev/null 2>&1 && return
	(cd "$1" && find . -type f | sed 's|^\./||' | sort) >"$work/files.old"
	(cd "$2" && find . -type f | sed 's|^\./||' | sort) >"$work/files.new"
	_only=$(comm -3 "$work/files.old" "$work/files.new" | head -n 1)
	case $_only in
	"") ;;
	"	"*) echo "only new wrote ${_only#	}"; return ;;
	*) echo "only old wrote $_only"; return ;;
	esac
	while IFS= read -r _f; do
		case $_f in *.status) ;; *) continue ;; esac
		cmp -s "$1/$_f" "$2/$_f" ||
			{ echo "exit status of ${_f%.status}: old $(cat "$1/$_f"), new $(cat "$2/$_f")"; return; }
	done <"$work/files.old"
	while IFS= read -r _f; do
		cmp -s "$1/$_f" "$2/$_f" ||
			{ echo "$_f: first differing byte $(first_byte "$1/$_f" "$2/$_f")"; return; }
	done <"$work/files.old"
}

# end: compare the two folders of the case and print the verdict.
end() {
	total=$((total + 1))
	_why=$(differs "$work/old/$case_dir" "$work/new/$case_dir")
	if [ -z "$_why" ]; then
		echo "same $case_name"
		[ "${KEEP:-0}" = 1 ] || rm -rf "$work/old/$case_dir" "$work/new/$case_dir"
	else
		differ=$((differ + 1))
		echo "DIFFERENT $case_name ($_why; in $case_dir)"
	fi
}

# skip GROUP REASON: a group of cases that cannot run here.
skip() {
	skipped=$((skipped + 1))
	echo "skip $1: $2"
}

# build NAME ARGS...: one case, both binaries run with ARGS (which write the
# image to image.elf, if any). If the old binary wrote image.elf, three more
# cases read it: NAME: inspect, NAME: extract and NAME: edit.
build() {
	keep_image=yes
	build_only "$@"
	keep_image=no
	if [ -f "$IMG/$case_dir.elf" ]; then
		_name=$1 _image=$IMG/$case_dir.elf
		shift
		subcommands "$_name" "$_image" "$@"
		rm -f "$_image"
	fi
}

# build_only NAME ARGS...: build without the subcommand cases.
keep_image=no
build_only() {
	begin "$1"
	shift
	run build "$@"
	if [ "$keep_image" = yes ] && [ -f "$work/old/$case_dir/image.elf" ]; then
		ln "$work/old/$case_dir/image.elf" "$IMG/$case_dir.elf"
	fi
	end
}

EDIT_TEXT='console=ttyS0 edited=2 "quoted"'

# subcommands NAME IMAGE BUILD_ARGS...: inspect, extract and the two edits,
# each binary on the same IMAGE (or its own copy of it, for the edits).
subcommands() {
	_name=$1 _image=$2
	shift 2
	_initrds=
	_n=0
	for _arg in "$@"; do
		case $_arg in
		--initrd | -i) _n=$((_n + 1)) _initrds="$_initrds --initrd part.initrd$_n" ;;
		esac
	done
	begin "$_name: inspect"
	run inspect inspect "$_image"
	run inspect-json inspect "$_image" --json
	end
	begin "$_name: extract"
	# shellcheck disable=SC2086 # _initrds holds options and names without spaces
	run extract-parts extract "$_image" --command-line-file part.command-line $_initrds
	run extract-kernel extract "$_image" --kernel kernel
	run extract-vmlinux extract "$_image" --vmlinux vmlinux
	end
	begin "$_name: edit"
	# shellcheck disable=SC2016 # $1 is for that sh
	prep sh -c 'tee set-command-line.elf replace-initrd.elf both.elf <"$1" >/dev/null' sh "$_image"
	run set-command-line set-command-line set-command-line.elf "$EDIT_TEXT"
	run replace-initrd replace-initrd replace-initrd.elf "$IN/new.img"
	run both-replace-initrd replace-initrd both.elf "$IN/new.img" "$IN/rd3.img"
	run both-set-command-line set-command-line both.elf "$EDIT_TEXT"
	end
}

# --- Inputs: fixed data, the same on every run ------------------------------

python3 - "$IN" <<'EOF_PY'
import bz2, gzip, lzma, os, random, sys

out = sys.argv[1]

def put(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)

def rand(size, seed):
    """size bytes from a Mersenne Twister seeded with seed"""
    return random.Random(seed).getrandbits(8 * size).to_bytes(size, "little")

def pad4(b):
    b.extend(b"\0" * (-len(b) % 4))

def newc(files):
    """a newc cpio archive, all times and ids 0"""
    b = bytearray()
    for ino, (name, data, mode) in enumerate(files + [("TRAILER!!!", b"", 0)], 1):
        nm = name.encode() + b"\0"
        b += b"070701" + b"".join(b"%08X" % v for v in
                                  (ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(nm), 0))
        b += nm
        pad4(b)
        b += data
        pad4(b)
    return bytes(b)

def odc(files):
    """an old-format (odc) cpio archive"""
    b = bytearray()
    for ino, (name, data, mode) in enumerate(files + [("TRAILER!!!", b"", 0)], 1):
        nm = name.encode() + b"\0"
        b += b"070707" + b"".join(b"%06o" % v for v in (0, ino, mode, 0, 0, 1, 0))
        b += b"%011o%06o%011o" % (0, len(nm), len(data)) + nm + data
    return bytes(b)

# Random initrds; odd sizes exercise the padding between joined initrds.
for name, size, seed in [("rd1.img", 70001, 1), ("rd2.img", 3001, 2), ("rd3.img", 6, 3),
                         ("new.img", 12345, 4), ("rd5000.img", 5000, 5), ("rd-3b.img", 3, 6),
                         ("rd100000.img", 100000, 7), ("rd200003.img", 200003, 8),
                         ("rd300001.img", 300001, 9), ("rd1m.img", 1048579, 10),
                         ("rd16m.img", 16777219, 11), ("rd9m.img", 9000000, 12),
                         ("ucode.cpio", 1001, 13), ("main.cpio", 65537, 14),
                         ("rd77777.img", 77777, 15), ("rd123457.img", 123457, 16),
                         ("rd12345.img", 12345, 17)]:
    put(name, rand(size, seed))
put("tiny.img", b"070701 initrd\n")
put("rd2.cpio", b"070701rest-of-a-cpio")
numbers = b"".join(b"%d\n" % i for i in range(1, 60001))
cpio = newc([(".", b"", 0o40755), ("numbers.txt", numbers, 0o100644)])
put("rd.cpio", cpio)
put("second.cpio", newc([("second.txt", b"second initrd\n", 0o100644)]))
put("rd.gz", gzip.compress(cpio, 9, mtime=0))
put("rd32.xz", lzma.compress(cpio, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC32))
put("rd64.xz", lzma.compress(cpio, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC64))

# One initrd of each kind mkelfimage tells apart (formats/initrd_kind.c);
# the ones Python cannot write are a signature and random bytes.
junk = rand(4000, 20)
kinds = {
    "newc.cpio": cpio,
    "newc-crc.cpio": b"070702" + junk,
    "odc.cpio": odc([("numbers.txt", numbers[:5000], 0o100644)]),
    "binary.cpio": b"\xc7\x71" + junk,
    "binary-be.cpio": b"\x71\xc7" + junk,
    "gzip.gz": gzip.compress(cpio, 6, mtime=0),
    "old-gzip.gz": b"\x1f\x9e" + junk,
    "xz-crc32.xz": lzma.compress(cpio, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC32),
    "xz-crc64.xz": lzma.compress(cpio, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC64),
    "xz-none.xz": lzma.compress(cpio, format=lzma.FORMAT_XZ, check=lzma.CHECK_NONE),
    "xz-sha256.xz": lzma.compress(cpio, format=lzma.FORMAT_XZ, check=lzma.CHECK_SHA256),
    "zstd.zst": b"\x28\xb5\x2f\xfd" + junk,
    "lz4-legacy.lz4": b"\x02\x21\x4c\x18" + junk,
    "lz4-frame.lz4": b"\x04\x22\x4d\x18" + junk,
    "bzip2.bz2": bz2.compress(cpio, 9),
    "lzma.lzma": lzma.compress(cpio, format=lzma.FORMAT_ALONE),
    "lzo.lzo": b"\x89LZO\0\r\n\x1a\n" + junk,
    "ext2.img": bytes(1024 + 56) + b"\x53\xef" + junk,
    "squashfs.img": b"hsqs" + junk,
    "unknown.img": junk,
    "zeros.img": bytes(4096),
    "cut.gz": b"\x1f\x8b\x08\x00\x00\x00",
}
os.mkdir(os.path.join(out, "kinds"))
for name, data in kinds.items():
    put(os.path.join("kinds", name), data)

put("cmdline.txt", b'console=ttyS0 from=file "q"')
put("cmdline-x.txt", b"console=ttyS0 x=1")
put("cmdline-nl.txt", b"console=ttyS0 from=file\n")
put("two-newlines.txt", b"keep=\\n\n\n")
put("nul.txt", b"console=ttyS0\0init=/evil\n")
EOF_PY

# text N: a command line of exactly N bytes
text() {
	head -c "$1" /dev/zero | tr '\0' k
}
WEIRD=$(printf 'console=ttyS0 a="q\\\\b"\ttab \001 caf\303\251')
UTF8=$(printf 'console=ttyS0 q="a b" caf\303\251')

K215=$PROBE/probe-2.15-reloc.bzImage
K202=$PROBE/probe-2.02.bzImage
VML=$PROBE/probe-vmlinux-i386
LOW=$PROBE/probe-0x100000.bin
HIGH=$PROBE/probe-0x1000000.bin
python3 - "$VML" "$IN" <<'EOF_PY'
import gzip, lzma, os, sys
data = open(sys.argv[1], "rb").read()
open(os.path.join(sys.argv[2], "vmlinux.gz"), "wb").write(gzip.compress(data, 9, mtime=0))
open(os.path.join(sys.argv[2], "vmlinux.xz"), "wb").write(
    lzma.compress(data, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC32))
EOF_PY

# mkprobe NAME ARGS...: a probe bzImage in $IN/NAME.bzImage
mkprobe() {
	_out=$IN/$1.bzImage
	shift
	"$PROBE/mkprobe" "$@" -o "$_out" || fail "mkprobe $* failed"
}

# --- x86: each kernel kind, 0 to 3 initrds, each option --------------------

# Each kernel kind with 0 to 3 initrds, and with each option (or options
# that go together) after one initrd and a command line.
ALL_OPTIONS='-v
--manifest manifest.json
-v --manifest manifest.json --digests
--command-line-policy append
--command-line-policy fixed
--command-line-policy replace
--multiboot --pvh --elf-notes
--no-multiboot
--no-pvh
--no-elf-notes
--no-multiboot --no-pvh --no-elf-notes
--no-multiboot --multiboot
--elf-class 32
--elf-class 64
--elf-class 64 --manifest manifest.json -v
--digests
--verify-at-boot
--initrd-placement planned
--initrd-placement high
--verify-at-boot --initrd-placement high
--elf-class 64 --verify-at-boot --initrd-placement high --no-pvh --command-line-policy fixed
--compress-initrd none
--compress-initrd xz
--compress-initrd gzip
--max-size 16M
--max-size 1K
--arch x86'
SOME_OPTIONS='-v --manifest manifest.json --digests
--command-line-policy replace
--no-multiboot
--elf-class 64
--verify-at-boot --initrd-placement high
--compress-initrd xz'
for kernel in "bzImage 2.15:$K215" "bzImage 2.02:$K202" "vmlinux:$VML" \
	      "vmlinux.gz:$IN/vmlinux.gz" "vmlinux.xz:$IN/vmlinux.xz"; do
	kname=${kernel%%:*} k=${kernel#*:}
	build "$kname, no initrd" --kernel "$k" --command-line "console=ttyS0 x=1" -o image.elf
	build "$kname, 1 initrd" --kernel "$k" --initrd "$IN/rd1.img" --command-line "console=ttyS0 x=1" -o image.elf
	build "$kname, 2 initrds" --kernel "$k" --initrd "$IN/rd1.img" --initrd "$IN/rd2.img" \
		--command-line "console=ttyS0 x=1" -o image.elf
	build "$kname, 3 initrds" --kernel "$k" -i "$IN/rd1.img" --initrd "$IN/rd2.img" --initrd "$IN/rd3.img" \
		--command-line "console=ttyS0 x=1" -o image.elf
	build "$kname, no command line" --kernel "$k" --initrd "$IN/rd1.img" -o image.elf
	build "$kname, --command-line-file" --kernel "$k" --initrd "$IN/rd1.img" \
		--command-line-file "$IN/cmdline.txt" -o image.elf
	build "$kname, --append" --kernel "$k" --initrd "$IN/rd1.img" --append "console=ttyS0 a=1" -o image.elf
	build_only "$kname, --plan" --plan --kernel "$k" --initrd "$IN/rd1.img" --command-line console=ttyS0 \
		-o image.elf
	build_only "$kname, --dry-run" --dry-run -k "$k" --initrd "$IN/rd1.img" --initrd "$IN/rd2.img"
	options=$ALL_OPTIONS
	# the image of a gzip or xz vmlinux is the plain one's: fewer options
	case $kname in vmlinux.*) options=$SOME_OPTIONS ;; esac
	while read -r option; do
		set -f
		# shellcheck disable=SC2086 # one option or more, no spaces in their values
		set -- $option
		set +f
		build "$kname, $option" --kernel "$k" --initrd "$IN/rd1.img" --command-line "console=ttyS0 x=1" \
			"$@" -o image.elf
	done <<-EOF
	$options
	EOF
done

# --- x86: the option combinations of the test scripts ----------------------

# tests/pipeline/extract-and-edit.sh
build "extract-and-edit: 2 initrds, --no-pvh, policy fixed, --digests" --kernel "$K215" \
	--initrd "$IN/rd1.img" --initrd "$IN/rd2.img" --command-line-file "$IN/cmdline.txt" --no-pvh \
	--command-line-policy fixed --digests -o image.elf
build "extract-and-edit: 2 initrds, command line file" --kernel "$K215" --initrd "$IN/rd1.img" \
	--initrd "$IN/rd2.img" --command-line-file "$IN/cmdline.txt" -o image.elf
build "extract-and-edit: --verify-at-boot --initrd-placement high" --kernel "$K215" \
	--initrd "$IN/rd1.img" --verify-at-boot --initrd-placement high -o image.elf
# tests/pipeline/inspect-image.sh
build "inspect-image: a cpio second, UTF-8 command line, --digests" --kernel "$K215" \
	--initrd "$IN/rd1.img" --initrd "$IN/rd2.cpio" --command-line "$UTF8" --digests -o image.elf
# tests/pipeline/plan-and-manifest.sh
build_only "plan-and-manifest: --plan" --plan --kernel "$K215" --initrd "$IN/rd5000.img" \
	--command-line "console=ttyS0" -o image.elf
build_only "plan-and-manifest: --dry-run" --dry-run --kernel "$K215"
build_only "plan-and-manifest: --plan, a rule fails" --plan --kernel "$K215" --command-line "$(text 3000)"
build_only "plan-and-manifest: --plan --manifest" --plan --manifest m.json --kernel "$K215"
build "plan-and-manifest: --manifest, quotes, tab, control byte, UTF-8" --kernel "$K215" \
	--initrd "$IN/rd5000.img" --initrd "$IN/rd-3b.img" --command-line "$WEIRD" -o image.elf \
	--manifest manifest.json
build "plan-and-manifest: --manifest, a byte not UTF-8" --kernel "$K215" \
	--command-line "$(printf 'raw\377')" -o image.elf --manifest manifest.json
build_only "plan-and-manifest: a failed build with --manifest" --kernel "$K215" \
	--command-line "$(text 3000)" -o image.elf --manifest manifest.json
# tests/boot/multiboot-probe-initrds-and-cmdline-file.sh
build "initrds-and-cmdline-file: 3 initrds, a file ending in a newline" --kernel "$K215" \
	--initrd "$IN/ucode.cpio" --initrd "$IN/main.cpio" --initrd "$IN/rd3.img" \
	--command-line-file "$IN/cmdline-nl.txt" -o image.elf
build "initrds-and-cmdline-file: a file ending in two newlines" --kernel "$K215" \
	--command-line-file "$IN/two-newlines.txt" -o image.elf
# tests/boot/pvh-probe.sh
build "pvh-probe: --no-multiboot" --kernel "$K215" --initrd "$IN/rd200003.img" \
	--command-line "console=ttyS0 x=1" --no-multiboot -o image.elf
build "pvh-probe: --no-multiboot, no initrd" --kernel "$K215" --command-line "console=ttyS0" \
	--no-multiboot -o image.elf
build "pvh-probe: --no-pvh" --kernel "$K215" --no-pvh -o image.elf
build "pvh-probe: --no-pvh --no-elf-notes" --kernel "$K215" --no-pvh --no-elf-notes -o image.elf
# tests/boot/command-line-policy.sh
for headers in "" --no-multiboot; do
	for policy in append fixed replace; do
		# shellcheck disable=SC2086 # $headers is one option or none
		build "command-line-policy: $policy ${headers:-(multiboot)}" --kernel "$K215" \
			--command-line "built=in" $headers --command-line-policy "$policy" -o image.elf
	done
done
build_only "command-line-policy: an unknown policy" --kernel "$K215" --command-line-policy sideways -o image.elf
# tests/boot/placement-initrd-high.sh
mkprobe max --code "$HIGH" --protocol 2.15 --relocatable 1 --pref-address 0x1000000 \
	--code32-start 0x1000000 --initrd-addr-max 0x1fffffff
build "placement-initrd-high: 1 MiB initrd" --kernel "$K215" --initrd "$IN/rd1m.img" \
	--command-line "console=ttyS0" --initrd-placement high -o image.elf
build "placement-initrd-high: 1 MiB initrd, planned" --kernel "$K215" --initrd "$IN/rd1m.img" \
	--command-line "console=ttyS0" -o image.elf
build "placement-initrd-high: --no-multiboot" --kernel "$K215" --initrd "$IN/rd1m.img" \
	--command-line "console=ttyS0" --initrd-placement high --no-multiboot -o image.elf
build "placement-initrd-high: initrd_addr_max 0x1fffffff" --kernel "$IN/max.bzImage" \
	--initrd "$IN/rd1m.img" --initrd-placement high -o image.elf
build "placement-initrd-high: protocol 2.02" --kernel "$K202" --initrd "$IN/rd1m.img" \
	--initrd-placement high -o image.elf
build "placement-initrd-high: 16 MiB initrd" --kernel "$K215" --initrd "$IN/rd16m.img" \
	--initrd-placement high -o image.elf
# tests/boot/verify-at-boot-detects-corruption.sh
for options in --verify-at-boot --digests "--verify-at-boot --initrd-placement high"; do
	# shellcheck disable=SC2086 # options without spaces in their values
	build "verify-at-boot: bzImage $options" --kernel "$K215" --initrd "$IN/rd300001.img" \
		--command-line "console=ttyS0 v=1" $options -o image.elf
done
build "verify-at-boot: vmlinux --verify-at-boot" --kernel "$VML" --initrd "$IN/rd300001.img" \
	--command-line "console=ttyS0 v=1" --verify-at-boot -o image.elf
# tests/boot/elf64-pvh-probe.sh
build "elf64-pvh-probe: --elf-class 64 --digests" --kernel "$K215" --initrd "$IN/rd200003.img" \
	--command-line-file "$IN/cmdline-x.txt" --elf-class 64 --digests -o image.elf
build_only "elf64-pvh-probe: --multiboot --elf-class 64" --kernel "$K215" --multiboot --elf-class 64 \
	-o image.elf
build_only "elf64-pvh-probe: --elf-class 16" --kernel "$K215" --elf-class 16 -o image.elf
build_only "elf64-pvh-probe: --arch alpha --elf-class 32" --kernel "$K215" --arch alpha --elf-class 32 \
	-o image.elf
build "elf64-pvh-probe: --elf-class 64 --manifest" --kernel "$K215" --elf-class 64 -o image.elf \
	--manifest manifest.json
printf 'kernel: %s\ninitrd: %s\ncommand-line-file: %s\nelf-class: 64\ndigests: true\noutput: image.elf\n' \
	"$K215" "$IN/rd200003.img" "$IN/cmdline-x.txt" >"$IN/elf64.yaml"
begin "elf64-pvh-probe: template elf-class: 64"
prep cp "$IN/elf64.yaml" t.yaml
run build --template t.yaml
end
printf 'kernel: %s\nelf-class: 64\nmultiboot: true\noutput: image.elf\n' "$K215" >"$IN/mb.yaml"
build_only "elf64-pvh-probe: template multiboot with elf-class 64" --template "$IN/mb.yaml"
# tests/boot/vmlinux-probe-pvh.sh and tests/pipeline/vmlinux-edits.sh
old="console=ttyS0 old=1"
build "vmlinux-edits: ELF32, --digests" --kernel "$VML" --initrd "$IN/rd1.img" --initrd "$IN/rd2.img" \
	--command-line "$old" --digests -o image.elf
build "vmlinux-edits: policy fixed, --no-elf-notes" --kernel "$VML" --initrd "$IN/rd1.img" \
	--initrd "$IN/rd2.img" --command-line "$old" --command-line-policy fixed --no-elf-notes -o image.elf
build "vmlinux-edits: ELF64, --verify-at-boot, --initrd-placement high" --kernel "$VML" \
	--initrd "$IN/rd1.img" --initrd "$IN/rd2.img" --command-line "$old" --elf-class 64 --verify-at-boot \
	--initrd-placement high -o image.elf
build "vmlinux-edits: gzip vmlinux, --no-multiboot, policy replace" --kernel "$IN/vmlinux.gz" \
	--initrd "$IN/rd1.img" --initrd "$IN/rd2.img" --command-line "$old" --digests --no-multiboot \
	--command-line-policy replace -o image.elf
# extract --vmlinux, and a build from that minimal vmlinux
"$OLD" --kernel "$VML" --initrd "$IN/rd1.img" --command-line "$old" --digests -o "$IN/for-min.elf" &&
	"$OLD" extract "$IN/for-min.elf" --vmlinux "$IN/min.vmlinux" ||
	fail "the old binary cannot make a minimal vmlinux with extract --vmlinux"
build "vmlinux-edits: a build from extract --vmlinux" --kernel "$IN/min.vmlinux" --initrd "$IN/rd1.img" \
	--command-line "$old" -o image.elf
build_only "vmlinux-edits: a 2048-byte command line" --kernel "$VML" --command-line "$(text 2048)" -o image.elf
# tests/pipeline/compress-initrd.sh
build "compress-initrd: xz, with --manifest" --kernel "$K215" --initrd "$IN/rd.cpio" --compress-initrd xz \
	-o image.elf --manifest manifest.json
build "compress-initrd: gzip, with --manifest" --kernel "$K215" --initrd "$IN/rd.cpio" \
	--compress-initrd gzip -o image.elf --manifest manifest.json
build "compress-initrd: none, a gzip and an xz (CRC64) initrd" --kernel "$K215" --initrd "$IN/rd.gz" \
	--initrd "$IN/rd64.xz" --compress-initrd none -o image.elf --manifest manifest.json
build "compress-initrd: xz, from xz with CRC64" --kernel "$K215" --initrd "$IN/rd64.xz" \
	--compress-initrd xz -o image.elf --manifest manifest.json
build "compress-initrd: gzip, kept as it is" --kernel "$K215" --initrd "$IN/rd.gz" --compress-initrd gzip \
	-o image.elf --manifest manifest.json
build "compress-initrd: xz, kept as it is" --kernel "$K215" --initrd "$IN/rd32.xz" --compress-initrd xz \
	-o image.elf --manifest manifest.json
build "compress-initrd: xz, three initrds of three kinds" --kernel "$K215" --initrd "$IN/rd.gz" \
	--initrd "$IN/rd.cpio" --initrd "$IN/rd64.xz" --compress-initrd xz --digests -o image.elf
build_only "compress-initrd: an unknown kind" --kernel "$K215" --initrd "$IN/rd.cpio" --compress-initrd lzip \
	-o image.elf
# each initrd kind as it is, and through --compress-initrd
for file in "$IN"/kinds/*; do
	kind=$(basename "$file")
	build "initrd kind $kind" --kernel "$K215" --initrd "$file" -o image.elf --manifest manifest.json
	for compress in none gzip xz; do
		build_only "initrd kind $kind, --compress-initrd $compress" --kernel "$K215" --initrd "$file" \
			--compress-initrd "$compress" -o image.elf --manifest manifest.json
	done
done
# tests/pipeline/reproducible-anywhere.sh: relative inputs
begin "reproducible-anywhere: relative paths, --compress-initrd xz, --manifest"
prep mkdir in
prep cp "$K215" in/kernel
prep cp "$IN/rd.cpio" in/rd.cpio
run build --kernel in/kernel --initrd in/rd.cpio --command-line console=ttyS0 --compress-initrd xz \
	-o image.elf --manifest manifest.json
end
# tests/boot/multiboot-probe-2.02.sh, tests/fuzz/make-seeds.sh, tests/boot/pvh-module-above-4g.sh
build "multiboot-probe-2.02: a 240-byte --append" --kernel "$K202" --initrd "$IN/rd123457.img" \
	--append "$(text 240)" -o image.elf
build "make-seeds: protocol 2.02, --no-elf-notes --no-multiboot" --kernel "$K202" --no-elf-notes \
	--no-multiboot -o image.elf
mkprobe above4g --code "$HIGH" --protocol 2.15 --relocatable 1 --pref-address 0x1000000 \
	--kernel-alignment 0x200000 --init-size 0x800000 --xloadflags 0x3
build "pvh-module-above-4g: XLF_CAN_BE_LOADED_ABOVE_4G" --kernel "$IN/above4g.bzImage" \
	--command-line "console=ttyS0" -o image.elf

# --- x86: every boot protocol version mkprobe writes ------------------------

# tests/boot/multiboot-probe-old-protocols.sh
mkprobe p206-511 --code "$LOW" --protocol 2.06 --relocatable 1 --kernel-alignment 0x100000 --cmdline-size 511
build "old-protocols: 2.06 relocatable, a 511-byte command line" --kernel "$IN/p206-511.bzImage" \
	--initrd "$IN/rd77777.img" --command-line "$(text 511)" -v -o image.elf
build_only "old-protocols: 2.06, a 512-byte command line" --kernel "$IN/p206-511.bzImage" \
	--command-line "$(text 512)" -o image.elf
build "old-protocols: 2.02, a 255-byte command line" --kernel "$K202" --initrd "$IN/rd77777.img" \
	--command-line "$(text 255)" -v -o image.elf
build_only "old-protocols: 2.02, a 256-byte command line" --kernel "$K202" --command-line "$(text 256)" \
	-o image.elf
mkprobe p210-pref --code "$LOW" --protocol 2.10 --pref-address 0x1000000 --init-size 0x400000
build "old-protocols: 2.10 not relocatable, pref_address 16 MiB" --kernel "$IN/p210-pref.bzImage" \
	--initrd "$IN/rd77777.img" --command-line "console=ttyS0 v=210" -v -o image.elf
minor=2
while [ $minor -le 15 ]; do
	v=2.$(printf '%02d' $minor)
	mkprobe "p$v" --code "$LOW" --protocol "$v"
	build "protocol $v, not relocatable" --kernel "$IN/p$v.bzImage" --initrd "$IN/rd1.img" \
		--initrd "$IN/rd3.img" --command-line "console=ttyS0 v=$v" -v -o image.elf
	if [ $minor -ge 5 ]; then
		mkprobe "p$v-reloc" --code "$HIGH" --protocol "$v" --relocatable 1 --code32-start 0x1000000
		build "protocol $v, relocatable" --kernel "$IN/p$v-reloc.bzImage" --initrd "$IN/rd1.img" \
			--command-line "console=ttyS0 v=$v" -v --initrd-placement high -o image.elf
	fi
	minor=$((minor + 1))
done

# --- Templates ---------------------------------------------------------------

# tests/pipeline/shipped-templates.sh
for template in "$srcdir"/templates/*.yaml; do
	name=$(basename "$template")
	build "template $name" --template "$template" --kernel "$K215" --initrd "$IN/rd100000.img" -o image.elf
	build "template $name, a vmlinux" --template "$template" --kernel "$VML" --initrd "$IN/rd.cpio" \
		-o image.elf -v
done
build_only "template coreboot-payload.yaml over its budget" --template "$srcdir/templates/coreboot-payload.yaml" \
	--kernel "$K215" --initrd "$IN/rd9m.img" -o image.elf
# tests/pipeline/template-overrides-and-errors.sh: paths relative to the template
mkdir -p "$IN/tpl/data"
cp "$K215" "$IN/tpl/data/kernel.bzImage"
cp "$IN/rd1.img" "$IN/tpl/data/rd.img"
cp "$IN/rd2.img" "$IN/tpl/data/rd2.img"
cat >"$IN/tpl/image.yaml" <<'YAML'
kernel: data/kernel.bzImage
initrd:
  - data/rd.img
  - data/rd2.img
command-line: "console=ttyS0 from=template"
command-line-policy: append
output: out/boot.elf
verbose: false
max-size: 64K
YAML
mkdir "$IN/tpl/out"
begin "template-overrides: a template alone, output relative to it"
prep cp -R "$IN/tpl" tpl
prep mkdir elsewhere
subdir=elsewhere
run build --template ../tpl/image.yaml
subdir=.
end
begin "template-overrides: --initrd, --append, --manifest, -o override the template"
prep cp -R "$IN/tpl" tpl
run build --template tpl/image.yaml --initrd "$IN/new.img" --append "console=ttyS0 from=cli" \
	-o image.elf --manifest manifest.json
end
begin "template-overrides: --max-size 1K overrides the template's"
prep cp -R "$IN/tpl" tpl
run build --template tpl/image.yaml --max-size 1K -o image.elf
end
n=0
while IFS='|' read -r label yaml; do
	n=$((n + 1))
	printf '%b\n' "$yaml" >"$IN/bad$n.yaml"
	build_only "template error: $label" --template "$IN/bad$n.yaml" --kernel "$K215" -o image.elf
done <<'EOF'
unknown key|command-line: x\nkernal: a
a flag with a number|pvh: 3
a quoted "true"|multiboot: "true"
a list for a single-valued key|output: [a, b]
a mapping for initrd|initrd:\n  file: a
a mapping in the initrd list|initrd:\n  - a\n  - {b: c}
a key given twice|command-line: a\ncommand-line: b
a key without a value|command-line-policy:
the root is not a mapping|- kernel
a YAML syntax error|command-line: [a
--template in a template|template: other.yaml
a bad value|command-line-policy: sometimes
EOF
build_only "template error: a missing template" --template "$IN/missing.yaml" --kernel "$K215" -o image.elf

# --- Bad input: the exact error, the exit status, nothing written ----------

# tests/bad/reject-bad-input.sh, with its bad kernels
if sh "$srcdir/tests/bad/make-bad-kernels.sh" "$K215" "$PROBE/mkprobe" "$PROBE" "$IN/bad" >"$work/bad.log" 2>&1 &&
   sh "$srcdir/tests/bad/make-bad-vmlinux.sh" "$VML" "$IN/bad" >>"$work/bad.log" 2>&1; then
	for file in "$IN"/bad/*; do
		build_only "bad kernel $(basename "$file")" --kernel "$file" --initrd "$IN/tiny.img" --command-line x \
			-o image.elf
	done
	build_only "bad input: command line over cmdline_size 16" --kernel "$IN/bad/cmdline-size-16.bzImage" \
		--command-line 0123456789abcdefg -o image.elf
	truncate -s 32M "$IN/sparse-32m.img" && printf '070701' | dd of="$IN/sparse-32m.img" conv=notrunc 2>/dev/null
	build_only "bad input: initrd above initrd_addr_max" --kernel "$IN/bad/initrd-addr-max-32m.bzImage" \
		--initrd "$IN/sparse-32m.img" -o image.elf
else
	skip "bad kernels" "make-bad-kernels.sh or make-bad-vmlinux.sh failed: $(tail -n 1 "$work/bad.log")"
fi
mkprobe init-4g --code "$HIGH" --relocatable 1 --pref-address 0x1000000 --init-size 0xffffffff
build_only "bad input: init_size 0xffffffff, the image ends above 4 GiB" --kernel "$IN/init-4g.bzImage" -o image.elf
truncate -s 5G "$IN/sparse-5g.img" && printf '070701' | dd of="$IN/sparse-5g.img" conv=notrunc 2>/dev/null
build_only "bad input: a 5 GiB initrd" --kernel "$K215" --initrd "$IN/sparse-5g.img" -o image.elf
rm -f "$IN/sparse-5g.img"
mkdir "$IN/dir"
: >"$IN/empty.img"
printf 'x\n' >"$IN/x.txt"
while IFS='|' read -r label args; do
	set -f
	# shellcheck disable=SC2086 # the paths hold no spaces
	set -- $args
	set +f
	build_only "bad input: $label" "$@"
done <<EOF
a missing kernel|--kernel $IN/none.bzImage -o image.elf
a folder as the kernel|--kernel $IN/dir -o image.elf
a device as the kernel|--kernel /dev/null -o image.elf
a missing initrd|--kernel $K215 --initrd $IN/none.img -o image.elf
a folder as the initrd|--kernel $K215 --initrd $IN/dir -o image.elf
an empty initrd|--kernel $K215 --initrd $IN/empty.img -o image.elf
a NUL in the command line file|--kernel $K215 --command-line-file $IN/nul.txt -o image.elf
a missing command line file|--kernel $K215 --command-line-file $IN/none.txt -o image.elf
a folder as the command line file|--kernel $K215 --command-line-file $IN/dir -o image.elf
--command-line after --command-line-file|--kernel $K215 --command-line-file $IN/x.txt --command-line y -o image.elf
--command-line after --append|--kernel $K215 --append a --command-line b -o image.elf
no kernel|--initrd $IN/tiny.img -o image.elf
no output|--kernel $K215
an unknown option|--kernel $K215 --bogus -o image.elf
an option without its value|--kernel
--arch sparc|--arch sparc --kernel $K215 -o image.elf
--initrd-placement sideways|--kernel $K215 --initrd-placement sideways -o image.elf
--max-size nonsense|--kernel $K215 --max-size 12Q -o image.elf
a folder as the output|--kernel $K215 -o $IN/dir
a missing output folder|--kernel $K215 -o missing/image.elf
no arguments|
--help|--help
--version|--version
EOF
# the output is never one of the inputs, by any name
begin "bad input: the output is the kernel, the initrd, or a link to them"
prep cp "$K215" k.bzImage
prep cp "$IN/tiny.img" i.img
prep ln k.bzImage k-link.bzImage
prep ln -s i.img i-symlink.img
prep cp "$IN/x.txt" cl.txt
for out in k.bzImage i.img k-link.bzImage i-symlink.img; do
	run "output-$out" --kernel k.bzImage --initrd i.img -o "$out"
done
run output-command-line-file --kernel k.bzImage --command-line-file cl.txt -o cl.txt
run output-manifest --kernel k.bzImage --manifest m.elf -o m.elf
end
begin "bad input: an output that is a symbolic link is replaced"
prep sh -c 'printf "the link target\n" >target && ln -s target image.elf'
run build --kernel "$K215" -o image.elf
end

# tests/bad/subcommands-reject-bad-images.sh, with its bad images
"$OLD" --kernel "$K215" --initrd "$IN/tiny.img" --command-line console=ttyS0 --digests -o "$IN/good32.elf" &&
	"$OLD" --kernel "$K215" --initrd "$IN/tiny.img" --command-line console=ttyS0 --digests --elf-class 64 \
		-o "$IN/good64.elf" || fail "the old binary cannot build the images make-bad-images.sh starts from"
if sh "$srcdir/tests/bad/make-bad-images.sh" "$IN/good32.elf" "$IN/good64.elf" "$IN/bad-images" \
	>"$work/bad-images.log" 2>&1; then
	for image in "$IN/good32.elf" "$IN"/bad-images/*; do
		begin "bad-images: $(basename "$image")"
		run inspect inspect "$image"
		run inspect-json inspect --json "$image"
		run extract extract "$image" --kernel k --initrd i --command-line-file c
		run extract-vmlinux extract "$image" --vmlinux v
		prep cp "$image" edit1.elf
		prep cp "$image" edit2.elf
		run set-command-line set-command-line edit1.elf "console=ttyS0 new=1"
		run replace-initrd replace-initrd edit2.elf "$IN/rd2.img"
		end
	done
else
	skip "bad images" "make-bad-images.sh failed: $(tail -n 1 "$work/bad-images.log")"
fi
begin "subcommands: usage errors, other files"
run inspect-none inspect
run inspect-two inspect "$IN/good32.elf" "$IN/good64.elf"
run inspect-not-elf inspect "$K215"
run inspect-other-elf inspect --json "$PROBE/probe-0x100000.elf"
run extract-none extract
run extract-too-many extract "$IN/good32.elf" --initrd x1 --initrd x2
run extract-unknown extract "$IN/good32.elf" --bogus x
run set-command-line-none set-command-line "$IN/good32.elf"
run replace-initrd-none replace-initrd "$IN/good32.elf"
run unknown-subcommand frobnicate "$IN/good32.elf"
prep cp "$IN/good32.elf" long.elf
prep cp "$IN/good32.elf" missing.elf
run set-command-line-too-long set-command-line long.elf "$(text 3000)"
run replace-initrd-missing replace-initrd missing.elf "$IN/none.img"
end

# --- Alpha ------------------------------------------------------------------

ALPHA=$PROBE/../alpha/probe-0x1010000.elf
ALPHA_LEGACY=$PROBE/../alpha/probe-0x310000.elf
if [ ! -f "$ALPHA" ] || [ ! -f "$ALPHA_LEGACY" ]; then
	skip alpha "no Alpha probe kernels in $(dirname "$ALPHA") (built only with the alpha-linux-gnu toolchain: tests/alpha/local.mk)"
elif ! "$OLD" --arch alpha --kernel "$ALPHA" --plan >/dev/null 2>"$work/alpha.err"; then
	skip alpha "the old binary builds no Alpha image: $(head -n 1 "$work/alpha.err")"
else
	# tests/alpha/*.sh
	build "alpha: no initrd" --arch alpha --kernel "$ALPHA" --command-line "no-initrd" -o image.elf
	build "alpha: 1 initrd" --arch alpha --kernel "$ALPHA" --initrd "$IN/rd12345.img" \
		--command-line "console=ttyS0" -o image.elf
	build "alpha: 2 initrds" --arch alpha --kernel "$ALPHA" --initrd "$IN/rd300001.img" \
		--initrd "$IN/rd5000.img" --command-line "console=ttyS0" -o image.elf
	build "alpha: 3 initrds" --arch alpha --kernel "$ALPHA" --initrd "$IN/rd1.img" --initrd "$IN/rd2.img" \
		--initrd "$IN/rd3.img" -o image.elf
	build "alpha: -v" --arch alpha --kernel "$ALPHA" --initrd "$IN/rd12345.img" -v -o image.elf
	build_only "alpha: --plan" --arch alpha --kernel "$ALPHA" --initrd "$IN/rd12345.img" --plan
	build "alpha: --elf-class 64" --arch alpha --kernel "$ALPHA" --elf-class 64 -o image.elf
	build "alpha: --command-line-file" --arch alpha --kernel "$ALPHA" --command-line-file "$IN/cmdline.txt" \
		-o image.elf
	for policy in append fixed replace; do
		build "alpha: --command-line-policy $policy" --arch alpha --kernel "$ALPHA" \
			--command-line "console=ttyS0 from=image" --command-line-policy "$policy" -o image.elf
	done
	build "alpha: a 250-character command line" --arch alpha --kernel "$ALPHA" --command-line "$(text 250)" \
		-o image.elf
	build_only "alpha: a 256-character command line" --arch alpha --kernel "$ALPHA" \
		--command-line "$(text 256)" -o image.elf
	build "alpha: legacy start address, 2 initrds" --arch alpha --kernel "$ALPHA_LEGACY" \
		--initrd "$IN/rd1.img" --initrd "$IN/rd5000.img" --command-line legacy -o image.elf
	build "alpha: --no-multiboot --no-pvh --no-elf-notes" --arch alpha --kernel "$ALPHA" --no-multiboot \
		--no-pvh --no-elf-notes -o image.elf
	build "alpha: --digests" --arch alpha --kernel "$ALPHA" --initrd "$IN/rd1.img" --digests -o image.elf
	build "alpha: --compress-initrd xz" --arch alpha --kernel "$ALPHA" --initrd "$IN/rd.cpio" \
		--compress-initrd xz -o image.elf
	build_only "alpha: --max-size 1M" --arch alpha --kernel "$ALPHA" --initrd "$IN/rd12345.img" \
		--max-size 1M -o image.elf
	build_only "alpha: --max-size 1K" --arch alpha --kernel "$ALPHA" --initrd "$IN/rd12345.img" \
		--max-size 1K -o image.elf
	for options in "--manifest m.json" --verify-at-boot "--initrd-placement high" "--elf-class 32" \
		       "--template $srcdir/templates/qemu.yaml"; do
		# shellcheck disable=SC2086 # options without spaces in their values
		build_only "alpha: $options" --arch alpha --kernel "$ALPHA" $options -o image.elf
	done
	build_only "alpha: an x86 bzImage" --arch alpha --kernel "$K215" -o image.elf
	build_only "alpha: an x86 vmlinux" --arch alpha --kernel "$VML" -o image.elf
	head -c 40 "$ALPHA" >"$IN/alpha-short"
	head -c 70000 "$ALPHA" >"$IN/alpha-cut"
	build_only "alpha: a truncated ELF header" --arch alpha --kernel "$IN/alpha-short" -o image.elf
	build_only "alpha: segment bytes past the end" --arch alpha --kernel "$IN/alpha-cut" -o image.elf
	build_only "alpha: the Alpha probe as an x86 kernel" --kernel "$ALPHA" -o image.elf
fi

# --- Debian's kernels, from the kernel cache --------------------------------

CACHE=${MKELFIMAGE_KERNEL_CACHE:-$PROBE/../kernel/cache}
BUILTIN="console=ttyS0 panic=-1 mkelfimage.test=1"

# debian_kernel META: the vmlinuz of the package META resolved to in the cache
debian_kernel() {
	[ -f "$CACHE/$1.package" ] || return 1
	for _v in "$CACHE/$(cat "$CACHE/$1.package")"/boot/vmlinuz-*; do
		[ -f "$_v" ] && echo "$_v" && return 0
	done
	return 1
}

for meta in linux-image-cloud-amd64 linux-image-amd64 linux-image-686; do
	if ! kernel=$(debian_kernel "$meta"); then
		skip "Debian $meta" "not in the kernel cache $CACHE (make check fetches it; MKELFIMAGE_KERNEL_CACHE names another cache)"
		continue
	fi
	name=$(basename "$kernel")
	build "$name: initrd, command line" --kernel "$kernel" --initrd "$IN/rd.cpio" --command-line "$BUILTIN" \
		-o image.elf
	build "$name: no initrd, -v, --manifest" --kernel "$kernel" --command-line "$BUILTIN" -v -o image.elf \
		--manifest manifest.json
	build "$name: 2 initrds" --kernel "$kernel" --initrd "$IN/rd.cpio" --initrd "$IN/second.cpio" \
		--command-line "$BUILTIN" -o image.elf
	build "$name: --compress-initrd xz" --kernel "$kernel" --initrd "$IN/rd.cpio" --compress-initrd xz \
		--command-line "$BUILTIN" -o image.elf
	build "$name: --no-multiboot" --kernel "$kernel" --initrd "$IN/rd.cpio" --command-line "$BUILTIN" \
		--no-multiboot -o image.elf
	build "$name: --verify-at-boot --initrd-placement high" --kernel "$kernel" --initrd "$IN/rd.cpio" \
		--command-line "$BUILTIN" --verify-at-boot --initrd-placement high -o image.elf
	build "$name: --elf-class 64 --digests" --kernel "$kernel" --initrd "$IN/rd.cpio" --elf-class 64 \
		--digests -o image.elf
	# its vmlinux (tests/kernel/debian-vmlinux-pvh-boots.sh)
	vmlinux=$IN/$name.vmlinux
	if ! sh "$srcdir/tests/kernel/extract-vmlinux.sh" "$kernel" "$vmlinux" 2>"$work/extract.err"; then
		skip "Debian $name vmlinux" "extract-vmlinux.sh: $(head -n 1 "$work/extract.err")"
		continue
	fi
	python3 - "$vmlinux" <<'EOF_PY'
import gzip, lzma, sys
data = open(sys.argv[1], "rb").read()
open(sys.argv[1] + ".gz", "wb").write(gzip.compress(data, 1, mtime=0))
open(sys.argv[1] + ".xz", "wb").write(lzma.compress(data, format=lzma.FORMAT_XZ,
                                                    check=lzma.CHECK_CRC32, preset=0))
EOF_PY
	for input in "$vmlinux" "$vmlinux.gz" "$vmlinux.xz"; do
		build "$(basename "$input"): initrd, command line" --kernel "$input" --initrd "$IN/rd.cpio" \
			--command-line "$BUILTIN" -o image.elf
	done
	build "$name.vmlinux: -v, --manifest" --kernel "$vmlinux" --initrd "$IN/rd.cpio" --command-line "$BUILTIN" \
		-v -o image.elf --manifest manifest.json
	build "$name.vmlinux: --no-multiboot" --kernel "$vmlinux" --initrd "$IN/rd.cpio" \
		--command-line "$BUILTIN" --no-multiboot -o image.elf
	build "$name.vmlinux: --verify-at-boot" --kernel "$vmlinux" --initrd "$IN/rd.cpio" \
		--command-line "$BUILTIN" --verify-at-boot -o image.elf
	build "$name.vmlinux: --elf-class 64 --digests" --kernel "$vmlinux" --initrd "$IN/rd.cpio" \
		--elf-class 64 --digests -o image.elf
	rm -f "$vmlinux" "$vmlinux.gz" "$vmlinux.xz"
done

same=$((total - differ))
echo "compare-builds: $total cases, $same same, $differ DIFFERENT, $skipped groups skipped," \
	"$(($(date +%s) - started)) s (old $OLD, new $NEW)"
[ "$differ" -eq 0 ] || exit 1
