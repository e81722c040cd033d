/*
 * Rampart hostile normal-world payload: entry points and the SMC helper.
 *
 * The monitor enters at the load address in EL1h, MMU off, DAIF masked,
 * x0 = DTB. scripts/run-qemu.sh insists on an arm64 Image header, so the
 * first 64 bytes are one (text_offset 0, image_size from the linker).
 */
	.section .text.head, "ax"
	.globl	_start
_start:
	b	primary_entry		/* code0 */
	nop				/* code1 */
	.quad	0			/* text_offset */
	.quad	_image_size		/* image_size */
	.quad	0			/* flags */
	.quad	0, 0, 0			/* res2-res4 */
	.ascii	"ARM\x64"		/* magic */
	.long	0			/* res5 */

primary_entry:
	mov	x19, x0
	adr	x1, vectors
	msr	vbar_el1, x1
	isb
	ldr	x1, =stack0_top
	mov	sp, x1
	/* Zero .bss (8-byte aligned both ends, see hostile.ld). */
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b
2:	mov	x0, x19
	bl	hostile_main
3:	wfi
	b	3b

/* PSCI CPU_ON target: x0 = context id. */
	.text
	.globl	secondary_entry
secondary_entry:
	mov	x19, x0
	adr	x1, vectors
	msr	vbar_el1, x1
	isb
	ldr	x1, =stack1_top
	mov	sp, x1
	mov	x0, x19
	bl	hostile_secondary
4:	wfi
	b	4b

/*
 * void smc_call(const uint64_t in[8], uint64_t out[4])
 * x0..x7 = in[0..7]; out[0..3] = x0..x3 after the SMC. Everything the
 * caller may need is saved: the secure side must not be trusted to keep
 * x4..x18 intact.
 */
	.globl	smc_call
smc_call:
	stp	x29, x30, [sp, #-96]!
	mov	x29, sp
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
	mov	x19, x1
	mov	x9, x0
	ldp	x0, x1, [x9, #0]
	ldp	x2, x3, [x9, #16]
	ldp	x4, x5, [x9, #32]
	ldp	x6, x7, [x9, #48]
	smc	#0
	stp	x0, x1, [x19, #0]
	stp	x2, x3, [x19, #16]
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldp	x29, x30, [sp], #96
	ret

/* Any exception is a payload bug: report it and power off. */
	.macro	vec, n
	.balign	0x80
	mov	x0, #\n
	b	vec_common
	.endm

	.balign	2048
vectors:
	vec	0
	vec	1
	vec	2
	vec	3
	vec	4
	vec	5
	vec	6
	vec	7
	vec	8
	vec	9
	vec	10
	vec	11
	vec	12
	vec	13
	vec	14
	vec	15

vec_common:
	/* Use a private stack: sp may be what faulted. */
	mrs	x1, mpidr_el1
	and	x1, x1, #0xff
	ldr	x2, =stack0_top
	ldr	x3, =stack1_top
	cmp	x1, #0
	csel	x2, x2, x3, eq
	sub	sp, x2, #1024
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	mrs	x3, far_el1
	bl	hostile_exception
5:	wfi
	b	5b

	.ltorg
