/* S-EL1 exception vectors. */

.macro save_caller_regs
	sub	sp, sp, #192
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x29, [sp, #144]
	mrs	x0, elr_el1
	mrs	x1, spsr_el1
	stp	x30, x0, [sp, #160]
	str	x1, [sp, #176]
.endm

.macro restore_caller_regs_and_eret
	ldr	x1, [sp, #176]
	ldp	x30, x0, [sp, #160]
	msr	elr_el1, x0
	msr	spsr_el1, x1
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x29, [sp, #144]
	add	sp, sp, #192
	eret
.endm

/* A full user frame: x0-x30, sp_el0, elr, spsr (struct user_frame). */
.macro user_vector handler
	.balign 0x80
	sub	sp, sp, #272
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	b	\handler
.endm

.macro fatal_vector kind
	.balign 0x80
	mov	x0, #\kind
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	mrs	x3, far_el1
	b	core_fatal_exception
.endm

.macro irq_vector handler
	.balign 0x80
	save_caller_regs
	bl	\handler
	restore_caller_regs_and_eret
.endm

	.text
	.balign 0x800
	.global core_vectors
core_vectors:
	fatal_vector 0	/* current EL, SP_EL0: sync */
	fatal_vector 1
	fatal_vector 2
	fatal_vector 3
	fatal_vector 4	/* current EL, SP_EL1: sync */
	irq_vector core_handle_irq
	irq_vector core_handle_foreign_fiq
	fatal_vector 7
	user_vector user_sync_entry	/* lower EL AArch64: TAs */
	user_vector user_irq_entry
	user_vector user_fiq_entry
	user_vector user_serror_entry
	fatal_vector 12	/* lower EL AArch32 */
	fatal_vector 13
	fatal_vector 14
	fatal_vector 15

/* The rest of the user frame, the C handler, then back to EL0. */
.macro user_entry_tail handler
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	mrs	x0, sp_el0
	stp	x30, x0, [sp, #240]
	mrs	x0, elr_el1
	mrs	x1, spsr_el1
	stp	x0, x1, [sp, #256]
	mov	x0, sp
	bl	\handler
	b	user_return_to_el0
.endm

user_sync_entry:
	user_entry_tail user_sync_handler
user_irq_entry:
	user_entry_tail user_irq_handler
user_fiq_entry:
	user_entry_tail user_fiq_handler
user_serror_entry:
	user_entry_tail user_serror_handler

user_return_to_el0:
	ldp	x0, x1, [sp, #256]
	msr	elr_el1, x0
	msr	spsr_el1, x1
	ldp	x30, x0, [sp, #240]
	msr	sp_el0, x0
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	add	sp, sp, #272
	eret
