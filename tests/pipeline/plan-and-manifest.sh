#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --plan prints the layout and every rule checked and writes nothing;
# --manifest writes JSON (checked with python3's json module) whose segments,
# sizes and command line match the image readelf sees, and whose SHA-256
# digests match python's hashlib.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null || skip_all "python3 is needed to parse the JSON"
kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 5000 /dev/urandom >"$work/rd.img"
head -c 3 /dev/urandom >"$work/rd2.img"

"$MKELFIMAGE" --plan --kernel "$kernel" --initrd "$work/rd.img" --command-line "console=ttyS0" \
	-o "$work/never.elf" >"$work/plan" 2>"$work/plan.err"
check_eq "--plan exits 0 when every rule holds" 0 $?
check "--plan writes nothing, not even with -o" test ! -e "$work/never.elf"
check_eq "--plan leaves no temporary file" "plan plan.err rd.img rd2.img" "$(ls -A "$work" | tr '\n' ' ' | sed 's/ $//')"
check "--plan prints the segments" grep -Eq '^initrd +0x[0-9a-f]{8} 0x00001388 0x00001388$' "$work/plan"
check "--plan checks the 1 MiB rule with the lowest address" \
	grep -qx '  ok   every segment at or above 1 MiB: lowest 0x1000000 (loaders copy the lowest-to-highest span)' "$work/plan"
check "--plan checks initrd_addr_max with the numbers" \
	grep -Eq '^  ok   initrd 0x[0-9a-f]+-0x[0-9a-f]+ ends at or below initrd_addr_max 0x7fffffff \(boot.rst\)$' "$work/plan"
check "--plan checks the command line length" \
	grep -qx '  ok   command line 13 bytes, at most 2047 (the kernel.s cmdline_size, boot.rst)' "$work/plan"
check "--plan counts the rules" grep -Eq '^[0-9]+ rules checked, 0 failed; nothing written \(--plan\)$' "$work/plan"
"$MKELFIMAGE" --dry-run --kernel "$kernel" >"$work/dry" 2>&1
check "--dry-run is --plan, and needs no -o" grep -q 'rules checked, 0 failed' "$work/dry"

long=$(head -c 3000 /dev/zero | tr '\0' x)
"$MKELFIMAGE" --plan --kernel "$kernel" --command-line "$long" >"$work/bad" 2>&1
check_eq "--plan exits 1 when a rule fails" 1 $?
check "--plan names the broken rule" grep -q 'command line: 3000 bytes exceed the limit of 2047' "$work/bad"
"$MKELFIMAGE" --plan --manifest "$work/m.json" --kernel "$kernel" >/dev/null 2>"$work/both"
check_eq "--plan with --manifest is a usage error (exit 1)" 1 $?

# A command line with every kind of character JSON must escape.
cmdline=$(printf 'console=ttyS0 a="q\\\\b"\ttab \001 caf\303\251')
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --initrd "$work/rd2.img" \
	--command-line "$cmdline" -o "$work/boot.elf" --manifest "$work/boot.json"
check_eq "a build with --manifest exits 0" 0 $?
python3 - "$work/boot.json" "$work/boot.elf" >"$work/facts" <<'PY'
import json, os, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
print("schema", m["schema"])
print("output_size", m["output"]["size"], os.path.getsize(sys.argv[2]))
print("kernel_size", m["inputs"]["kernel"]["size"])
print("initrds", " ".join(str(i["size"]) for i in m["inputs"]["initrds"]))
print("initrd_addresses", " ".join(hex(i["address"]) for i in m["inputs"]["initrds"]))
print("segments", " ".join("%s:%#x:%#x:%#x:%#x" % (s["name"].replace(" ", "_"), s["address"], s["file_offset"],
      s["file_size"], s["memory_size"]) for s in sorted(m["segments"], key=lambda s: s["address"])))
