#include <drivers/gicv3_rdist.h>

#define GICR_TYPER 0x0008
#define GICR_WAKER 0x0014
#define GICR_TYPER_LAST BIT(4)
#define GICR_TYPER_VLPIS BIT(1)
#define GICR_WAKER_PROCESSOR_SLEEP BIT(1)
#define GICR_WAKER_CHILDREN_ASLEEP BIT(2)

static uint64_t typer(uint64_t rd)
{
	return *(volatile uint64_t *)(rd + GICR_TYPER);
}

uint64_t gicv3_rdist_next(uint64_t rd, uint64_t region_end)
{
	uint64_t t = typer(rd);
	uint64_t next = rd + ((t & GICR_TYPER_VLPIS) ? 0x40000 : 0x20000);

	if ((t & GICR_TYPER_LAST) || next >= region_end)
		return 0;
	return next;
}

uint64_t gicv3_rdist_find(uint64_t base, uint64_t size, uint64_t mpidr)
{
	uint64_t aff = (mpidr & 0xffffff) | (((mpidr >> 32) & 0xff) << 24);

	for (uint64_t rd = base; rd; rd = gicv3_rdist_next(rd, base + size))
		if ((typer(rd) >> 32) == aff)
			return rd;
	return 0;
}

void gicv3_rdist_wake(uint64_t rd)
{
	gic_write32(rd + GICR_WAKER,
		    gic_read32(rd + GICR_WAKER) &
			    ~(uint32_t)GICR_WAKER_PROCESSOR_SLEEP);
	while (gic_read32(rd + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP)
		;
}
