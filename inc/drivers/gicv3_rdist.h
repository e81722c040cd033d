/*
 * GICv3 redistributor frames, shared by the monitor (wake-up SGI for parked
 * CPUs) and the core (per-CPU interrupt set-up).
 */
#ifndef DRIVERS_GICV3_RDIST_H
#define DRIVERS_GICV3_RDIST_H

#include <rampart/types.h>

#define GICR_SGI_OFFSET 0x10000
#define GICR_IGROUPR0 0x0080
#define GICR_ISENABLER0 0x0100
#define GICR_IPRIORITYR 0x0400
#define GICR_IGRPMODR0 0x0d00

/*
 * SGIs 8-15 belong to the secure side (Linux uses 0-7); SGI 15 wakes CPUs
 * parked by the monitor.
 */
#define GIC_SECURE_SGI_MASK 0xff00u
#define GIC_WAKEUP_SGI 15

/* The frame after @rd, or 0 if @rd is the last one. */
uint64_t gicv3_rdist_next(uint64_t rd, uint64_t region_end);
/* The frame whose affinity matches @mpidr, or 0. */
uint64_t gicv3_rdist_find(uint64_t base, uint64_t size, uint64_t mpidr);
/* Clears ProcessorSleep and waits until the redistributor is awake. */
void gicv3_rdist_wake(uint64_t rd);

static inline uint32_t gic_read32(uint64_t a)
{
	return *(volatile uint32_t *)a;
}
static inline void gic_write32(uint64_t a, uint32_t v)
{
	*(volatile uint32_t *)a = v;
}
static inline void gic_write8(uint64_t a, uint8_t v)
{
	*(volatile uint8_t *)a = v;
}

#endif
