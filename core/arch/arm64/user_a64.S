/*
 * Entering a TA at S-EL0 and coming back. user_enter() saves the core's
 * callee-saved registers, clears every other register (nothing of the
 * core's leaks to the TA) and erets; user_exit() returns from user_enter()
 * with a value, abandoning whatever exception frame was in between.
 */

/* uint64_t user_enter(const struct user_entry *e, struct thread_regs *save)
 * struct user_entry { u64 x0, x1, x2, x3, sp, pc; } */
	.global user_enter
user_enter:
	stp	x19, x20, [x1, #0]
	stp	x21, x22, [x1, #16]
	stp	x23, x24, [x1, #32]
	stp	x25, x26, [x1, #48]
	stp	x27, x28, [x1, #64]
	stp	x29, x30, [x1, #80]
	mov	x2, sp
	str	x2, [x1, #96]
	ldp	x2, x3, [x0, #32]	/* sp, pc */
	msr	sp_el0, x2
	msr	elr_el1, x3
	/* EL0t; IRQ masked (the core's own), FIQ open: Linux can preempt. */
	mov	x2, #(1 << 7)
	msr	spsr_el1, x2
	msr	tpidr_el0, xzr
	ldp	x2, x3, [x0, #16]
	ldp	x0, x1, [x0, #0]
	mov	x4, xzr
	mov	x5, xzr
	mov	x6, xzr
	mov	x7, xzr
	mov	x8, xzr
	mov	x9, xzr
	mov	x10, xzr
	mov	x11, xzr
	mov	x12, xzr
	mov	x13, xzr
	mov	x14, xzr
	mov	x15, xzr
	mov	x16, xzr
	mov	x17, xzr
	mov	x18, xzr
	mov	x19, xzr
	mov	x20, xzr
	mov	x21, xzr
	mov	x22, xzr
	mov	x23, xzr
	mov	x24, xzr
	mov	x25, xzr
	mov	x26, xzr
	mov	x27, xzr
	mov	x28, xzr
	mov	x29, xzr
	mov	x30, xzr
	eret

/* void user_exit(const struct thread_regs *save, uint64_t value) */
	.global user_exit
user_exit:
	ldp	x19, x20, [x0, #0]
	ldp	x21, x22, [x0, #16]
	ldp	x23, x24, [x0, #32]
	ldp	x25, x26, [x0, #48]
	ldp	x27, x28, [x0, #64]
	ldp	x29, x30, [x0, #80]
	ldr	x2, [x0, #96]
	mov	sp, x2
	mov	x0, x1
	ret
