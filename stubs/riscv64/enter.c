/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * riscv64's part of the boot protocol (Linux Documentation/riscv/boot.rst):
 * the kernel is entered with a0 = the id of the hart that runs it and a1 =
 * the device tree. OpenSBI gives the stub both (a0 hart id, a1 tree).
 * U-Boot's bootelf gives neither (a0 argc, a1 argv); the tree then comes
 * from argv[0] (fdtboot.c) and the hart id from /chosen/boot-hartid, or
 * else from SBI HSM: the one hart that is STARTED, the others waiting
 * STOPPED, is this one.
 */
#include "stubs/common/fdtstub.h"

/* entry.S: fence.i, then the kernel with a0 = hartid, a1 = dtb */
void riscv64_enter_kernel(uint64_t entry, uint64_t hartid, uint64_t dtb) __attribute__((noreturn));

/* SBI v0.2+ Hart State Management (SBI specification, chapter 9) */
#define SBI_EXT_HSM             0x48534dul
#define SBI_HSM_HART_GET_STATUS 2
#define SBI_HSM_STARTED         0
/* Harts asked about: QEMU virt has at most 512, boards far fewer */
#define HARTS_PROBED            64

static uint64_t boot_hartid;
static int hartid_known;

uint64_t arch_loader_fdt(uint64_t a0, uint64_t a1)
{
	if (!fdt_at(a1))
		return 0;
	boot_hartid = a0;
	hartid_known = 1;
	return a1;
}

/* sbi_hart_get_status(hartid): the state, or -1 when SBI says it is no hart */
static long hart_status(uint64_t hartid)
{
	register long a0 __asm__("a0") = (long)hartid;
	register long a1 __asm__("a1");
	register long a6 __asm__("a6") = SBI_HSM_HART_GET_STATUS;
	register long a7 __asm__("a7") = (long)SBI_EXT_HSM;

	__asm__ volatile("ecall" : "+r"(a0), "=r"(a1) : "r"(a6), "r"(a7) : "memory");
	return a0 ? -1 : a1;
}

static uint64_t find_hartid(const struct fdt *dtb)
{
	uint32_t len;
	const uint8_t *chosen = fdt_top_prop(dtb, "chosen", "boot-hartid", &len);
	uint64_t hart, found = 0;
	unsigned started = 0;

	if (chosen && len == 4)
		return fdt_be32(chosen);
	if (chosen && len == 8)
		return fdt_be64(chosen);
	for (hart = 0; hart < HARTS_PROBED; hart++)
		if (hart_status(hart) == SBI_HSM_STARTED) {
			found = hart;
			started++;
		}
	if (started != 1)
		stub_fail("no hart id: the loader passed none, the device tree has no /chosen/boot-hartid "
			  "and SBI HSM does not show exactly one started hart");
	return found;
}

void arch_enter_kernel(const struct fdt *dtb)
{
	uint64_t hartid = hartid_known ? boot_hartid : find_hartid(dtb);

	riscv64_enter_kernel(stub_params.kernel_addr, hartid, (uint64_t)dtb->blob);
}
