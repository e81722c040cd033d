/* Saving and loading each world's EL1 system registers. */
#include <rampart/arm64.h>
#include <string.h>

#include "context.h"
#include "monitor.h"

_Static_assert(__builtin_offsetof(struct gp_regs, x[28]) == CTX_X28, "x28");
_Static_assert(__builtin_offsetof(struct gp_regs, x[30]) == CTX_X30, "x30");
_Static_assert(__builtin_offsetof(struct gp_regs, elr_el3) == CTX_ELR_EL3,
	       "elr");
_Static_assert(__builtin_offsetof(struct gp_regs, runtime_sp) == CTX_RUNTIME_SP,
	       "runtime_sp");
_Static_assert(sizeof(struct gp_regs) == CTX_GP_SIZE, "gp size");
_Static_assert(__builtin_offsetof(struct world_ctx, gp) == 0, "gp first");

/* Read by entry.S to find a CPU's stack without knowing the C layout. */
const uint64_t monitor_cpu_size = sizeof(struct monitor_cpu);
const uint64_t monitor_cpu_stack_offset =
	__builtin_offsetof(struct monitor_cpu, stack);

/* PAuth key registers by encoding, so no -march beyond v8.0 is needed. */
#define APIAKEYLO S3_0_C2_C1_0
#define APIAKEYHI S3_0_C2_C1_1
#define APIBKEYLO S3_0_C2_C1_2
#define APIBKEYHI S3_0_C2_C1_3
#define APDAKEYLO S3_0_C2_C2_0
#define APDAKEYHI S3_0_C2_C2_1
#define APDBKEYLO S3_0_C2_C2_2
#define APDBKEYHI S3_0_C2_C2_3
#define APGAKEYLO S3_0_C2_C3_0
#define APGAKEYHI S3_0_C2_C3_1

static void save_el1(struct el1_sysregs *r)
{
	r->sctlr = read_sysreg(sctlr_el1);
	r->cpacr = read_sysreg(cpacr_el1);
	r->ttbr0 = read_sysreg(ttbr0_el1);
	r->ttbr1 = read_sysreg(ttbr1_el1);
	r->tcr = read_sysreg(tcr_el1);
	r->mair = read_sysreg(mair_el1);
	r->amair = read_sysreg(amair_el1);
	r->vbar = read_sysreg(vbar_el1);
	r->contextidr = read_sysreg(contextidr_el1);
	r->tpidr_el0 = read_sysreg(tpidr_el0);
	r->tpidrro_el0 = read_sysreg(tpidrro_el0);
	r->tpidr_el1 = read_sysreg(tpidr_el1);
	r->sp_el1 = read_sysreg(sp_el1);
	r->elr_el1 = read_sysreg(elr_el1);
	r->spsr_el1 = read_sysreg(spsr_el1);
	r->esr_el1 = read_sysreg(esr_el1);
	r->far_el1 = read_sysreg(far_el1);
	r->par_el1 = read_sysreg(par_el1);
	r->afsr0 = read_sysreg(afsr0_el1);
	r->afsr1 = read_sysreg(afsr1_el1);
	r->cntkctl = read_sysreg(cntkctl_el1);
	r->csselr = read_sysreg(csselr_el1);
	r->mdscr = read_sysreg(mdscr_el1);
	if (monitor_features.pauth) {
		r->pauth_keys[0] = read_sysreg(APIAKEYLO);
		r->pauth_keys[1] = read_sysreg(APIAKEYHI);
		r->pauth_keys[2] = read_sysreg(APIBKEYLO);
		r->pauth_keys[3] = read_sysreg(APIBKEYHI);
		r->pauth_keys[4] = read_sysreg(APDAKEYLO);
		r->pauth_keys[5] = read_sysreg(APDAKEYHI);
		r->pauth_keys[6] = read_sysreg(APDBKEYLO);
		r->pauth_keys[7] = read_sysreg(APDBKEYHI);
		r->pauth_keys[8] = read_sysreg(APGAKEYLO);
		r->pauth_keys[9] = read_sysreg(APGAKEYHI);
	}
}

static void restore_el1(const struct el1_sysregs *r)
{
	write_sysreg(sctlr_el1, r->sctlr);
	write_sysreg(cpacr_el1, r->cpacr);
	write_sysreg(ttbr0_el1, r->ttbr0);
	write_sysreg(ttbr1_el1, r->ttbr1);
	write_sysreg(tcr_el1, r->tcr);
	write_sysreg(mair_el1, r->mair);
	write_sysreg(amair_el1, r->amair);
	write_sysreg(vbar_el1, r->vbar);
	write_sysreg(contextidr_el1, r->contextidr);
	write_sysreg(tpidr_el0, r->tpidr_el0);
	write_sysreg(tpidrro_el0, r->tpidrro_el0);
	write_sysreg(tpidr_el1, r->tpidr_el1);
	write_sysreg(sp_el1, r->sp_el1);
	write_sysreg(elr_el1, r->elr_el1);
	write_sysreg(spsr_el1, r->spsr_el1);
	write_sysreg(esr_el1, r->esr_el1);
	write_sysreg(far_el1, r->far_el1);
	write_sysreg(par_el1, r->par_el1);
	write_sysreg(afsr0_el1, r->afsr0);
	write_sysreg(afsr1_el1, r->afsr1);
	write_sysreg(cntkctl_el1, r->cntkctl);
	write_sysreg(csselr_el1, r->csselr);
	write_sysreg(mdscr_el1, r->mdscr);
	if (monitor_features.pauth) {
		write_sysreg(APIAKEYLO, r->pauth_keys[0]);
		write_sysreg(APIAKEYHI, r->pauth_keys[1]);
		write_sysreg(APIBKEYLO, r->pauth_keys[2]);
		write_sysreg(APIBKEYHI, r->pauth_keys[3]);
		write_sysreg(APDAKEYLO, r->pauth_keys[4]);
		write_sysreg(APDAKEYHI, r->pauth_keys[5]);
		write_sysreg(APDBKEYLO, r->pauth_keys[6]);
		write_sysreg(APDBKEYHI, r->pauth_keys[7]);
		write_sysreg(APGAKEYLO, r->pauth_keys[8]);
		write_sysreg(APGAKEYHI, r->pauth_keys[9]);
	}
}

void world_reset_el1(struct world_ctx *w)
{
	memset(&w->el1, 0, sizeof(w->el1));
	w->el1.sctlr = SCTLR_EL1_RESET;
}

struct gp_regs *world_switch(struct monitor_cpu *cpu, enum world to)
{
	if (cpu->current != to) {
		save_el1(&cpu->world[cpu->current].el1);
		restore_el1(&cpu->world[to].el1);
		cpu->current = to;
	}
	write_sysreg(scr_el3, cpu->world[to].scr_el3);
	isb();
	return &cpu->world[to].gp;
}

struct gp_regs *world_start(struct monitor_cpu *cpu, enum world to)
{
	restore_el1(&cpu->world[to].el1);
	cpu->current = to;
	write_sysreg(scr_el3, cpu->world[to].scr_el3);
	isb();
	return &cpu->world[to].gp;
}
