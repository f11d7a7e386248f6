#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# For pipelines (issue 19): --plan --json gives the same segments and boot
# fields as the manifest of that build, a schema and every rule, and the
# exit status of --plan; --json goes only with --plan. Manifest paths do
# not depend on how the tool was invoked: normalised, and with
# --manifest-base DIR relative to DIR from any directory. The minimum RAM
# says what it leaves out; --help names every kernel kind.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || skip_all "no python3 (install python3)"

mkdir -p "$work/src/kernels" "$work/src/rd" "$work/out"
cp "$PROBE_DIR/probe-2.15-reloc.bzImage" "$work/src/kernels/bzImage"
head -c 40000 /dev/urandom >"$work/src/rd/rd.img"
echo "console=ttyS0 x=1" >"$work/src/cmdline"

(cd "$work/src" && "$MKELFIMAGE" --kernel kernels/bzImage --initrd rd/rd.img --command-line-file cmdline \
	--plan --json >"$work/plan.json")
check_eq "--plan --json exits 0 for a plan whose rules hold" 0 "$?"
(cd "$work/src" && "$MKELFIMAGE" --kernel kernels/bzImage --initrd rd/rd.img --command-line-file cmdline \
	-o ../out/boot.elf --manifest ../out/boot.json)
check_eq "the plan's segments and boot fields are the manifest's" "same" "$(python3 - "$work/plan.json" "$work/out/boot.json" <<'PY'
import json, sys
plan, man = (json.load(open(f)) for f in sys.argv[1:3])
print("same" if plan["segments"] == man["segments"] and plan["boot"] == man["boot"] else (plan, man))
PY
)"
check_eq "--plan --json: schema, class, file size of the image it would write, rules" \
	"mkelfimage-plan/1 32 $(file_size "$work/out/boot.elf") True 0" "$(python3 - "$work/plan.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
print(p["schema"], p["elf_class"], p["file_size"],
      all(r["result"] in ("ok", "does not apply") for r in p["rules"]) and p["rules_checked"] > 5, p["rules_broken"])
PY
)"
"$MKELFIMAGE" --kernel "$work/src/kernels/bzImage" --initrd "$work/src/rd/rd.img" --max-size 4K --plan --json \
	>"$work/broken.json" 2>"$work/broken.err"
check_eq "--plan --json with a broken rule: exit 1, the rule marked broken, one line on stderr" \
	"1 broken 1 mkelfimage: image: $(file_size "$work/out/boot.elf") bytes exceed --max-size 4096 by $(($(file_size "$work/out/boot.elf") - 4096)) bytes; nothing written" \
	"$? $(python3 -c 'import json,sys
p = json.load(open(sys.argv[1])); print([r["result"] for r in p["rules"] if "max-size" in r["rule"]][0], p["rules_broken"])' "$work/broken.json") $(cat "$work/broken.err")"
msg=$("$MKELFIMAGE" --kernel "$work/src/kernels/bzImage" --json -o "$work/x.elf" 2>&1)
check_eq "--json without --plan: usage error" "1 mkelfimage: --json goes with --plan (a build's facts are in --manifest)" "$? $msg"
check "no image from it" test ! -e "$work/x.elf"

# manifest paths
paths() {
	python3 -c 'import json,sys
m = json.load(open(sys.argv[1]))
print(m["output"]["path"], m["inputs"]["kernel"]["path"], m["inputs"]["initrds"][0]["path"], m["inputs"]["command_line"]["file"])' "$1"
}
check_eq "paths are normalised as given" "../out/boot.elf kernels/bzImage rd/rd.img cmdline" "$(paths "$work/out/boot.json")"
(cd "$work/src/kernels" && "$MKELFIMAGE" --kernel ./bzImage --initrd ..//rd/./rd.img --command-line-file ../cmdline \
	-o ../../out/b1.elf --manifest "$work/out/m1.json" --manifest-base ..)
(cd "$work" && "$MKELFIMAGE" --kernel "$work/src/kernels/bzImage" --initrd src/rd/rd.img \
	--command-line-file src/kernels/../cmdline -o out/b1.elf --manifest out/m2.json --manifest-base "$work/src")
check_eq "--manifest-base: paths relative to it" "../out/b1.elf kernels/bzImage rd/rd.img cmdline" "$(paths "$work/out/m1.json")"
check "--manifest-base: the same manifest from another directory, relative or absolute inputs" \
	cmp "$work/out/m1.json" "$work/out/m2.json"
msg=$("$MKELFIMAGE" --kernel "$work/src/kernels/bzImage" --manifest-base "$work" -o "$work/y.elf" 2>&1)
check_eq "--manifest-base without --manifest: usage error" "1 mkelfimage: --manifest-base goes with --manifest FILE" "$? $msg"

# minimum RAM and --help
check "the plan's minimum RAM says it is the image's memory only" sh -c \
	"'$MKELFIMAGE' --kernel '$work/src/kernels/bzImage' --plan | grep -q '^minimum RAM: [0-9]* MiB (the image.s segments only; the kernel needs more to run, and to unpack an initramfs'"
check_eq "the manifest says what minimum_ram covers" "True" "$(python3 -c 'import json,sys
b = json.load(open(sys.argv[1]))["boot"]; print("initramfs" in b["minimum_ram_covers"] and b["minimum_ram"] > 0)' "$work/out/boot.json")"
check "--help names the vmlinux input" sh -c "'$MKELFIMAGE' --help | grep -q -- '--kernel FILE.*bzImage or vmlinux'"
tap_done
