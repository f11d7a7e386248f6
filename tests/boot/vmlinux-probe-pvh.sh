#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# An i386 vmlinux as --kernel (the probe linked as an ELF32 EM_386 vmlinux
# with a Xen PVH note, tests/probe/probe-vmlinux.lds): the image keeps its
# PT_LOADs at p_paddr, and the stub enters it through its PVH entry with a
# version 1 hvm_start_info, whichever loader started the stub: multiboot
# (QEMU -kernel), PVH (--no-multiboot), ELF boot notes and a coreboot table
# (tests/harness). The same vmlinux gzip- and xz-compressed gives the same
# image byte for byte.
. "$top_srcdir/tests/lib.sh"
boot_test
. "$top_srcdir/tests/boot/probe-checks.sh"

[ -n "$(qemu_binaries)" ] || skip_all "no qemu-system-x86_64 or qemu-system-i386 (install qemu-system-x86)"
command -v readelf >/dev/null || skip_all "no readelf (install binutils)"
harness=$top_builddir/tests/harness/harness.elf
vmlinux=$PROBE_DIR/probe-vmlinux-i386

head -c 100001 /dev/urandom >"$work/rd.img"
builtin="console=ttyS0 x=1"
check "mkelfimage builds an image of the i386 probe vmlinux" \
	"$MKELFIMAGE" --kernel "$vmlinux" --initrd "$work/rd.img" --command-line "$builtin" \
	-o "$work/boot.elf"
gzip -n -c "$vmlinux" >"$work/vmlinux.gz"
xz -T1 --check=crc32 -c "$vmlinux" >"$work/vmlinux.xz"
for comp in gz xz; do
	check "mkelfimage takes the vmlinux $comp-compressed" \
		"$MKELFIMAGE" --kernel "$work/vmlinux.$comp" --initrd "$work/rd.img" \
		--command-line "$builtin" -o "$work/boot-$comp.elf"
	check "a $comp-compressed vmlinux gives the same image byte for byte" \
		cmp "$work/boot.elf" "$work/boot-$comp.elf"
done

# The image: the vmlinux PT_LOADs unchanged at their p_paddr, the stub after them.
readelf -lW "$vmlinux" | awk '$1 == "LOAD" { print $4, $5, $6 }' >"$work/kernel-loads"
readelf -lW "$work/boot.elf" | awk '$1 == "LOAD" { print $4, $5, $6 }' >"$work/image-loads"
check "the image holds each vmlinux PT_LOAD at its p_paddr, sizes as given" \
	sh -c "grep -qxFf '$work/kernel-loads' '$work/image-loads' && \
		[ \$(grep -cxFf '$work/kernel-loads' '$work/image-loads') = \$(wc -l <'$work/kernel-loads') ]"
check "the plan (-v) names the kernel a vmlinux entered through PVH" \
	sh -c "'$MKELFIMAGE' -v --kernel '$vmlinux' -o '$work/v.elf' | grep -q '^kernel: vmlinux ELF32 EM_386, PVH entry 0x'"
"$MKELFIMAGE" --kernel "$vmlinux" --manifest "$work/m.json" -o "$work/m.elf"
entry=$(readelf -nW "$vmlinux" | sed -n 's/.*(0x00000012).*description data: \(..\) \(..\) \(..\) \(..\).*/\4\3\2\1/p')
check_eq "the manifest names a vmlinux kernel and its PVH entry (the Xen note's desc)" \
	"vmlinux $((0x$entry)) None" \
	"$(python3 -c 'import json, sys; b = json.load(open(sys.argv[1]))["boot"]; print(b["kernel_kind"], b["pvh_entry"], b["protocol"])' "$work/m.json")"
"$MKELFIMAGE" inspect "$work/boot.elf" >"$work/inspect"
check "inspect: the kernel is a vmlinux entered through its PVH entry" \
	sh -c "grep -qx '  kind: vmlinux' '$work/inspect' && grep -qx '  entered_through: PVH entry (XEN_ELFNOTE_PHYS32_ENTRY)' '$work/inspect'"
check_eq "inspect: every vmlinux PT_LOAD is named kernel" "$(wc -l <"$work/kernel-loads")" \
	"$(grep -c '^  kernel  ' "$work/inspect")"
