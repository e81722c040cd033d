/* Interrupts and fatal exceptions taken at S-EL1. */
#include <drivers/gic.h>
#include <drivers/secure_timer.h>
#include <kernel/cpu.h>
#include <kernel/log.h>
#include <kernel/thread.h>
#include <rampart/abi/optee_smc.h>
#include <platform_config.h>

static void handle_secure_interrupts(void)
{
	for (;;) {
		uint32_t iar = gic_ack_secure();
		uint32_t intid = iar & 0xffffff;

		if (intid >= GIC_SPURIOUS_INTID)
			return;
		if (intid == PLAT_SECURE_TIMER_INTID) {
			secure_timer_disarm();
			this_core_cpu()->secure_timer_ticks++;
		} else {
			core_log("unexpected secure interrupt %u", intid);
		}
		gic_end_secure(iar);
	}
}

/* A Secure Group 1 interrupt while the core runs (IRQ at S-EL1). */
void core_handle_irq(void)
{
	handle_secure_interrupts();
}

/* A secure interrupt that fired while the normal world ran. */
void core_handle_secure_fiq(void)
{
	handle_secure_interrupts();
}

/*
 * A normal-world interrupt while a thread runs with FIQ unmasked. It is
 * left pending and unacknowledged: the thread steps out to the normal world
 * (RPC FOREIGN_INTR), Linux takes the interrupt, and resumes the thread,
 * which returns here and on to where it was interrupted.
 */
void core_handle_foreign_fiq(void)
{
	if (!thread_current())
		panic("foreign interrupt outside a thread");
	thread_rpc(OPTEE_SMC_RPC_FUNC_FOREIGN_INTR, 0, 0);
}

static const char *const vector_names[16] = {
	"sync SP0",    "irq SP0",    "fiq SP0",	   "serror SP0",
	"sync",	       "irq",	     "fiq",	   "serror",
	"sync EL0",    "irq EL0",    "fiq EL0",	   "serror EL0",
	"sync EL0/32", "irq EL0/32", "fiq EL0/32", "serror EL0/32",
};

void core_fatal_exception(uint64_t kind, uint64_t esr, uint64_t elr,
			  uint64_t far)
{
	panic("unhandled exception (%s): ESR=0x%lx ELR=0x%lx FAR=0x%lx",
	      vector_names[kind & 15], esr, elr, far);
}
