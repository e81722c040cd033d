/*
 * Letting normal-world interrupts preempt a secure thread: between unmask
 * and mask, such an interrupt makes the thread step out to the normal
 * world (RPC FOREIGN_INTR) and come back afterwards.
 */
#ifndef KERNEL_FOREIGN_INTR_H
#define KERNEL_FOREIGN_INTR_H

static inline void foreign_intr_unmask(void)
{
#ifdef __aarch64__
	__asm__ volatile("msr daifclr, #1" ::: "memory");
#endif
}

static inline void foreign_intr_mask(void)
{
#ifdef __aarch64__
	__asm__ volatile("msr daifset, #1" ::: "memory");
#endif
}

#endif
