/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm64's part of the boot protocol (booting.rst, "Call the kernel image"):
 * a loader that follows it passes the device tree in x0, and the kernel is
 * entered at the Image's first byte with x0 = the tree, x1-x3 = 0, MMU and
 * D-cache off (entry.S).
 */
#include "stubs/common/fdtstub.h"

/* entry.S: MMU and D-cache off, then the kernel with x0 = dtb */
void arm64_enter_kernel(uint64_t entry, uint64_t dtb) __attribute__((noreturn));

uint64_t arch_loader_fdt(uint64_t x0, uint64_t x1)
{
	(void)x1;
	return fdt_at(x0) ? x0 : 0;
}

void arch_enter_kernel(const struct fdt *dtb)
{
	arm64_enter_kernel(stub_params.kernel_addr, (uint64_t)dtb->blob);
}
