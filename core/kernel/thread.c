/*
 * The secure thread pool. A thread is claimed with an atomic FREE->ACTIVE
 * and resumed with SUSPENDED->ACTIVE, so two CPUs can never run one thread,
 * whatever the normal world sends. A thread is marked SUSPENDED or FREE only
 * after its CPU has left the thread's stack.
 */
#include <kernel/log.h>
#include <kernel/thread.h>
#include <kernel/user_access.h>
#include <mm/uspace.h>
#include <rampart/abi/optee_smc.h>
#include <tee/user_fp.h>

static struct thread threads[CFG_NUM_THREADS];
static uint8_t thread_stacks[CFG_NUM_THREADS][THREAD_STACK_SIZE]
	__attribute__((aligned(16)));
static volatile uint64_t ethread_limit_count;

void thread_enter(uint64_t stack_top, void (*fn)(void *), void *arg)
	__attribute__((noreturn));
void thread_save_and_leave(struct thread_regs *save, void (*leave)(void));
void thread_restore(const struct thread_regs *regs) __attribute__((noreturn));
void thread_leave_to_cpu_stack(void (*fn)(void)) __attribute__((noreturn));
void smc_return_to_ns(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
	__attribute__((noreturn));

_Static_assert(__builtin_offsetof(struct thread_regs, sp) == 96, "regs");

void thread_init(void)
{
	for (unsigned int i = 0; i < CFG_NUM_THREADS; i++) {
		threads[i].index = i;
		threads[i].state = THREAD_FREE;
		threads[i].stack_top =
			(uint64_t)(thread_stacks[i] + THREAD_STACK_SIZE);
	}
}

unsigned int thread_count(void)
{
	return CFG_NUM_THREADS;
}

uint64_t thread_ethread_limit_count(void)
{
	return __atomic_load_n(&ethread_limit_count, __ATOMIC_RELAXED);
}

struct thread *thread_current(void)
{
	return this_core_cpu()->current_thread;
}

struct thread *thread_by_index(unsigned int i)
{
	return i < CFG_NUM_THREADS ? &threads[i] : NULL;
}

/*
 * On the per-CPU stack, after leaving a thread: hand the thread over in
 * @state and return @cpu->leave_out to the normal world. The outputs are
 * copied first: once the state is published, another CPU may take the
 * thread.
 */
static void __attribute__((noreturn)) release_and_return(uint32_t state)
{
	struct core_cpu *cpu = this_core_cpu();
	struct thread *t = cpu->current_thread;
	uint64_t out[4] = {cpu->leave_out[0], cpu->leave_out[1],
			   cpu->leave_out[2], cpu->leave_out[3]};

	/*
	 * Leave no TA's tables in TTBR0: once the thread is published it may
	 * resume on another CPU and free them, and this CPU would otherwise
	 * come back into the core (next SMC) walking freed tables.
	 */
	uspace_deactivate();
	/* The normal world finds its own FP/SIMD registers (tee/user_fp.h). */
	user_fp_leave_world(state == THREAD_SUSPENDED);
	cpu->current_thread = NULL;
	if (state == THREAD_FREE)
		t->call = NULL;
	__atomic_store_n(&t->state, state, __ATOMIC_RELEASE);
	smc_return_to_ns(out[0], out[1], out[2], out[3]);
}

static void leave_suspended(void)
{
	release_and_return(THREAD_SUSPENDED);
}

void thread_rpc(uint32_t rpc_func, uint64_t a1, uint64_t a2)
{
	struct core_cpu *cpu = this_core_cpu();
	struct thread *t = cpu->current_thread;

	if (!t)
		panic("RPC outside a thread");
	t->generation = (t->generation + 1) & 0xffffff;
	cpu->leave_out[0] = OPTEE_SMC_RETURN_RPC_PREFIX | rpc_func;
	cpu->leave_out[1] = a1;
	cpu->leave_out[2] = a2;
	/* Linux hands back only a1..a3 unchanged: the token lives in a3. */
	cpu->leave_out[3] = ((uint64_t)t->generation << 8) | t->index;
	thread_save_and_leave(&t->regs, leave_suspended);
	/* Resumed, possibly on another CPU: do not use `cpu` here. */
	if (t->active_uspace) {
		uspace_activate(t->active_uspace);
		user_access_reassert();
	}
}

static void leave_finished(void)
{
	release_and_return(THREAD_FREE);
}

static void __attribute__((noreturn)) thread_main(void *arg)
{
	struct thread *t = arg;
	uint64_t out[4];
	struct core_cpu *cpu;

	tee_entry_std(t, out);
	cpu = this_core_cpu();
	for (int i = 0; i < 4; i++)
		cpu->leave_out[i] = out[i];
	thread_leave_to_cpu_stack(leave_finished);
}

static void resume(struct smc_args *args)
{
	uint32_t token = (uint32_t)args->a[3];
	struct thread *t = thread_by_index(token & 0xff);
	uint32_t expected = THREAD_SUSPENDED;

	if (!t || !__atomic_compare_exchange_n(
			  &t->state, &expected, THREAD_ACTIVE, false,
			  __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		args->a[0] = OPTEE_SMC_RETURN_ERESUME;
		return;
	}
	if (t->generation != token >> 8) {
		/* A forged or stale token: the thread stays where it was. */
		__atomic_store_n(&t->state, THREAD_SUSPENDED, __ATOMIC_RELEASE);
		args->a[0] = OPTEE_SMC_RETURN_ERESUME;
		return;
	}
	t->rpc_ret[0] = args->a[1];
	t->rpc_ret[1] = args->a[2];
	t->rpc_ret[2] = args->a[4];
	t->rpc_ret[3] = args->a[5];
	this_core_cpu()->current_thread = t;
	thread_restore(&t->regs);
}

static void start(struct smc_args *args)
{
	for (unsigned int i = 0; i < CFG_NUM_THREADS; i++) {
		struct thread *t = &threads[i];
		uint32_t expected = THREAD_FREE;

		if (!__atomic_compare_exchange_n(
			    &t->state, &expected, THREAD_ACTIVE, false,
			    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			continue;
		t->args = *args;
		t->call = NULL;
		t->cancel_requested = false;
		t->user = NULL;
		t->active_uspace = NULL;
		this_core_cpu()->current_thread = t;
		thread_enter(t->stack_top, thread_main, t);
	}
	__atomic_fetch_add(&ethread_limit_count, 1, __ATOMIC_RELAXED);
	args->a[0] = OPTEE_SMC_RETURN_ETHREAD_LIMIT;
}

void thread_handle_std_smc(struct smc_args *args)
{
	switch ((uint32_t)args->a[0]) {
	case OPTEE_SMC_CALL_RETURN_FROM_RPC:
		resume(args);
		break;
	case OPTEE_SMC_CALL_WITH_ARG:
	case OPTEE_SMC_CALL_WITH_RPC_ARG:
	case OPTEE_SMC_CALL_WITH_REGD_ARG:
		start(args);
		break;
	default:
		args->a[0] = OPTEE_SMC_RETURN_UNKNOWN_FUNCTION;
		break;
	}
}
