#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --template FILE.yaml: keys are long option names; paths in a template are
# relative to the template's directory; command-line options override
# template values (per option group); unknown keys, wrong types and bad YAML
# are errors naming file:line:column. The image a template builds boots
# (QEMU -kernel, probe kernel) with the template's command line and initrd.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/boot/probe-checks.sh"

mkdir -p "$work/tpl/data" "$work/elsewhere"
cp "$PROBE_DIR/probe-2.15-reloc.bzImage" "$work/tpl/data/kernel.bzImage"
head -c 40000 /dev/urandom >"$work/tpl/data/rd.img"
head -c 777 /dev/urandom >"$work/tpl/data/rd2.img"
head -c 5000 /dev/urandom >"$work/cli.img"
cat >"$work/tpl/image.yaml" <<'YAML'
# a template next to its inputs
kernel: data/kernel.bzImage
initrd:
  - data/rd.img
  - data/rd2.img
command-line: "console=ttyS0 from=template"
command-line-policy: append
output: out/boot.elf
verbose: false
max-size: 128K
YAML
mkdir "$work/tpl/out"

# From another directory: paths resolve against the template's directory.
(cd "$work/elsewhere" && "$MKELFIMAGE" --template ../tpl/image.yaml) 2>"$work/err1"
check_eq "a template alone builds the image (exit 0)" 0 $?
check "output: in the template is relative to the template's directory" test -s "$work/tpl/out/boot.elf"
"$MKELFIMAGE" --template "$work/tpl/image.yaml" --manifest "$work/m.json" -o "$work/same.elf"
check "the same template gives the same bytes from another directory" cmp "$work/tpl/out/boot.elf" "$work/same.elf"
check_eq "the template's initrd list is used in order (manifest)" "40000 777" \
	"$(python3 -c 'import json,sys; print(" ".join(str(i["size"]) for i in json.load(open(sys.argv[1]))["inputs"]["initrds"]))' "$work/m.json")"

# Overrides: --initrd replaces the template's list, --append the command line.
"$MKELFIMAGE" --template "$work/tpl/image.yaml" --initrd "$work/cli.img" --append "console=ttyS0 from=cli" \
	-o "$work/override.elf" --manifest "$work/o.json"
check_eq "--initrd on the command line replaces the template's initrds" "5000" \
	"$(python3 -c 'import json,sys; print(" ".join(str(i["size"]) for i in json.load(open(sys.argv[1]))["inputs"]["initrds"]))' "$work/o.json")"
check_eq "--append overrides the template's command-line (same group)" "console=ttyS0 from=cli" \
	"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["inputs"]["command_line"]["text"])' "$work/o.json")"
"$MKELFIMAGE" --template "$work/tpl/image.yaml" --max-size 1K -o "$work/small.elf" 2>"$work/err2"
check_eq "--max-size on the command line overrides the template's (exit 1)" 1 $?
check "--max-size names the overshoot" grep -Eq "bytes exceed --max-size 1024 by [0-9]+ bytes; nothing written" "$work/err2"
check "--max-size: no output" test ! -e "$work/small.elf"

# 40000 is a multiple of 4: the region is the two files back to back.
cat "$work/tpl/data/rd.img" "$work/tpl/data/rd2.img" >"$work/joined.img"
booted=0
for qemu in $(qemu_binaries); do
	name=$(basename "$qemu")
	boot_image "$qemu" "$work/tpl/out/boot.elf" "$work/$name.tpl" -append "qemu=1"
	check_probe_report "$name, image from a template" "$work/$name.tpl" \
		"console=ttyS0 from=template qemu=1" "$work/joined.img" 0x20f
	boot_image "$qemu" "$work/override.elf" "$work/$name.override"
	check_eq "$name: the overridden command line boots" "console=ttyS0 from=cli" \
		"$(report_value cmdline "$work/$name.override")"
	check_eq "$name: the overriding initrd boots (CRC-32)" "$("$CRC32" "$work/cli.img")" \
		"$(report_value initrd_crc32 "$work/$name.override")"
	booted=1
	break
done
[ "$booted" = 1 ] || tap_skip "boot an image built from a template" "no qemu-system-x86 (install qemu-system-x86)"

# bad_template NAME YAML EXPECTED_MESSAGE: exit 1, the message, no output.
bad_template() {
	printf '%s\n' "$2" >"$work/bad.yaml"
	"$MKELFIMAGE" --template "$work/bad.yaml" --kernel "$work/tpl/data/kernel.bzImage" \
		-o "$work/bad.elf" >"$work/bad.out" 2>"$work/bad.err"
	_status=$?
	if [ "$_status" = 1 ] && grep -qxF "$3" "$work/bad.err" && [ ! -e "$work/bad.elf" ]; then
		tap_ok "$1"
	else
		tap_not_ok "$1" "exit $_status, expected 1" "expected: $3" "got:      $(cat "$work/bad.err")"
	fi
}
bad_template "unknown key: file:line:column" "command-line: x
kernal: a" "mkelfimage: template '$work/bad.yaml':2:1: unknown key 'kernal': keys are long option names (mkelfimage --help)"
bad_template "a flag with a number" "pvh: 3" \
	"mkelfimage: template '$work/bad.yaml':1:6: key 'pvh' is a flag: true or false, found a scalar '3'"
