#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --elf-class 64: the same x86 image as ELF64 (ELFCLASS64, EM_X86_64,
# ET_EXEC) for PVH VMMs that load only ELF64 (Firecracker, Cloud Hypervisor
# through rust-vmm linux-loader): no multiboot header (QEMU refuses an ELF64
# image carrying one), one PT_NOTE last in the program headers (linux-loader
# keeps the last PT_NOTE's answer) with an 8-byte Xen PHYS32_ENTRY desc (QEMU
# up to 9.1 reads 8 bytes for ELF64). qemu-system-x86_64 -kernel boots it
# through PVH; qemu-system-i386 refuses ELF64 EM_X86_64 (its ELF loader takes
# EM_386 only). inspect, extract, the edits, --manifest, templates and
# bootelf --dry-run read it.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"

command -v readelf >/dev/null || skip_all "no readelf (install binutils)"
command -v python3 >/dev/null || skip_all "python3 is needed to parse the JSON"

kernel=$PROBE_DIR/probe-2.15-reloc.bzImage
head -c 200003 /dev/urandom >"$work/rd.img"
printf 'console=ttyS0 x=1' >"$work/cmdline.txt"
check "mkelfimage --elf-class 64 builds the image" \
	"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" \
	--command-line-file "$work/cmdline.txt" --elf-class 64 --digests -o "$work/boot64.elf"

LC_ALL=C readelf -hW "$work/boot64.elf" >"$work/ehdr"
check_eq "ELF64, little endian, EXEC, X86-64" \
	"ELF64|2's complement, little endian|EXEC (Executable file)|Advanced Micro Devices X86-64" \
	"$(sed -n 's/^ *\(Class\|Data\|Type\|Machine\): *//p' "$work/ehdr" | paste -sd'|')"
ehdr_field() { sed -n "s/^ *$1: *\([0-9]*\).*/\1/p" "$work/ehdr"; }
check_eq "64-byte ELF header, 56-byte program headers at offset 64 (linux-loader's checks)" "64 56 64" \
	"$(ehdr_field 'Size of this header') $(ehdr_field 'Size of program headers') $(ehdr_field 'Start of program headers')"
LC_ALL=C readelf -lW "$work/boot64.elf" >"$work/phdrs"
check_eq "one PT_NOTE, the last program header, p_align 4" "NOTE 0x4" \
	"$(awk '$1 == "NOTE" || $1 == "LOAD" { last = $1 " " $NF; n += $1 == "NOTE" } END { print (n == 1 ? last : n " notes") }' "$work/phdrs")"
check "every PT_LOAD has p_vaddr == p_paddr and p_offset = p_vaddr mod 0x1000" \
	awk '$1 == "LOAD" { if ($3 != $4 || substr($2, length($2) - 2) != substr($3, length($3) - 2)) bad = 1 } END { exit bad }' "$work/phdrs"
check "no multiboot magic in the first 8 KiB" \
	sh -c "! head -c 8192 '$work/boot64.elf' | od -An -tx4 -v -w4 | grep -q 1badb002"
readelf -nW "$work/boot64.elf" >"$work/notes" 2>"$work/notes.err"
check "the Xen note of type 18 (XEN_ELFNOTE_PHYS32_ENTRY) has an 8-byte desc" \
	grep -q 'Xen  *0x00000008.*0x00000012' "$work/notes"
check "readelf reads every program header and note without a warning" test ! -s "$work/notes.err"
if command -v eu-readelf >/dev/null; then
	eu-readelf -h -l -n "$work/boot64.elf" >/dev/null 2>"$work/eu.err"
	check_eq "eu-readelf -h -l -n: exit 0, nothing on stderr" "0 " "$? $(cat "$work/eu.err")"
else
	tap_skip "eu-readelf accepts it" "no eu-readelf (install elfutils)"
fi

"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" \
	--command-line-file "$work/cmdline.txt" --elf-class 64 --digests -o "$work/again64.elf"
