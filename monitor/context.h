/*
 * Per-CPU monitor state: one saved context per world, and what the core is
 * currently doing on this CPU. The gp_regs layout is shared with entry.S
 * through the CTX_* offsets below; the static asserts in context.c keep
 * them honest.
 */
#ifndef MONITOR_CONTEXT_H
#define MONITOR_CONTEXT_H

#define CTX_X0 0
#define CTX_X28 224
#define CTX_X30 240
#define CTX_ELR_EL3 256
#define CTX_RUNTIME_SP 272
#define CTX_GP_SIZE 288

#define MONITOR_STACK_SIZE 4096

#ifndef __ASSEMBLER__
#include <rampart/types.h>

struct gp_regs {
	uint64_t x[31];
	uint64_t sp_el0;
	uint64_t elr_el3;
	uint64_t spsr_el3;
	uint64_t runtime_sp; /* top of this CPU's monitor stack */
	uint64_t pad;
};

/* EL1 state is not banked between worlds: the monitor swaps all of it. */
struct el1_sysregs {
	uint64_t sctlr, cpacr, ttbr0, ttbr1, tcr, mair, amair, vbar;
	uint64_t contextidr, tpidr_el0, tpidrro_el0, tpidr_el1;
	uint64_t sp_el1, elr_el1, spsr_el1, esr_el1, far_el1, par_el1;
	uint64_t afsr0, afsr1, cntkctl, csselr, mdscr;
	uint64_t pauth_keys[10]; /* APIA, APIB, APDA, APDB, APGA: lo, hi */
};

enum world { WORLD_SECURE = 0, WORLD_NS = 1 };

struct world_ctx {
	struct gp_regs gp; /* must stay first: SP_EL3 points here */
	struct el1_sysregs el1;
	uint64_t scr_el3;
};

/* What the core is doing on this CPU, so its CORE_MSG_* can be checked. */
enum core_op {
	CORE_OP_NONE,
	CORE_OP_BOOT,
	CORE_OP_CPU_ON,
	CORE_OP_CALL,
	CORE_OP_CPU_OFF,
	CORE_OP_FIQ,
	CORE_OP_SYSTEM_OFF,
	CORE_OP_SYSTEM_RESET,
};

struct monitor_cpu {
	struct world_ctx world[2];
	enum world current; /* world whose context SP_EL3 points at */
	enum core_op core_op;
	unsigned int pos;
	uint64_t ns_entry;	/* from PSCI CPU_ON */
	uint64_t ns_context_id; /* from PSCI CPU_ON */
	uint8_t stack[MONITOR_STACK_SIZE] __attribute__((aligned(16)));
} __attribute__((aligned(16)));

extern struct monitor_cpu monitor_cpus[];

/* Saves the current world's EL1 registers and loads the other world's. */
struct gp_regs *world_switch(struct monitor_cpu *cpu, enum world to);

/* Loads a world onto a CPU whose EL1 state is not worth saving. */
struct gp_regs *world_start(struct monitor_cpu *cpu, enum world to);

/* Resets a world's saved EL1 state to what a freshly powered CPU has. */
void world_reset_el1(struct world_ctx *w);

/* Loads @ctx into the CPU and erets; never returns (entry.S). */
void __attribute__((noreturn)) monitor_enter_ctx(struct gp_regs *ctx);

#endif /* __ASSEMBLER__ */
#endif
