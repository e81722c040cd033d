/*
 * EL3 entry: reset, secondary parking, exception vectors and the final
 * context restore. Everything that can be C is in C.
 */
#include <platform_config.h>
#include "context.h"

#define MPIDR_AFF_MASK_LO 0xffffff

	.section .text.reset, "ax"
	.global monitor_reset
monitor_reset:
	/* Running from flash at its load address; only PC-relative code here. */
	mrs	x0, mpidr_el1
	and	x0, x0, #MPIDR_AFF_MASK_LO
	cbnz	x0, secondary_cold

	/* Copy the monitor image from flash to secure RAM. */
	adr	x1, monitor_reset
	ldr	x2, =__monitor_start
	ldr	x3, =__monitor_load_size
1:	ldr	x4, [x1], #8
	str	x4, [x2], #8
	subs	x3, x3, #8
	b.gt	1b
	/* Secure RAM survives a reset: .bss must be zeroed by hand. */
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
2:	cmp	x1, x2
	b.hs	3f
	str	xzr, [x1], #8
	b	2b
3:	dsb	sy
	ldr	x0, =primary_in_ram
	br	x0

secondary_cold:
	/* x0 = MPIDR affinity; Aff1 * 8 + Aff0 is the linear index. */
	ubfx	x1, x0, #8, #8
	and	x2, x0, #0xff
	add	x0, x2, x1, lsl #3
	lsr	x1, x0, #16
	cbnz	x1, cpu_dead
	b	monitor_park_cpu

/*
 * monitor_park_cpu(pos): wait until a PSCI CPU_ON posts an entry address
 * in this CPU's mailbox, then jump there. The CPU sleeps in WFI (QEMU's WFE
 * spins) and CPU_ON wakes it with the Group 0 SGI GIC_WAKEUP_SGI, which the
 * boot CPU configured in every redistributor. Needs no stack, and is
 * position independent apart from the literal, so it runs from flash at
 * cold boot and from RAM after CPU_OFF.
 */
	.global monitor_park_cpu
monitor_park_cpu:
	cmp	x0, #PLAT_MAX_CPUS
	b.hs	cpu_dead
	mov	x1, #0xf
	msr	S3_6_C12_C12_5, x1	/* ICC_SRE_EL3: system registers on */
	isb
	mov	x1, #0xff
	msr	S3_0_C4_C6_0, x1	/* ICC_PMR_EL1: let every priority in */
	mov	x1, #1
	msr	S3_0_C12_C12_6, x1	/* ICC_IGRPEN0_EL1: Group 0 on */
	isb
	ldr	x1, =monitor_cpu_mailbox
	add	x1, x1, x0, lsl #3
4:	ldr	x2, [x1]
	cbnz	x2, 5f
	wfi
	mrs	x3, S3_0_C12_C8_0	/* ICC_IAR0_EL1 */
	and	x4, x3, #0xffffff
	cmp	x4, #1020
	b.hs	4b
	msr	S3_0_C12_C8_1, x3	/* ICC_EOIR0_EL1 */
	b	4b
5:	str	xzr, [x1]
	dsb	sy
	br	x2

cpu_dead:
	wfi
	b	cpu_dead

	.text
primary_in_ram:
	mov	x0, #0
	bl	cpu_el3_init
	bl	monitor_primary_main
	b	cpu_dead

/* Entry for CPUs released by PSCI CPU_ON; x0 = linear index (set below). */
	.global monitor_warm_entry
monitor_warm_entry:
	mrs	x0, mpidr_el1
	ubfx	x1, x0, #8, #8
	and	x2, x0, #0xff
	add	x0, x2, x1, lsl #3
	mov	x19, x0
	bl	cpu_el3_init
	mov	x0, x19
	bl	monitor_secondary_main
	b	cpu_dead

/*
 * cpu_el3_init(pos): vectors, SCTLR_EL3 and the C stack for this CPU.
 * Clobbers x0-x3, keeps x30 in x3.
 */
cpu_el3_init:
	mov	x3, x30
	ldr	x1, =monitor_vectors
	msr	vbar_el3, x1
	/* MMU off at EL3: I-cache on, no alignment checks beyond Device rules. */
	mov	x1, #(1 << 12)
	msr	sctlr_el3, x1
	isb
	ldr	x1, =monitor_cpus
	ldr	x2, =monitor_cpu_size
	ldr	x2, [x2]
	madd	x1, x0, x2, x1
	/* SP_EL3 = this CPU's stack top until a world context takes over. */
	ldr	x2, =monitor_cpu_stack_offset
	ldr	x2, [x2]
	add	x1, x1, x2
	add	x1, x1, #MONITOR_STACK_SIZE
	mov	sp, x1
	mov	x30, x3
	ret

/* monitor_enter_ctx(ctx): load a world's GP context and eret into it. */
	.global monitor_enter_ctx
monitor_enter_ctx:
	mov	sp, x0
	ldp	x0, x1, [sp, #CTX_ELR_EL3]
	msr	elr_el3, x0
	msr	spsr_el3, x1
	ldp	x30, x0, [sp, #CTX_X30]
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
	ldp	x28, x29, [sp, #CTX_X28]
	eret

.macro save_ctx_and_call handler
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #CTX_X28]
	mrs	x0, sp_el0
	stp	x30, x0, [sp, #CTX_X30]
	mrs	x0, elr_el3
	mrs	x1, spsr_el3
	stp	x0, x1, [sp, #CTX_ELR_EL3]
	mov	x0, sp
	ldr	x1, [sp, #CTX_RUNTIME_SP]
	mov	sp, x1
	bl	\handler
	b	monitor_enter_ctx
.endm

.macro crash_vector
	.balign 0x80
	b	monitor_crash_vector
.endm

	.balign 0x800
	.global monitor_vectors
monitor_vectors:
	/* Current EL with SP_EL0: never used. */
	crash_vector
	crash_vector
	crash_vector
	crash_vector
	/* Current EL with SP_ELx: a monitor bug. */
	crash_vector
	crash_vector
	crash_vector
	crash_vector
	/* Lower EL, AArch64. */
	.balign 0x80
	save_ctx_and_call monitor_handle_sync
	.balign 0x80
	save_ctx_and_call monitor_handle_irq
	.balign 0x80
	save_ctx_and_call monitor_handle_fiq
	.balign 0x80
	save_ctx_and_call monitor_handle_serror
	/* Lower EL, AArch32: not supported. */
	crash_vector
	crash_vector
	crash_vector
	crash_vector

monitor_crash_vector:
	mrs	x0, esr_el3
	mrs	x1, elr_el3
	mrs	x2, far_el3
	bl	monitor_crash
	b	cpu_dead