check "the same inputs give the same bytes" cmp "$work/boot64.elf" "$work/again64.elf"

# The multiboot rule, and --elf-class's own errors; each writes nothing.
refuses() {
	_label=$1 _want=$2
	shift 2
	rm -f "$work/no.elf"
	"$MKELFIMAGE" "$@" 2>"$work/err" >/dev/null
	check_eq "$_label" "1 $_want" "$? $(cat "$work/err")"
	check "$_label: no output file" test ! -e "$work/no.elf"
}
refuses "--multiboot with --elf-class 64 is refused with the reason" \
	"mkelfimage: --multiboot with --elf-class 64: QEMU refuses an ELF64 image with a multiboot header (\"Cannot load x86-64 image, give a 32bit one\"); drop one of them" \
	--kernel "$kernel" --multiboot --elf-class 64 -o "$work/no.elf"
refuses "--elf-class 16 is refused" "mkelfimage: --elf-class '16': use 32 or 64" \
	--kernel "$kernel" --elf-class 16 -o "$work/no.elf"
refuses "--elf-class 32 with --arch alpha is refused" \
	"mkelfimage: --elf-class 32: an Alpha image is ELF64 (use 64 or leave it out)" \
	--kernel "$kernel" --arch alpha --elf-class 32 -o "$work/no.elf"
printf 'kernel: %s\nelf-class: 64\nmultiboot: true\noutput: %s\n' "$kernel" "$work/no.elf" >"$work/mb.yaml"
refuses "a template asking for multiboot and ELF64 is refused" \
	"mkelfimage: --multiboot with --elf-class 64: QEMU refuses an ELF64 image with a multiboot header (\"Cannot load x86-64 image, give a 32bit one\"); drop one of them" \
	--template "$work/mb.yaml"
"$MKELFIMAGE" --kernel "$kernel" --elf-class 32 -o "$work/boot32.elf"
check_eq "--elf-class 32 is the default's bytes" "" "$("$MKELFIMAGE" --kernel "$kernel" -o "$work/default.elf"; cmp "$work/boot32.elf" "$work/default.elf")"

# The template key is the option's long name.
printf 'kernel: %s\ninitrd: %s\ncommand-line-file: %s\nelf-class: 64\ndigests: true\noutput: %s\n' \
	"$kernel" "$work/rd.img" "$work/cmdline.txt" "$work/tpl64.elf" >"$work/t.yaml"
"$MKELFIMAGE" --template "$work/t.yaml"
check "template key elf-class: 64 builds the same image" cmp "$work/boot64.elf" "$work/tpl64.elf"

# inspect --json: class and machine, and which loaders take it.
"$MKELFIMAGE" inspect --json "$work/boot64.elf" >"$work/boot.json"
check_eq "inspect --json exits 0" 0 $?
q() {
	python3 -c 'import json, sys; j = json.load(open(sys.argv[1], encoding="utf-8")); print(eval(sys.argv[2]))' \
		"$work/boot.json" "$1"
}
check_eq "inspect: ELF64 EM_X86_64 and readelf's entry" \
	"ELF64 EM_X86_64 $(sed -n 's/^ *Entry point address: *//p' "$work/ehdr")" \
	"$(q '" ".join([j["file"]["class"], j["file"]["machine"], hex(j["file"]["entry"])])')"
check_eq "inspect: the loaders (PVH and the ELF64-only VMMs yes; multiboot, multiboot2, kexec-tools elf-x86, iPXE no)" \
	"multiboot:False multiboot2:False PVH:True PVH:True ELF:True kexec:True kexec-tools:False iPXE:False low:True" \
	"$(q '" ".join(l["loader"].split()[0] + ":" + str(l["accepts"]) for l in j["loaders"])')"
check_eq "inspect: why not multiboot" \
	"no multiboot header: an ELF64 image leaves it out (QEMU refuses multiboot in ELF64)" \
	"$(q '[l["why_not"] for l in j["loaders"] if l["loader"].startswith("multiboot")][0]')"