refusal="image '$work/boot.elf': the kernel is a vmlinux (PVH entry); the image holds only its PT_LOADs, not the file, so it cannot be given back: --vmlinux writes a minimal vmlinux of them"
cp "$work/boot.elf" "$work/before.elf"
status=0
"$MKELFIMAGE" extract "$work/boot.elf" --kernel "$work/k.out" 2>"$work/stderr" || status=$?
check_eq "mkelfimage extract --kernel refuses a vmlinux image, saying why, and writes nothing" \
	"1 mkelfimage: $refusal no-output" \
	"$status $(cat "$work/stderr") $([ -e "$work/k.out" ] && echo output || echo no-output)"
# set-command-line and replace-initrd on a vmlinux image: tests/pipeline/vmlinux-edits.sh

for qemu in $(qemu_binaries); do
	name=$(basename "$qemu")
	boot_image "$qemu" "$work/boot.elf" "$work/$name.mb" -append "y=2"
	check_pvh_report "$name, multiboot into the stub" "$work/$name.mb" "$builtin y=2" "$work/rd.img"

	"$MKELFIMAGE" --kernel "$vmlinux" --initrd "$work/rd.img" --command-line "$builtin" \
		--no-multiboot -o "$work/pvh.elf"
	boot_image "$qemu" "$work/pvh.elf" "$work/$name.pvh" -append "z=3"
	check_pvh_report "$name, PVH into the stub" "$work/$name.pvh" "$builtin z=3" "$work/rd.img"
	_rsdp=$(report_value start_info.rsdp_paddr "$work/$name.pvh")
	check "$name, PVH into the stub: rsdp_paddr passed on ($_rsdp)" test -n "$_rsdp" -a "$_rsdp" != 0x0

	if [ -f "$harness" ]; then
		for mode in bhdr-eax coreboot-arg; do
			boot_image "$qemu" "$harness" "$work/$name.$mode" -initrd "$work/boot.elf" \
				-append "mode=$mode -- y=2"
			want="$builtin y=2"
			[ $mode = coreboot-arg ] && want=$builtin
			check_pvh_report "$name, $mode (tests/harness)" "$work/$name.$mode" "$want" "$work/rd.img"
		done
	else
		tap_skip "$name: ELF boot notes and coreboot entries" "tests/harness/harness.elf not built"
	fi
done

qemu=$(qemu_binaries | head -n 1)
# --elf-class 64 (ELF64-only PVH VMMs): QEMU's PVH loader into the stub, the stub into the vmlinux
"$MKELFIMAGE" --kernel "$vmlinux" --initrd "$work/rd.img" --command-line "$builtin" \
	--elf-class 64 -o "$work/boot64.elf"
boot_image "$qemu" "$work/boot64.elf" "$work/elf64" -append "e=64"
check_pvh_report "--elf-class 64, PVH into the stub" "$work/elf64" "$builtin e=64" "$work/rd.img"
# The command line policy works the same for a vmlinux
"$MKELFIMAGE" --kernel "$vmlinux" --initrd "$work/rd.img" --command-line "$builtin" \
	--command-line-policy replace -o "$work/replace.elf"
boot_image "$qemu" "$work/replace.elf" "$work/replace" -append "only=this"
check_pvh_report "--command-line-policy replace" "$work/replace" "only=this" "$work/rd.img"
# The initrd moved high at boot is the module the kernel gets
"$MKELFIMAGE" --kernel "$vmlinux" --initrd "$work/rd.img" --command-line "$builtin" \
	--initrd-placement high -o "$work/high.elf"
boot_image "$qemu" "$work/high.elf" "$work/high"
check_pvh_report "--initrd-placement high" "$work/high" "$builtin" "$work/rd.img"
_module=$(report_value module.0.paddr "$work/high")
check "--initrd-placement high: module 0 moved above 128 MiB ($_module of 256 MiB RAM)" \
	test -n "$_module" -a $((_module)) -ge $((0x8000000))
# No initrd in the image: QEMU's -initrd (a multiboot module) becomes module 0
"$MKELFIMAGE" --kernel "$vmlinux" --command-line "$builtin" -o "$work/noinitrd.elf"
boot_image "$qemu" "$work/noinitrd.elf" "$work/module" -initrd "$work/rd.img"
check_pvh_report "a loader module as the initrd" "$work/module" "$builtin" "$work/rd.img"
tap_done
