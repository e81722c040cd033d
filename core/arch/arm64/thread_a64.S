/* Switching between the per-CPU stacks and secure thread stacks. */
#include <kernel/cpu.h>
#include <rampart/monitor_core.h>

/* void thread_enter(uint64_t stack_top, void (*fn)(void *), void *arg) */
	.global thread_enter
thread_enter:
	mov	sp, x0
	mov	x0, x2
	br	x1

/*
 * void thread_save_and_leave(struct thread_regs *save, void (*leave)(void))
 * Saves the caller's callee-saved registers and stack, moves to this CPU's
 * stack and calls leave(), which never returns. thread_restore() later
 * returns from this function, on whichever CPU resumes the thread.
 */
	.global thread_save_and_leave
thread_save_and_leave:
	stp	x19, x20, [x0, #0]
	stp	x21, x22, [x0, #16]
	stp	x23, x24, [x0, #32]
	stp	x25, x26, [x0, #48]
	stp	x27, x28, [x0, #64]
	stp	x29, x30, [x0, #80]
	mov	x2, sp
	str	x2, [x0, #96]
	mrs	x8, tpidr_el1
	ldr	x9, [x8, #CPU_STACK_TOP_OFFSET]
	mov	sp, x9
	blr	x1
	b	.

/* void thread_restore(const struct thread_regs *regs): never returns. */
	.global thread_restore
thread_restore:
	ldp	x19, x20, [x0, #0]
	ldp	x21, x22, [x0, #16]
	ldp	x23, x24, [x0, #32]
	ldp	x25, x26, [x0, #48]
	ldp	x27, x28, [x0, #64]
	ldp	x29, x30, [x0, #80]
	ldr	x1, [x0, #96]
	mov	sp, x1
	ret

/*
 * void thread_leave_to_cpu_stack(void (*fn)(void)): for a finished call:
 * off the thread stack first, so the thread can be freed and reused by
 * another CPU while this one still runs fn().
 */
	.global thread_leave_to_cpu_stack
thread_leave_to_cpu_stack:
	mrs	x8, tpidr_el1
	ldr	x9, [x8, #CPU_STACK_TOP_OFFSET]
	mov	sp, x9
	blr	x0
	b	.

/* void smc_return_to_ns(uint64_t a0, a1, a2, a3): CALL_DONE, no return. */
	.global smc_return_to_ns
smc_return_to_ns:
	mov	x4, x3
	mov	x3, x2
	mov	x2, x1
	mov	x1, x0
	ldr	x0, =CORE_MSG_CALL_DONE
	smc	#0
	b	.
