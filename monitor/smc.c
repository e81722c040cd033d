/* Exceptions taken to EL3 from either world. */
#include <rampart/arm64.h>
#include <rampart/monitor_core.h>

#include "monitor.h"

#define SMCCC_OWNER(fid) (((fid) >> 24) & 0x3f)
#define SMCCC_OWNER_TOS_FIRST 50
#define SMCCC_OWNER_TOS_LAST 63
#define SMCCC_FAST BIT(31)
#define SMCCC_NOT_SUPPORTED ((uint64_t)-1)

static struct monitor_cpu *this_cpu(void)
{
	return (struct monitor_cpu *)read_sysreg(tpidr_el3);
}

static struct gp_regs *handle_ns_smc(struct monitor_cpu *cpu,
				     struct gp_regs *ns)
{
	uint32_t fid = (uint32_t)ns->x[0];
	struct gp_regs *next;

	if (psci_handle(cpu, ns, &next))
		return next;
	if (SMCCC_OWNER(fid) >= SMCCC_OWNER_TOS_FIRST &&
	    SMCCC_OWNER(fid) <= SMCCC_OWNER_TOS_LAST) {
		if (!core_is_alive()) {
			ns->x[0] = CORE_DEAD_RETURN;
			return ns;
		}
		return core_enter(cpu,
				  (fid & SMCCC_FAST) ? CORE_ENTRY_FAST_SMC
						     : CORE_ENTRY_STD_SMC,
				  CORE_OP_CALL, ns->x);
	}
	ns->x[0] = SMCCC_NOT_SUPPORTED;
	return ns;
}

/*
 * A normal-world instruction trapped to EL3 that we do not emulate: make it
 * an Undefined Instruction exception at NS-EL1, as a CPU without the
 * feature would, so Linux reports it instead of hanging.
 */
static struct gp_regs *inject_undef_ns(struct gp_regs *ns, uint64_t esr)
{
	static bool logged;
	uint64_t from_el = (ns->spsr_el3 >> 2) & 3;
	uint64_t vector_offset = from_el == 0 ? 0x400 : 0x200;

	if (!logged) {
		logged = true;
		mlog("normal world trapped to EL3: ESR=0x%lx ELR=0x%lx; "
		     "injecting an undefined-instruction exception",
		     esr, ns->elr_el3);
	}
	write_sysreg(elr_el1, ns->elr_el3);
	write_sysreg(spsr_el1, ns->spsr_el3);
	write_sysreg(esr_el1, BIT(25) /* IL, EC = 0: unknown reason */);
	ns->elr_el3 = read_sysreg(vbar_el1) + vector_offset;
	ns->spsr_el3 = SPSR_MODE_EL1H | SPSR_DAIF_MASK;
	return ns;
}

struct gp_regs *monitor_handle_sync(struct gp_regs *ctx)
{
	struct monitor_cpu *cpu = this_cpu();
	uint64_t esr = read_sysreg(esr_el3);

	if (cpu->current == WORLD_SECURE) {
		if (ESR_EC(esr) != ESR_EC_SMC64) {
			mlog("secure world trapped to EL3: ESR=0x%lx ELR=0x%lx",
			     esr, ctx->elr_el3);
			ctx->x[0] = CORE_MSG_PANIC;
		}
		return core_handle_message(cpu, ctx);
	}
	if (ESR_EC(esr) != ESR_EC_SMC64)
		return inject_undef_ns(ctx, esr);
	return handle_ns_smc(cpu, ctx);
}

struct gp_regs *monitor_handle_fiq(struct gp_regs *ctx)
{
	struct monitor_cpu *cpu = this_cpu();
	uint64_t noargs[8] = {0};

	/* Only reachable from the normal world: a secure interrupt fired. */
	if (cpu->current == WORLD_NS && core_is_alive())
		return core_enter(cpu, CORE_ENTRY_FIQ, CORE_OP_FIQ, noargs);
	return ctx;
}

struct gp_regs *monitor_handle_irq(struct gp_regs *ctx)
{
	mlog("unexpected IRQ at EL3 on cpu %u", this_cpu()->pos);
	return ctx;
}

struct gp_regs *monitor_handle_serror(struct gp_regs *ctx)
{
	mlog("SError from %s world on cpu %u, ELR=0x%lx",
	     this_cpu()->current == WORLD_NS ? "normal" : "secure",
	     this_cpu()->pos, ctx->elr_el3);
	return ctx;
}