check_eq "inspect: every digest in the image checks out" "ok ok ok ok" \
	"$(q '" ".join(d["check"] for d in j["digests"] if d["check"] != "not in the image")')"
"$MKELFIMAGE" inspect --json "$work/boot32.elf" >"$work/boot.json"
check_eq "inspect of the ELF32 image: the ELF64-only VMMs do not take it, and why" \
	"Firecracker and Cloud Hypervisor load ELF64 only; this is ELF32 (mkelfimage --elf-class 64)" \
	"$(q '[l["why_not"] for l in j["loaders"] if l["loader"] == "PVH ELF64-only VMMs"][0]')"

# --manifest records the class.
"$MKELFIMAGE" --kernel "$kernel" --elf-class 64 -o "$work/m64.elf" --manifest "$work/m64.json"
check_eq "--manifest: elf_class 64, the output digest is the file's" \
	"64 $(sha256sum <"$work/m64.elf" | cut -d' ' -f1)" \
	"$(python3 -c 'import json,sys; m = json.load(open(sys.argv[1])); print(m["elf_class"], m["output"]["sha256"])' "$work/m64.json")"

# extract gives the inputs back; a rebuild from them is the same image.
"$MKELFIMAGE" extract "$work/boot64.elf" --kernel "$work/k" --initrd "$work/i" --command-line-file "$work/c"
check_eq "extract exits 0" 0 $?
check "extract: the kernel, byte for byte" cmp "$kernel" "$work/k"
check "extract: the initrd, byte for byte" cmp "$work/rd.img" "$work/i"
check "extract: the command line, byte for byte" cmp "$work/cmdline.txt" "$work/c"
"$MKELFIMAGE" --kernel "$work/k" --initrd "$work/i" --command-line-file "$work/c" --elf-class 64 --digests -o "$work/round.elf"
check "a build from the extracted inputs is the same image" cmp "$work/boot64.elf" "$work/round.elf"

# The edits keep the class (and leave the multiboot header out).
cp "$work/boot64.elf" "$work/edit.elf"
"$MKELFIMAGE" set-command-line "$work/edit.elf" "console=ttyS0 edited=1"
check_eq "set-command-line exits 0" 0 $?
check_eq "set-command-line keeps ELF64 X86-64" "ELF64|Advanced Micro Devices X86-64" \
	"$(LC_ALL=C readelf -hW "$work/edit.elf" | sed -n 's/^ *\(Class\|Machine\): *//p' | paste -sd'|')"
printf 'console=ttyS0 edited=1' >"$work/edited.txt"
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd.img" --command-line-file "$work/edited.txt" \
	--elf-class 64 --digests -o "$work/edited-build.elf"
check "set-command-line gives the image a build with that text gives" cmp "$work/edited-build.elf" "$work/edit.elf"
head -c 4099 /dev/urandom >"$work/rd2.img"
cp "$work/boot64.elf" "$work/rep.elf"
"$MKELFIMAGE" replace-initrd "$work/rep.elf" "$work/rd2.img"
check_eq "replace-initrd exits 0" 0 $?
"$MKELFIMAGE" --kernel "$kernel" --initrd "$work/rd2.img" --command-line-file "$work/cmdline.txt" \
	--elf-class 64 --digests -o "$work/rep-build.elf"
check "replace-initrd gives the image a build with that initrd gives (ELF64 kept)" cmp "$work/rep-build.elf" "$work/rep.elf"

