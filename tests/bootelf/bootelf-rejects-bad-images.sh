#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# bootelf --dry-run on the host (no system call: nothing can be loaded):
# every bad image of tests/bootelf/README gives its exact error line and exit
# status 1 with nothing on stdout; the good images give a plan, and the
# --json plan is valid JSON with the segments, the multiboot information and
# the memory map of a fake machine (BOOTELF_SYSROOT), read from
# /sys/firmware/memmap or, without it, from /proc/iomem.
. "$top_srcdir/tests/lib.sh"

BOOTELF=$top_builddir/loader/bootelf
bad=$work/images
sh "$top_srcdir/tests/bootelf/make-bad-images.sh" "$top_builddir/tests/bootelf/mkelf" "$bad" ||
	{ echo "Bail out! cannot make the images"; exit 1; }

# The fake machine: RAM [0, 0x9fc00), reserved up to 1 MiB, RAM [1 MiB, 2 GiB).
root=$work/root
fake_memmap "$root"

# dry_run IMAGE [ARGS...]: bootelf --dry-run on the fake machine; sets status, got (stderr), plan (stdout)
dry_run() {
	_image=$1
	shift
	status=0
	BOOTELF_SYSROOT=$root "$BOOTELF" --dry-run "$@" "$_image" >"$work/stdout" 2>"$work/stderr" || status=$?
	got=$(cat "$work/stderr")
	plan=$(cat "$work/stdout")
}

# rejects FILE EXPECTED (after "bootelf: image 'FILE': ")
rejects() {
	dry_run "$bad/$1"
	_want="bootelf: image '$bad/$1': $2"
	if [ "$status" = 1 ] && [ "$got" = "$_want" ] && [ -z "$plan" ]; then
		tap_ok "rejects $1 with one line, exit status 1, no plan"
	else
		tap_not_ok "rejects $1 with one line, exit status 1, no plan" "exit status $status (want 1)" \
			"want: $_want" "got:  $got" "stdout: $(head -c 200 "$work/stdout")"
	fi
}

rejects not-elf.elf 'ELF header 0x0: no ELF magic (\177ELF): not an ELF file'
rejects empty.elf 'the file is empty'
rejects truncated.elf 'PT_LOAD 0x54: file bytes [0x2000, +0x1000) end past the file (10240 bytes)'
rejects overlap.elf 'PT_LOAD 0x54: program header 1 [0x1001000, 0x1002000) overlaps program header 0 [0x1000000, 0x1002000)'
rejects share-page.elf 'PT_LOAD 0x54: pages [0x1000000, 0x1001000) of program header 1 share a page with program header 0: kexec loads whole pages'
rejects too-many.elf 'program header table 0x34: 16 PT_LOAD segments, more than the 15 this loader takes'
rejects arm.elf 'ELF header 0x12: e_machine 40 is not one of EM_386, EM_X86_64'
rejects outside-ram.elf "PT_LOAD 0x34: [0xc0000000, 0xc0002000) is not inside the machine's RAM (memory map: $root/sys/firmware/memmap)"
rejects entry-above-4g.elf 'ELF header 0x18: e_entry 0x100000000 is not below 4 GiB: the image is entered in 32-bit mode'
rejects missing.elf 'cannot open: No such file or directory'

# json_value EXPRESSION: a value of the JSON plan in $work/stdout (python3).
json_value() {
	python3 -c "import json, sys; d = json.load(sys.stdin); print($1)" <"$work/stdout" 2>/dev/null
}