print("entry", hex(m["boot"]["entry"]))
print("ramdisk", hex(m["boot"]["ramdisk_image"]), m["boot"]["ramdisk_size"])
import hashlib
def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()
print("digests", m["output"]["sha256"] == sha(sys.argv[2]),
      m["inputs"]["kernel"]["sha256"] == sha(m["inputs"]["kernel"]["path"]),
      all(i["sha256"] == sha(i["path"]) for i in m["inputs"]["initrds"]),
      m["inputs"]["command_line"]["sha256"] == hashlib.sha256(m["inputs"]["command_line"]["text"].encode()).hexdigest())
sys.stdout.buffer.write(b"cmdline " + m["inputs"]["command_line"]["text"].encode("utf-8") + b"\n")
PY
check_eq "the manifest parses as JSON with the schema name" "schema mkelfimage-manifest/1" "$(grep '^schema ' "$work/facts")"
size=$(file_size "$work/boot.elf")
check_eq "output.size is the image's size" "output_size $size $size" "$(grep '^output_size ' "$work/facts")"
check_eq "inputs.kernel.size is the kernel's size" "kernel_size $(file_size "$kernel")" "$(grep '^kernel_size ' "$work/facts")"
check_eq "inputs.initrds lists both initrds in order" "initrds 5000 3" "$(grep '^initrds ' "$work/facts")"
readelf_segments=$(LC_ALL=C readelf -lW "$work/boot.elf" | awk '$1 == "LOAD" { printf "%s:%s:%s:%s\n", $3, $2, $5, $6 }' |
	while IFS=: read -r addr off filesz memsz; do printf '%#x:%#x:%#x:%#x ' "$addr" "$off" "$filesz" "$memsz"; done)
check_eq "segments match the program headers readelf reads" "$readelf_segments" \
	"$(grep '^segments ' "$work/facts" | tr ' ' '\n' | sed -n 's/^[a-z_]*://p' | tr '\n' ' ')"
check_eq "boot.entry is the ELF entry point" \
	"entry $(LC_ALL=C readelf -hW "$work/boot.elf" | sed -n 's/^ *Entry point address: *//p')" "$(grep '^entry ' "$work/facts")"
first=$(grep '^initrd_addresses ' "$work/facts" | cut -d' ' -f2)
check_eq "the second initrd follows the first, padded to 4 bytes" \
	"initrd_addresses $first $(printf '%#x' $((first + 5000)))" "$(grep '^initrd_addresses ' "$work/facts")"
check_eq "boot.ramdisk_* cover the joined region" "ramdisk $first 5003" "$(grep '^ramdisk ' "$work/facts")"
check_eq "SHA-256 of the output, the kernel, each initrd and the command line (hashlib)" \
	"digests True True True True" "$(grep '^digests ' "$work/facts")"
printf 'cmdline %s\n' "$cmdline" >"$work/want"
grep -a '^cmdline ' "$work/facts" >"$work/got"
check "quotes, backslashes, a tab, a control byte and UTF-8 survive JSON" cmp "$work/want" "$work/got"
"$MKELFIMAGE" --kernel "$kernel" --command-line "$(printf 'raw\377')" -o "$work/raw.elf" --manifest "$work/raw.json"
check_eq "a byte that is not UTF-8 is written as U+0080..U+00FF" "raw\\xff" \
	"$(python3 -c 'import json, sys; print(ascii(json.load(open(sys.argv[1]))["inputs"]["command_line"]["text"])[1:-1])' "$work/raw.json")"

"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --initrd "$work/rd2.img" \
	--command-line "$cmdline" -o "$work/boot.elf" --manifest "$work/again.json"
check "the same build gives the same manifest" cmp "$work/boot.json" "$work/again.json"
"$MKELFIMAGE" --kernel "$kernel" --command-line "$long" -o "$work/fail.elf" --manifest "$work/fail.json" 2>/dev/null
check "a failed build writes neither image nor manifest" test ! -e "$work/fail.elf" -a ! -e "$work/fail.json"
tap_done
