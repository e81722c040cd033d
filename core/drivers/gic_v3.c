/*
 * GICv3 set-up for the secure world. Normal-world interrupts stay Non-secure
 * Group 1: when one fires while the core runs it is signalled as FIQ, which
 * the core leaves pending for Linux instead of acknowledging it.
 */
#include <drivers/gic.h>
#include <drivers/gicv3_rdist.h>
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

#define SECURE_PRIORITY 0x40 /* above anything the normal world can set */

static inline uint32_t rd32(uint64_t a)
{
	return gic_read32(a);
}
static inline void wr32(uint64_t a, uint32_t v)
{
	gic_write32(a, v);
}

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

TEE_Result gic_init_cpu(unsigned int secure_ppi)
{
	uint64_t rd = gicv3_rdist_find(PLAT_GICR_BASE, PLAT_GICR_SIZE,
				       read_sysreg(mpidr_el1));
	uint64_t sgi;

	if (!rd || secure_ppi >= 32)
		return TEE_ERROR_ITEM_NOT_FOUND;
	sgi = rd + GICR_SGI_OFFSET;

	gicv3_rdist_wake(rd);

	/* Secure: our PPI (Secure Group 1) and SGIs 8-15 (Group 0). */
	wr32(sgi + GICR_IGROUPR0,
	     ~((uint32_t)BIT(secure_ppi) | GIC_SECURE_SGI_MASK));
	wr32(sgi + GICR_IGRPMODR0, (uint32_t)BIT(secure_ppi));
	gic_write8(sgi + GICR_IPRIORITYR + secure_ppi, SECURE_PRIORITY);
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
