/*
 * Secure threads: every yielding call from the normal world runs on one.
 * A thread can leave for the normal world in the middle of its work (an
 * RPC) and be resumed later, on any CPU, by RETURN_FROM_RPC carrying the
 * thread's resume token in a3.
 */
#ifndef KERNEL_THREAD_H
#define KERNEL_THREAD_H

#include <kernel/cpu.h>
#include <rampart/types.h>

#define CFG_NUM_THREADS 4
#define THREAD_STACK_SIZE 32768 /* nested TA-to-TA calls, mbedTLS RSA */

#ifndef __ASSEMBLER__

enum thread_state {
	THREAD_FREE,
	THREAD_ACTIVE,    /* running on some CPU */
	THREAD_SUSPENDED, /* waiting in the normal world for an RPC answer */
};

/* Callee-saved registers of a suspended thread (thread_a64.S). */
struct thread_regs {
	uint64_t x19_x30[12];
	uint64_t sp;
};

struct std_call; /* core/tee: the call a thread is serving */
struct user_ctx; /* core/tee: the TA entry a thread is running, if any */
struct uspace;

struct thread {
	volatile uint32_t state;
	uint32_t index;
	uint32_t generation; /* bumped at every suspension: stale tokens fail */
	struct thread_regs regs;
	uint64_t stack_top;
	struct smc_args args;   /* the SMC that started the call */
	uint64_t rpc_ret[4];    /* a1, a2, a4, a5 of RETURN_FROM_RPC */
	struct std_call *call;
	volatile bool cancel_requested;
	struct user_ctx *user;
	const struct uspace *active_uspace; /* re-installed after an RPC */
};

void thread_init(void);
unsigned int thread_count(void);
uint64_t thread_ethread_limit_count(void);

/* On the per-CPU stack: starts a new yielding call or resumes one. */
void thread_handle_std_smc(struct smc_args *args);

struct thread *thread_current(void);
struct thread *thread_by_index(unsigned int i);

/*
 * Leaves for the normal world with a0 = RPC function and a1/a2, returns
 * when it answers with RETURN_FROM_RPC; thread_current()->rpc_ret holds
 * its a1, a2, a4, a5.
 */
void thread_rpc(uint32_t rpc_func, uint64_t a1, uint64_t a2);

/*
 * What a thread runs: serves the call in t->args and returns the four
 * values for the normal world's x0..x3 (core/tee/entry_std.c).
 */
void tee_entry_std(struct thread *t, uint64_t out[4]);

#endif
#endif