bad_template "a quoted \"true\" is a string, not a flag" 'multiboot: "true"' \
	"mkelfimage: template '$work/bad.yaml':1:12: key 'multiboot' is a flag: true or false, found a scalar 'true'"
bad_template "a list for a single-valued key" "output: [a, b]" \
	"mkelfimage: template '$work/bad.yaml':1:1: key 'output' takes a scalar, found a sequence"
bad_template "a mapping for initrd" "initrd:
  file: a" "mkelfimage: template '$work/bad.yaml':1:1: key 'initrd' takes a scalar or a sequence, found a mapping"
bad_template "a mapping inside the initrd list" "initrd:
  - a
  - {b: c}" "mkelfimage: template '$work/bad.yaml':3:5: key 'initrd': a list item must be a scalar, found a mapping"
bad_template "a key given twice" "command-line: a
command-line: b" "mkelfimage: template '$work/bad.yaml':2:1: key 'command-line' given twice (first at line 1)"
bad_template "a key without a value" "command-line-policy:" \
	"mkelfimage: template '$work/bad.yaml':1:21: key 'command-line-policy' needs a value (POLICY)"
bad_template "the root is not a mapping" "- kernel" \
	"mkelfimage: template '$work/bad.yaml':1:1: the template must be a mapping of option names to values, found a sequence"
bad_template "YAML syntax error with its position" "command-line: [a" \
	"mkelfimage: template '$work/bad.yaml':2:1: did not find expected ',' or ']' while parsing a flow sequence"
bad_template "--template inside a template is unknown" "template: other.yaml" \
	"mkelfimage: template '$work/bad.yaml':1:1: unknown key 'template': keys are long option names (mkelfimage --help)"
printf 'command-line-policy: sometimes\n' >"$work/bad.yaml"
"$MKELFIMAGE" --template "$work/bad.yaml" --kernel "$work/tpl/data/kernel.bzImage" -o "$work/bad.elf" 2>"$work/bad.err"
check_eq "a bad value: the option's own error (exit 1)" 1 $?
check_eq "a bad value: the option's message, then where it came from" \
	"mkelfimage: --command-line-policy 'sometimes': use append, fixed or replace
mkelfimage: template '$work/bad.yaml':1:22: in key 'command-line-policy'" "$(cat "$work/bad.err")"
"$MKELFIMAGE" --template "$work/missing.yaml" --kernel "$work/tpl/data/kernel.bzImage" -o "$work/bad.elf" 2>"$work/bad.err"
check_eq "a missing template: exit 1 and its name" \
	"1 mkelfimage: template '$work/missing.yaml': cannot open: No such file or directory" "$? $(cat "$work/bad.err")"

# Hostile templates: refused as other inputs are, in time linear in the file.
bad_template "a second YAML document is refused, not ignored" "command-line: a
---
command-line: b" "mkelfimage: template '$work/bad.yaml':3:1: a second YAML document; a template is one mapping"
bad_template "a syntax error in a second document" "command-line: a
---
[ b" "mkelfimage: template '$work/bad.yaml':4:1: did not find expected ',' or ']' while parsing a flow sequence"
deep=$(python3 -c 'print("command-line: " + "[" * 20000 + "]" * 20000)')
bad_template "20000 nested [ stop at the 17th" "$deep" \
	"mkelfimage: template '$work/bad.yaml':1:31: more than 16 nested [ or {; a template is flat"
bad_template "brackets in quotes and comments do not nest" "command-line: \"[[[[[[[[[[[[[[[[[[\" # [[[[[[[[[[[[[[[[[[
kernal: x" "mkelfimage: template '$work/bad.yaml':2:1: unknown key 'kernal': keys are long option names (mkelfimage --help)"
python3 -c 'print("\n".join("key%d: v" % i for i in range(50000)) + "\nkey7: again")' >"$work/many.yaml"
"$MKELFIMAGE" --template "$work/many.yaml" --kernel "$work/tpl/data/kernel.bzImage" -o "$work/bad.elf" 2>"$work/bad.err"
check_eq "50000 keys and a repeat: the repeat is found (file order), exit 1" \
	"1 mkelfimage: template '$work/many.yaml':50001:1: key 'key7' given twice (first at line 8)" \
	"$? $(cat "$work/bad.err")"
mkfifo "$work/fifo.yaml"
"$MKELFIMAGE" --template "$work/fifo.yaml" --kernel "$work/tpl/data/kernel.bzImage" -o "$work/bad.elf" 2>"$work/bad.err"
check_eq "a FIFO template is refused at once, not read forever" \
	"1 mkelfimage: template '$work/fifo.yaml': not a regular file" "$? $(cat "$work/bad.err")"
"$MKELFIMAGE" --template "$work/tpl" --kernel "$work/tpl/data/kernel.bzImage" -o "$work/bad.elf" 2>"$work/bad.err"
check_eq "a directory as the template" \
	"1 mkelfimage: template '$work/tpl': is a directory, not a file" "$? $(cat "$work/bad.err")"
check "no image from any of them" test ! -e "$work/bad.elf"
tap_done
