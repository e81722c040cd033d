/* Per-CPU state of the core, found through TPIDR_EL1. */
#ifndef KERNEL_CPU_H
#define KERNEL_CPU_H

#include <platform_config.h>

#define CORE_STACK_SIZE 8192
#define CPU_STACK_TOP_OFFSET 0

#ifndef __ASSEMBLER__
#include <rampart/arm64.h>

struct thread;

struct core_cpu {
	uint64_t stack_top; /* must stay first: entry.S loads it */
	unsigned int pos;
	volatile uint32_t secure_timer_ticks;
	struct thread *current_thread; /* NULL on the per-CPU stack */
	uint64_t leave_out[4];         /* x0..x3 for the normal world */
};

extern struct core_cpu core_cpus[PLAT_MAX_CPUS];

static inline struct core_cpu *this_core_cpu(void)
{
	return (struct core_cpu *)read_sysreg(tpidr_el1);
}

/* Fills x0..x7 of an SMC in, x0..x3 of the answer out. */
struct smc_args {
	uint64_t a[8];
};
#endif

#endif