for class in 32 64; do
	dry_run "$bad/good$class.elf" --json --command-line "a=1 b"
	check_eq "good$class.elf: accepted, exit status 0, nothing on stderr" "0 " "$status $got"
	if ! command -v python3 >/dev/null 2>&1; then
		tap_skip "good$class.elf: the --json plan" "no python3 (install python3) to read JSON"
		continue
	fi
	check "good$class.elf: the --json plan is valid JSON (python3 -m json.tool)" \
		python3 -m json.tool "$work/stdout"
	check_eq "good$class.elf: class and machine" "$class $([ $class = 32 ] && echo EM_386 || echo EM_X86_64)" \
		"$(json_value '"%d %s" % (d["elf_class"], d["machine"])')"
	check_eq "good$class.elf: the image's two segments, then bootelf's just above them" \
		"image:0x1000000+0x2000 image:0x1002000+0x1000 bootelf:0x1003000+0x1000" \
		"$(json_value '" ".join("%s:%#x+%#x" % (s["source"], s["address"], s["memory_size"]) for s in d["segments"])')"
	check_eq "good$class.elf: multiboot command line and boot loader name" "a=1 b|bootelf" \
		"$(json_value '"%s|%s" % (d["multiboot"]["command_line"], d["multiboot"]["boot_loader_name"])')"
	check_eq "good$class.elf: the memory map is /sys/firmware/memmap's, types mapped" \
		"$root/sys/firmware/memmap 0x0-0x9fc00:ram 0x9fc00-0x100000:reserved 0x100000-0x80000000:ram" \
		"$(json_value 'd["memory_map"]["source"] + " " + " ".join("%#x-%#x:%s" % (e["start"], e["end"], e["type"]) for e in d["memory_map"]["entries"])')"
	check_eq "good$class.elf: multiboot info and kexec entry inside bootelf's segment" "True True" \
		"$(json_value '"%s %s" % (0x1003000 <= d["multiboot"]["info"] < 0x1004000, 0x1003000 <= d["kexec_entry"] < 0x1004000)')"
done

# Without /sys/firmware/memmap the map comes from /proc/iomem's top level.
rm -rf "$root/sys"
mkdir -p "$root/proc"
cat >"$root/proc/iomem" <<'EOF_IOMEM'
00000000-00000fff : Reserved
00001000-0009fbff : System RAM
000f0000-000fffff : Reserved
  000f0000-000fffff : System ROM
00100000-3fffffff : System RAM
  01000000-01ffffff : Kernel code
EOF_IOMEM
dry_run "$bad/good32.elf"
check_eq "good32.elf: with /proc/iomem only, accepted" "0 " "$status $got"
case $plan in
*"memory map ($root/proc/iomem): 4 entries"*) tap_ok "the plan's memory map is /proc/iomem's top level (4 entries)" ;;
*) tap_not_ok "the plan's memory map is /proc/iomem's top level (4 entries)" "$(head -n 3 "$work/stdout")" ;;
esac
rm -f "$root/proc/iomem"
dry_run "$bad/good32.elf"
check_eq "no memory map at all: a system error, exit status 2" \
	"2 bootelf: no memory map in $root/sys/firmware/memmap nor $root/proc/iomem (CONFIG_FIRMWARE_MEMMAP, root)" \
	"$status $got"

# A map that is there but wrong is named as it is, not as missing.
fake_memmap "$root"
i=3
while [ $i -lt 513 ]; do
	mkdir -p "$root/sys/firmware/memmap/$i"
	echo $((0x80000000 + i * 4096)) | xargs printf '0x%x\n' >"$root/sys/firmware/memmap/$i/start"
	echo $((0x80000000 + i * 4096 + 4095)) | xargs printf '0x%x\n' >"$root/sys/firmware/memmap/$i/end"
	echo "Reserved" >"$root/sys/firmware/memmap/$i/type"
	i=$((i + 1))
done
dry_run "$bad/good32.elf"
check_eq "a memory map of 513 entries: named, exit status 2" \
	"2 bootelf: memory map $root/sys/firmware/memmap: more than 512 entries" "$status $got"
rm -rf "$root/sys"
fake_memmap "$root"
echo 0x1000 >"$root/sys/firmware/memmap/2/end"
dry_run "$bad/good32.elf"
check_eq "an entry ending below its start: named, exit status 2" \
	"2 bootelf: memory map $root/sys/firmware/memmap: entry 2 ends at 0x1000, below its start 0x100000" \
	"$status $got"
rm -rf "$root/sys"
fake_memmap "$root"
mkdir -p "$root/sys/firmware/memmap/3"
echo 0x1001000 >"$root/sys/firmware/memmap/3/start"
echo 0x1001fff >"$root/sys/firmware/memmap/3/end"
echo "Reserved" >"$root/sys/firmware/memmap/3/type"
dry_run "$bad/good32.elf"
check_eq "a reserved range inside RAM: no segment is placed on it" \
	"1 bootelf: image '$bad/good32.elf': PT_LOAD 0x34: [0x1000000, 0x1002000) is not inside the machine's RAM (memory map: $root/sys/firmware/memmap)" \
	"$status $got"
tap_done
