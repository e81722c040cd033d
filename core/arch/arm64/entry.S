/*
 * Core entry points. The monitor enters at _start once (boot CPU), then
 * only through core_entry_table; each entry ends with an SMC carrying a
 * CORE_MSG_* code. All entries run with DAIF masked on a fresh stack.
 */
#include <kernel/cpu.h>
#include <rampart/monitor_core.h>

.macro load_cpu_stack
	mrs	x8, tpidr_el1
	ldr	x9, [x8, #CPU_STACK_TOP_OFFSET]
	mov	sp, x9
.endm

/* sp = core_stacks + (pos + 1) * CORE_STACK_SIZE, pos in \reg */
.macro boot_stack reg
	ldr	x9, =core_stacks
	add	x10, \reg, #1
	mov	x11, #CORE_STACK_SIZE
	madd	x9, x10, x11, x9
	mov	sp, x9
.endm

	.section .text.boot, "ax"
	.global _start
_start:
	mov	x19, x0
	mov	x20, x1
	/* Secure RAM keeps its contents across a reset: zero .bss ourselves. */
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b
2:	boot_stack x19
	mov	x0, x19
	mov	x1, x20
	bl	core_boot_primary
	ldr	x0, =CORE_MSG_BOOT_DONE
	adr	x1, core_entry_table
	smc	#0
	b	.

	.text
	.balign	4
	.global core_entry_table
core_entry_table:
	b	entry_std_smc
	b	entry_fast_smc
	b	entry_cpu_on
	b	entry_cpu_off
	b	entry_fiq
	b	entry_system_off
	b	entry_system_reset

.macro smc_call_entry handler
	load_cpu_stack
	sub	sp, sp, #64
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	mov	x0, sp
	bl	\handler
	ldp	x1, x2, [sp, #0]
	ldp	x3, x4, [sp, #16]
	ldr	x0, =CORE_MSG_CALL_DONE
	smc	#0
	b	.
.endm

entry_std_smc:
	smc_call_entry core_handle_std_smc

entry_fast_smc:
	smc_call_entry core_handle_fast_smc

entry_cpu_on:
	/* MMU off, EL1 state fresh; x0 = linear CPU index. */
	mov	x19, x0
	boot_stack x19
	mov	x0, x19
	bl	core_cpu_on
	ldr	x0, =CORE_MSG_CPU_ON_DONE
	smc	#0
	b	.

.macro simple_entry handler, msg
	load_cpu_stack
	bl	\handler
	ldr	x0, =\msg
	smc	#0
	b	.
.endm

entry_cpu_off:
	simple_entry core_cpu_off, CORE_MSG_CPU_OFF_DONE
entry_fiq:
	simple_entry core_handle_secure_fiq, CORE_MSG_FIQ_DONE
entry_system_off:
	simple_entry core_system_off, CORE_MSG_SYSTEM_OFF_DONE
entry_system_reset:
	simple_entry core_system_reset, CORE_MSG_SYSTEM_RESET_DONE

/* mmu_enable(ttbr0, tcr, mair, sctlr) */
	.global mmu_enable
mmu_enable:
	msr	mair_el1, x2
	msr	tcr_el1, x1
	msr	ttbr0_el1, x0
	isb
	tlbi	vmalle1
	dsb	ish
	isb
	msr	sctlr_el1, x3
	isb
	ret
