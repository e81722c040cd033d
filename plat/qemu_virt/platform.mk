# Platform facts shared by the firmware build and the host-side launch scripts.
# One source of truth: the monitor is compiled with these as -D flags and
# scripts/run-qemu.sh reads them, so the two can never disagree about where the
# normal-world images sit.

PLAT_QEMU_MACHINE      := virt,secure=on,acpi=off,gic-version=3
PLAT_DEFAULT_CPU       := max
PLAT_DEFAULT_SMP       := 1
PLAT_DEFAULT_MEM_MB    := 1024
PLAT_MAX_CPUS          := 4

# Normal-world image placement (physical addresses in NS DRAM at 0x40000000).
# The kernel sits at a 2 MiB-aligned base; the DTB in its own 2 MiB block.
PLAT_NS_KERNEL_ADDR    := 0x40200000
PLAT_NS_DTB_ADDR       := 0x47e00000
PLAT_NS_INITRD_ADDR    := 0x48000000
