/* GICv3 as the secure world needs it. */
#ifndef DRIVERS_GIC_H
#define DRIVERS_GIC_H

#include <rampart/types.h>

#define GIC_SPURIOUS_INTID 1020

/* Once, on the boot CPU: every SPI goes to the normal world (NS Group 1). */
void gic_init_distributor(void);
/*
 * On every CPU as it comes up: wake its redistributor, give all SGIs/PPIs
 * to the normal world except @secure_ppi (Secure Group 1, enabled), and
 * enable Secure Group 1 at this CPU interface.
 */
TEE_Result gic_init_cpu(unsigned int secure_ppi);
/* Acknowledge / end a Secure Group 1 interrupt. */
uint32_t gic_ack_secure(void);
void gic_end_secure(uint32_t iar);

#endif
