/*
 * QEMU "virt" (secure=on, gic-version=3): the memory map as the secure
 * world sees it. The normal-world image addresses come from platform.mk
 * as -D flags so the launch scripts and the firmware share one source.
 */
#ifndef PLATFORM_CONFIG_H
#define PLATFORM_CONFIG_H

/* Constants usable from C, assembly and linker scripts alike. */
#if defined(__ASSEMBLER__) || defined(__LINKER__)
#define U64(x) x
#else
#define U64(x) x##ull
#endif

#define PLAT_MAX_CPUS 4

#define PLAT_SECURE_UART_BASE U64(0x09040000)
#define PLAT_SECURE_GPIO_BASE U64(0x090b0000)
#define PLAT_GICD_BASE U64(0x08000000)
#define PLAT_GICR_BASE U64(0x080a0000)
#define PLAT_GICR_SIZE U64(0x00f60000)

#define PLAT_SECURE_RAM_BASE U64(0x0e000000)
#define PLAT_SECURE_RAM_SIZE U64(0x01000000)

/* Monitor in the first MiB of secure RAM, the core in the rest. */
#define PLAT_MONITOR_BASE PLAT_SECURE_RAM_BASE
#define PLAT_MONITOR_SIZE U64(0x00100000)
#define PLAT_CORE_BASE (PLAT_SECURE_RAM_BASE + PLAT_MONITOR_SIZE)
#define PLAT_CORE_SIZE (PLAT_SECURE_RAM_SIZE - PLAT_MONITOR_SIZE)

/* Normal-world DRAM: QEMU starts it at 1 GiB; its size is -m (max 3 GiB here).
 */
#define PLAT_NS_DRAM_BASE U64(0x40000000)
#define PLAT_NS_DRAM_MAX_SIZE U64(0xc0000000)
/* The boot DTB QEMU-style loaders leave in DRAM: at most 2 MiB. */
#define PLAT_NS_DTB_MAX_SIZE U64(0x200000)

/* Devices the core maps (base, size), page aligned. */
/* clang-format off */
#define PLAT_DEVICE_WINDOWS \
	{ PLAT_GICD_BASE, U64(0x01000000) }, /* GICD + GICR */ \
	{ PLAT_SECURE_UART_BASE, U64(0x1000) }
/* clang-format on */

/* Interrupt numbers (GIC INTIDs). */
#define PLAT_SECURE_TIMER_INTID 29

#endif