# The image read as rust-vmm linux-loader reads it (src/loader/x86_64/elf,
# Firecracker and Cloud Hypervisor): Elf64_Ehdr, little endian, e_phentsize
# 56, e_phoff >= 64, e_entry at or above the 1 MiB high-memory start; each
# PT_NOTE walked with its power-of-two p_align, and the last PT_NOTE's answer
# kept; the PT_LOADs with bytes copied to p_paddr. Its PVH entry must be the
# one QEMU entered (the stub's PVH entry, as inspect names it).
cat >"$work/linux-loader.py" <<'EOF_PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
ident, e_type, e_machine, _, e_entry, e_phoff, _, _, _, e_phentsize, e_phnum = \
    struct.unpack_from("<16sHHIQQQIHHH", data, 0)
assert ident[:4] == b"\x7fELF" and ident[5] == 1, "magic or endianness"
assert e_phentsize == 56, "e_phentsize %d" % e_phentsize
assert e_phoff >= 64, "e_phoff %d" % e_phoff
assert e_entry >= 0x100000, "e_entry below the high-memory start"
pvh, loads = None, 0
for i in range(e_phnum):
    p_type, _, p_offset, _, p_paddr, p_filesz, p_memsz, p_align = \
        struct.unpack_from("<IIQQQQQQ", data, e_phoff + i * 56)
    if p_type == 1 and p_filesz:
        assert p_offset + p_filesz <= len(data) and p_paddr + p_memsz <= 1 << 32
        loads += 1
    elif p_type == 4:
        assert p_align and p_align & (p_align - 1) == 0, "PT_NOTE p_align %d" % p_align
        up = lambda n: (n + p_align - 1) // p_align * p_align
        at, pvh = 0, None
        while at < p_filesz:
            namesz, descsz, n_type = struct.unpack_from("<III", data, p_offset + at)
            name = data[p_offset + at + 12:p_offset + at + 16]
            if n_type == 18 and namesz == 4 and name == b"Xen\0":
                assert descsz >= 4
                pvh = struct.unpack_from("<I", data, p_offset + at + 12 + up(namesz))[0]
                break
            at += 12 + up(namesz) + up(descsz)
