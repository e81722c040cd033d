/*
 * GICv3 set-up for the secure world. Normal-world interrupts stay Non-secure
 * Group 1: when one fires while the core runs it is signalled as FIQ, which
 * the core leaves pending for Linux instead of acknowledging it.
 */
#include <drivers/gic.h>
#include <platform_config.h>
#include <rampart/arm64.h>

#define GICD_CTLR 0x0000
#define GICD_TYPER 0x0004
#define GICD_IGROUPR 0x0080
#define GICD_IGRPMODR 0x0d00
#define GICD_CTLR_ENABLE_G0 BIT(0)
#define GICD_CTLR_ENABLE_G1NS BIT(1)
#define GICD_CTLR_ENABLE_G1S BIT(2)
#define GICD_CTLR_ARE_S BIT(4)
#define GICD_CTLR_ARE_NS BIT(5)
#define GICD_CTLR_RWP BIT(31)

#define GICR_TYPER 0x0008
#define GICR_WAKER 0x0014
#define GICR_TYPER_LAST BIT(4)
#define GICR_TYPER_VLPIS BIT(1)
#define GICR_WAKER_PROCESSOR_SLEEP BIT(1)
#define GICR_WAKER_CHILDREN_ASLEEP BIT(2)
#define GICR_SGI_OFFSET 0x10000
#define GICR_IGROUPR0 0x0080
#define GICR_ISENABLER0 0x0100
#define GICR_IPRIORITYR 0x0400
#define GICR_IGRPMODR0 0x0d00

#define SECURE_PRIORITY 0x40 /* above anything the normal world can set */

static inline uint32_t rd32(uint64_t a) { return *(volatile uint32_t *)a; }
static inline uint64_t rd64(uint64_t a) { return *(volatile uint64_t *)a; }
static inline void wr32(uint64_t a, uint32_t v)
{
	*(volatile uint32_t *)a = v;
}
static inline void wr8(uint64_t a, uint8_t v) { *(volatile uint8_t *)a = v; }

static void wait_rwp(void)
{
	while (rd32(PLAT_GICD_BASE + GICD_CTLR) & GICD_CTLR_RWP)
		;
}

void gic_init_distributor(void)
{
	uint32_t lines = (rd32(PLAT_GICD_BASE + GICD_TYPER) & 0x1f) + 1;

	wr32(PLAT_GICD_BASE + GICD_CTLR, GICD_CTLR_ARE_S | GICD_CTLR_ARE_NS);
	wait_rwp();
	/* Register n covers INTIDs 32n..32n+31; n = 0 is banked per CPU. */
	for (uint32_t n = 1; n < lines; n++) {
		wr32(PLAT_GICD_BASE + GICD_IGROUPR + 4 * n, 0xffffffff);
		wr32(PLAT_GICD_BASE + GICD_IGRPMODR + 4 * n, 0);
	}
	wr32(PLAT_GICD_BASE + GICD_CTLR,
	     GICD_CTLR_ARE_S | GICD_CTLR_ARE_NS | GICD_CTLR_ENABLE_G0 |
		     GICD_CTLR_ENABLE_G1NS | GICD_CTLR_ENABLE_G1S);
	wait_rwp();
}

static uint64_t find_redistributor(void)
{
	uint64_t mpidr = read_sysreg(mpidr_el1);
	uint64_t aff = (MPIDR_AFF0(mpidr)) | (MPIDR_AFF1(mpidr) << 8) |
		       (((mpidr >> 16) & 0xff) << 16) |
		       (((mpidr >> 32) & 0xff) << 24);
	uint64_t rd = PLAT_GICR_BASE;

	while (rd < PLAT_GICR_BASE + PLAT_GICR_SIZE) {
		uint64_t typer = rd64(rd + GICR_TYPER);

		if ((typer >> 32) == aff)
			return rd;
		if (typer & GICR_TYPER_LAST)
			break;
		rd += (typer & GICR_TYPER_VLPIS) ? 0x40000 : 0x20000;
	}
	return 0;
}

TEE_Result gic_init_cpu(unsigned int secure_ppi)
{
	uint64_t rd = find_redistributor();
	uint64_t sgi;

	if (!rd || secure_ppi >= 32)
		return TEE_ERROR_ITEM_NOT_FOUND;
	sgi = rd + GICR_SGI_OFFSET;

	wr32(rd + GICR_WAKER,
	     rd32(rd + GICR_WAKER) & ~(uint32_t)GICR_WAKER_PROCESSOR_SLEEP);
	while (rd32(rd + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP)
		;

	wr32(sgi + GICR_IGROUPR0, ~(uint32_t)BIT(secure_ppi));
	wr32(sgi + GICR_IGRPMODR0, (uint32_t)BIT(secure_ppi));
	wr8(sgi + GICR_IPRIORITYR + secure_ppi, SECURE_PRIORITY);
	wr32(sgi + GICR_ISENABLER0, (uint32_t)BIT(secure_ppi));

	write_sysreg(ICC_SRE_EL1, read_sysreg(ICC_SRE_EL1) | 1);
	isb();
	/*
	 * PMR is shared with the normal world; Linux sets its own later. Open
	 * it fully now so the boot-time timer check can be delivered.
	 */
	write_sysreg(ICC_PMR_EL1, 0xff);
	write_sysreg(ICC_BPR1_EL1, 0);
	write_sysreg(ICC_CTLR_EL1, 0);
	write_sysreg(ICC_IGRPEN1_EL1, 1);
	isb();
	return TEE_SUCCESS;
}

uint32_t gic_ack_secure(void)
{
	uint32_t iar = (uint32_t)read_sysreg(ICC_IAR1_EL1);

	__asm__ volatile("dsb sy" ::: "memory");
	return iar;
}

void gic_end_secure(uint32_t iar)
{
	write_sysreg(ICC_EOIR1_EL1, iar);
	isb();
}
