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
	fatal_vector 8	/* lower EL AArch64 (TAs): not yet */
	fatal_vector 9
	fatal_vector 10
	fatal_vector 11
	fatal_vector 12	/* lower EL AArch32 */
	fatal_vector 13
	fatal_vector 14
	fatal_vector 15