print("%d 0x%x" % (loads, pvh or 0))
EOF_PY
# the stub's PVH entry: its address plus pvh_entry_offset (struct stub_header 0x24, formats/stubparam.h)
"$MKELFIMAGE" inspect --json "$work/boot64.elf" >"$work/boot.json"
stub_pvh=$(python3 -c 'import json, struct, sys
j = json.load(open(sys.argv[1]))
seg = [s for s in j["segments"] if s["name"] == "stub"][0]
data = open(sys.argv[2], "rb").read()
print(hex(seg["address"] + struct.unpack_from("<I", data, seg["file_offset"] + 0x24)[0]))' "$work/boot.json" "$work/boot64.elf" 2>&1)
check_eq "read as rust-vmm linux-loader reads it: five PT_LOADs with bytes (the records last), the stub's PVH entry from the last PT_NOTE" \
	"5 $stub_pvh" "$(python3 "$work/linux-loader.py" "$work/boot64.elf" 2>&1)"
python3 "$work/linux-loader.py" "$work/boot32.elf" >"$work/ll32" 2>&1
check "... and the ELF32 image fails its Elf64_Ehdr checks (e_phentsize)" \
	grep -q '^AssertionError: e_phentsize' "$work/ll32"

# The ELFBoot checksum (mkelfimage/elfboot_sum.h: the IP checksum of the ELF
# header, the program headers and each PT_LOAD's memory image) in the ELF64
# layout, recomputed from the file; the ELF32 image (which the coreboot
# harness test checks the same way elfboot does) is computed alike.
cat >"$work/elfboot-sum.py" <<'EOF_PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
is64 = data[4] == 2
if is64:
    e_phoff, = struct.unpack_from("<Q", data, 0x20)
    e_ehsize, e_phentsize, e_phnum = struct.unpack_from("<HHH", data, 0x34)
else:
    e_phoff, = struct.unpack_from("<I", data, 0x1c)
    e_ehsize, e_phentsize, e_phnum = struct.unpack_from("<HHH", data, 0x28)
stream = bytearray(data[:e_ehsize] + data[e_phoff:e_phoff + e_phnum * e_phentsize])
want = None
for i in range(e_phnum):
    at = e_phoff + i * e_phentsize
    if is64:
        p_type, _, p_offset, _, _, p_filesz, p_memsz, p_align = struct.unpack_from("<IIQQQQQQ", data, at)
    else:
        p_type, p_offset, _, _, p_filesz, p_memsz, _, p_align = struct.unpack_from("<IIIIIIII", data, at)
    if p_type == 1 and p_memsz:
        stream += data[p_offset:p_offset + p_filesz] + bytes(p_memsz - p_filesz)
    elif p_type == 4:
        n = 0
        while n < p_filesz:
            namesz, descsz, n_type = struct.unpack_from("<III", data, p_offset + n)
            name = data[p_offset + n + 12:p_offset + n + 12 + namesz]
            desc = p_offset + n + 12 + (namesz + 3) // 4 * 4
            if name == b"ELFBoot\0" and n_type == 3:
                want, = struct.unpack_from("<H", data, desc)
            n += 12 + (namesz + 3) // 4 * 4 + (descsz + 3) // 4 * 4
if len(stream) % 2:
    stream += b"\0"
total = sum(struct.unpack("<%dH" % (len(stream) // 2), stream))
while total >> 16:
    total = (total & 0xffff) + (total >> 16)
print("note 0x%04x computed 0x%04x" % (want, ~total & 0xffff))
EOF_PY
for class in 64 32; do
	set -- $(python3 "$work/elfboot-sum.py" "$work/boot$class.elf" 2>&1)
	check_eq "ELF$class: the ELFBoot checksum note matches the checksum recomputed over the image ($2)" "$2" "$4"
done

# bootelf --dry-run (no system call) on a fake machine's memory map.
root=$work/root
fake_memmap "$root"
BOOTELF_SYSROOT=$root "$top_builddir/loader/bootelf" --dry-run --json "$work/boot64.elf" >"$work/plan.json" 2>"$work/err"
check_eq "bootelf --dry-run --json takes the ELF64 image" "0 " "$? $(cat "$work/err")"
check_eq "bootelf's plan: class 64, a kexec segment for each of the five PT_LOAD" "64 5" \
	"$(python3 -c 'import json,sys; p = json.load(open(sys.argv[1])); print(p["elf_class"], sum(s["source"] == "image" for s in p["segments"]))' "$work/plan.json" 2>&1)"

# QEMU -kernel: x86_64 boots it through PVH; i386 refuses ELF64 EM_X86_64.
qemu64=$(command -v qemu-system-x86_64 || :)
if [ -n "$qemu64" ]; then
	boot_image "$qemu64" "$work/boot64.elf" "$work/x86_64" -append "y=2 z=three"
	check_probe_report "qemu-system-x86_64, ELF64 through PVH" "$work/x86_64" \
		"console=ttyS0 x=1 y=2 z=three" "$work/rd.img" 0x20f
	boot_image "$qemu64" "$work/edit.elf" "$work/edited"
	check_eq "qemu-system-x86_64: the edited ELF64 image boots with the new command line" \
		"console=ttyS0 edited=1" "$(report_value cmdline "$work/edited")"
else
	tap_skip "qemu-system-x86_64 boots the ELF64 image" "no qemu-system-x86_64 (install qemu-system-x86)"
fi
qemu32=$(command -v qemu-system-i386 || :)
if [ -n "$qemu32" ]; then
	boot_image "$qemu32" "$work/boot64.elf" "$work/i386"
	check "qemu-system-i386 refuses an ELF64 EM_X86_64 -kernel (documented: use qemu-system-x86_64 or ELF32)" \
		grep -q "Error while loading elf kernel" "$work/i386.qemu"
else
	tap_skip "qemu-system-i386 refuses the ELF64 image" "no qemu-system-i386 (install qemu-system-x86)"
fi
tap_done
